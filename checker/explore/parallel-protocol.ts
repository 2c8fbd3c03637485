// Messages between the coordinator of a parallel search (parallel.ts) and its workers
// (parallel-worker.ts).

export interface WorkerSetup {
  /** The spec file, the spec's name and the configuration: the worker rebuilds the model. */
  readonly file: string;
  readonly spec: string;
  readonly config: string;
  readonly index: number;
  readonly workers: number;
  readonly symmetry: boolean;
  /** Stop (control 2) once the table holds this many states. */
  readonly maxStates?: number;
  /** control[0]: 0 run, 1 a violation was found, 2 a bound (states, time) was hit. */
  readonly control: SharedArrayBuffer;
  readonly table: SharedArrayBuffer;
  readonly counter: SharedArrayBuffer;
}

export type ToWorker =
  /** Expand the frontier (from `resumeAt` after a pause), with the current table. */
  | { readonly type: 'expand'; readonly table: SharedArrayBuffer; readonly resumeAt?: number }
  /** Between levels: send the last `count` frontier states to worker `to` (through the coordinator). */
  | { readonly type: 'give'; readonly to: number; readonly count: number }
  /** States to add to the frontier (from the coordinator's first levels, or another worker). */
  | { readonly type: 'take'; readonly states: readonly unknown[]; readonly ids: readonly number[] }
  | { readonly type: 'probe' }
  | { readonly type: 'links' }
  | { readonly type: 'stop' };

export type ToCoordinator =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly generated: number; readonly frontier: number; readonly reached: readonly string[] }
  | { readonly type: 'paused'; readonly generated: number; readonly resumeAt: number }
  | { readonly type: 'stopped'; readonly generated: number }
  | { readonly type: 'violation'; readonly property: string; readonly id: number; readonly generated: number; readonly reached: readonly string[] }
  | { readonly type: 'given'; readonly to: number; readonly states: readonly unknown[]; readonly ids: readonly number[] }
  | { readonly type: 'probed'; readonly more: boolean }
  | { readonly type: 'links'; readonly parents: Int32Array; readonly via: Int32Array }
  | { readonly type: 'error'; readonly message: string; readonly input: boolean };
