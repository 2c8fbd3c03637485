// Messages between the coordinator of a parallel search (coordinator.ts) and its worker threads
// (worker.ts), and the words of their shared control array.

import type { MessagePort } from 'node:worker_threads';
import type { PartSetup } from './level-part.ts';
import type { WorkerError } from './worker-error.ts';
import type { SpecWorkerData } from './worker-script.ts';

/** What a pooled worker thread starts with (worker-pool.ts): the spec file it loads once. */
export type PoolWorkerData = SpecWorkerData;

/** One run's part for a worker: which model to build, and the run's shared memory. */
export interface RunSetup extends PartSetup {
  /** The spec's name and its configuration: the worker builds the model from them. */
  readonly spec: string;
  readonly config: string;
  /** CONTROL_WORDS Int32 words: STOP, HUNGRY. */
  readonly control: SharedArrayBuffer;
  readonly table: SharedArrayBuffer;
  readonly counter: SharedArrayBuffer;
}

/**
 * On the worker's own port: take part in a run. The run's messages both ways then go over `port`,
 * which the coordinator closes when the run is over (and with it the worker's part in it).
 */
export interface RunRequest {
  readonly type: 'run';
  readonly setup: RunSetup;
  readonly port: MessagePort;
}

// Indices into the shared control array.
/** 0 run, STOP_VIOLATION or STOP_BOUND: every explorer stops at its next state. */
export const STOP = 0;
/** Idle explorers waiting for work in this level: a busy one that sees one gives half its rest. */
export const HUNGRY = 1;
export const CONTROL_WORDS = 2;

export const STOP_VIOLATION = 1;
export const STOP_BOUND = 2;

export type ToWorker =
  /** Expand the current level from where it stands, with the current table. */
  | { readonly type: 'expand'; readonly table: SharedArrayBuffer }
  /** States to add to the current level, by id (rebuilt from their paths: shared-links.ts). */
  | { readonly type: 'take'; readonly ids: readonly number[] }
  /** A chunk of another explorer's parent pointers. */
  | { readonly type: 'chunk'; readonly explorer: number; readonly index: number; readonly buffer: SharedArrayBuffer }
  /** The level is done everywhere: the states found for the next one become the current level. */
  | { readonly type: 'advance' }
  | { readonly type: 'probe' };

/** How an explorer's expansion of its part of a level ended. */
export type Finished =
  /** Its part of the level is done; `next` states are waiting for the next level. */
  | { readonly type: 'idle'; readonly generated: number; readonly next: number; readonly reached: readonly string[] }
  /** Stopped before a state because the table is past its load limit. */
  | { readonly type: 'paused'; readonly generated: number }
  | { readonly type: 'stopped'; readonly generated: number }
  | { readonly type: 'violation'; readonly property: string; readonly id: number; readonly generated: number; readonly reached: readonly string[] };

export type ToCoordinator =
  /** The worker has built the run's model and joins the search. */
  | { readonly type: 'ready' }
  | Finished
  /** Half of the rest of this worker's level, by id, for a hungry explorer. */
  | { readonly type: 'given'; readonly ids: readonly number[] }
  /** A new chunk of this worker's parent pointers, for every other explorer. */
  | { readonly type: 'chunk'; readonly index: number; readonly buffer: SharedArrayBuffer }
  | { readonly type: 'probed'; readonly more: boolean }
  | WorkerError;
