// The worker thread of one "search from here" (search.ts starts it, on the spec file, as the
// parallel search starts its workers: checker/explore/parallel/worker-script.ts). It builds the
// configuration's model, runs the search (search-from.ts), posts its progress and how it ended, and
// exits. Cancelling a search terminates its worker.

import { parentPort, workerData } from 'node:worker_threads';
import { workerError, type WorkerError } from '../explore/parallel/worker-error.ts';
import type { SpecWorkerData } from '../explore/parallel/worker-script.ts';
import { configModel } from '../spec.ts';
import { searchFrom, type SearchEnd, type SearchRequest } from './search-from.ts';

export interface SearchWorkerData extends SpecWorkerData {
  readonly spec: string;
  readonly config: string;
  readonly request: SearchRequest;
}

export type FromSearchWorker =
  | { readonly type: 'progress'; readonly states: number; readonly depth: number }
  | { readonly type: 'end'; readonly end: SearchEnd }
  | WorkerError;

/** Runs the search on the spec module that `load` imports. */
export function runWorker(load: () => Promise<Record<string, unknown>>): void {
  const { file, spec, config, request } = workerData as SearchWorkerData;
  const post = (m: FromSearchWorker): void => parentPort!.postMessage(m);
  load()
    .then((mod) => post({ type: 'end', end: searchFrom(configModel(mod, file, spec, config), request, (states, depth) => post({ type: 'progress', states, depth })) }))
    .catch((e: unknown) => post(workerError(e)));
}
