// The worker threads of parallel searches, kept between runs. Starting a worker (a thread, the
// spec's bundle, the model) takes a few tenths of a second and its code is cold for a while after;
// `interleave check --workers N` runs one configuration after another, mostly of the same spec
// file, so each run hands its workers back and the next run of that file takes them, started and
// warm. Workers of one spec file are kept at a time: a run of another file ends the idle ones.
//
// An idle worker does not keep the process alive (it is unref'd until taken again).

import type { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import type { PoolWorkerData } from './protocol.ts';
import { PARALLEL_LOOP, startSpecWorker, workerScript } from './worker-script.ts';

const idle: { file: string; worker: Worker }[] = [];
const alive = new Set<Worker>();
let started = 0;
let prestarting: { file: string; done: Promise<void> } | undefined;

/** Workers started by this process so far (tests: a run that reuses workers starts none). */
export function workersStarted(): number {
  return started;
}

/** Idle workers of `specFile`, waiting for its next run. */
export function idleWorkers(specFile: string): number {
  const file = resolve(specFile);
  return idle.filter((x) => x.file === file).length;
}

/**
 * `n` workers that have loaded (or are loading) `specFile`: idle ones first, then new ones. Idle
 * workers of other spec files are ended.
 */
export async function takeWorkers(specFile: string, n: number): Promise<Worker[]> {
  const file = resolve(specFile);
  if (prestarting?.file === file) await prestarting.done;
  endOthers(file);
  const taken = idle.splice(0, n).map(({ worker }) => worker);
  if (taken.length < n) {
    const url = await workerScript(file);
    while (taken.length < n) taken.push(startWorker(url, file));
  }
  for (const w of taken) w.ref();
  return taken;
}

/** Ends the idle workers of every spec file but `file`. */
function endOthers(file: string): void {
  for (let i = idle.length - 1; i >= 0; i--) {
    if (idle[i]!.file === file) continue;
    void idle[i]!.worker.terminate();
    idle.splice(i, 1);
  }
}

/** Starts `n` workers for `specFile` ahead of its first run (`prepareRuns` in checker/check.ts). */
export function prestartWorkers(specFile: string, n: number): void {
  const done = takeWorkers(specFile, n).then(
    (ws) => giveBackWorkers(specFile, ws),
    () => undefined, // the run itself will report what went wrong
  );
  prestarting = { file: resolve(specFile), done };
}

/** Workers a run is done with, for the next run of the same spec file. */
export function giveBackWorkers(specFile: string, workers: readonly Worker[]): void {
  const file = resolve(specFile);
  for (const worker of workers) {
    if (!alive.has(worker)) continue;
    worker.unref();
    idle.push({ file, worker });
  }
}

function startWorker(url: URL, file: string): Worker {
  const workerData: PoolWorkerData = { file, loop: PARALLEL_LOOP };
  const worker = startSpecWorker(url, workerData);
  started++;
  alive.add(worker);
  const gone = (): void => {
    alive.delete(worker);
    const at = idle.findIndex((x) => x.worker === worker);
    if (at >= 0) idle.splice(at, 1);
  };
  worker.on('exit', gone);
  // An error ends the worker: the run that had it reports it (its own listener); an idle one is
  // simply not handed out again.
  worker.on('error', gone);
  return worker;
}
