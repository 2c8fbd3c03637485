// Messages between the coordinator of a parallel search (parallel.ts) and its workers
// (parallel-worker.ts), and the words of their shared control array.

export interface WorkerSetup {
  /** The spec file, the spec's name and the configuration: the worker rebuilds the model. */
  readonly file: string;
  readonly spec: string;
  readonly config: string;
  readonly index: number;
  readonly workers: number;
  readonly symmetry: boolean;
  /** Stop (STOP_BOUND) once the table holds this many states. */
  readonly maxStates?: number;
  /** CONTROL_WORDS Int32 words: STOP, READY, HUNGRY. */
  readonly control: SharedArrayBuffer;
  readonly table: SharedArrayBuffer;
  readonly counter: SharedArrayBuffer;
}

// Indices into the shared control array.
/** 0 run, STOP_VIOLATION or STOP_BOUND: every worker stops at its next state. */
export const STOP = 0;
/** Workers that have loaded the model (the coordinator polls it between states). */
export const READY = 1;
/** Idle workers waiting for work in this level: a busy worker that sees one gives half its rest. */
export const HUNGRY = 2;
export const CONTROL_WORDS = 3;

export const STOP_VIOLATION = 1;
export const STOP_BOUND = 2;

export type ToWorker =
  /** Expand the current level from where it stands, with the current table. */
  | { readonly type: 'expand'; readonly table: SharedArrayBuffer }
  /** States to add to the current level (`states`) and to the next (`next`). */
  | { readonly type: 'take'; readonly states: readonly unknown[]; readonly ids: readonly number[]; readonly next?: { readonly states: readonly unknown[]; readonly ids: readonly number[] } }
  /** The level is done everywhere: the states found for the next one become the current level. */
  | { readonly type: 'advance' }
  | { readonly type: 'probe' }
  | { readonly type: 'links' };

export type ToCoordinator =
  /** This worker's part of the level is done; `next` states are waiting for the next level. */
  | { readonly type: 'idle'; readonly generated: number; readonly next: number; readonly reached: readonly string[] }
  /** Stopped before a state because the table is past its load limit. */
  | { readonly type: 'paused'; readonly generated: number }
  | { readonly type: 'stopped'; readonly generated: number }
  | { readonly type: 'violation'; readonly property: string; readonly id: number; readonly generated: number; readonly reached: readonly string[] }
  /** Half of the rest of this worker's level, for a hungry worker. */
  | { readonly type: 'given'; readonly states: readonly unknown[]; readonly ids: readonly number[] }
  | { readonly type: 'probed'; readonly more: boolean }
  | { readonly type: 'links'; readonly parents: Int32Array; readonly via: Int32Array }
  | { readonly type: 'error'; readonly message: string; readonly input: boolean };
