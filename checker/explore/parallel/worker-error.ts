// How a worker thread on a spec file reports the error that ends its work. A module of its own, with
// no `import.meta`: worker loops import it, and a bundled worker loop must not read import.meta
// (worker-script.ts falls back to tsx for one that does).

/** A worker's report of an error that ends its work; `input`: bad input, reported as such. */
export interface WorkerError {
  readonly type: 'error';
  readonly message: string;
  readonly input: boolean;
}

export function workerError(e: unknown): WorkerError {
  return { type: 'error', message: e instanceof Error ? e.message : String(e), input: e instanceof Error && e.name === 'InputError' };
}
