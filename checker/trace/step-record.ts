// What one step of a trace did, as data. Replay asks the model for it with each successor (an
// actor system knows the message it took, what the handler sent, its timers, the clients'
// operations, what a crash dropped); a raw model's record is its action's label and what changed
// in the state. Every view (text, HTML, Mermaid, JUnit) draws from these records and never reads
// back a string the engine formatted.

import type { Model } from '../model.ts';
import type { Change, Json } from './plain.ts';

/** A message as a step saw it. */
export interface MessageRecord {
  readonly from: number;
  readonly to: number;
  /** The message as data: what identifies it. */
  readonly msg: Json;
  /** With causality on: which event of `from` sent it (equal messages of different sends differ). */
  readonly sendEvent?: number;
  /** The message as people read it (the system's `formatMessage`). */
  readonly text: string;
}

/** A client's operation invoked at a step (`input`) or returned at it (`output`). */
export interface ClientCall {
  /** The client's index in the history. */
  readonly client: number;
  /** The client's node. */
  readonly node: number;
  readonly value: Json;
}

/**
 * What a node did when the failure detector told it that `peer` went down or came up. Its sends,
 * invocations and returns are the step's, with the others (they name their node).
 */
export interface PeerNotice {
  readonly node: number;
  readonly peer: number;
  readonly event: 'down' | 'up';
  /** What changed in `node`. */
  readonly changes: readonly Change[];
  readonly timersSet: readonly string[];
  readonly timersCancelled: readonly string[];
}

/** Which kind of step it was, with what names it. */
export type StepAct =
  /** The initial state: what the nodes' `init` sent, armed and invoked. */
  | { readonly kind: 'init' }
  /** An action of a raw model (no actors). */
  | { readonly kind: 'step' }
  | { readonly kind: 'deliver' | 'lose' | 'duplicate'; readonly message: MessageRecord }
  | { readonly kind: 'timeout'; readonly node: number; readonly timer: string }
  | { readonly kind: 'choose'; readonly node: number; readonly choice: string }
  | {
      readonly kind: 'crash' | 'restart';
      readonly node: number;
      /** With a failure detector: the nodes told of the crash or restart, in the order told. */
      readonly notified?: readonly PeerNotice[];
    }
  | { readonly kind: 'partition'; readonly isolated: readonly number[] }
  | { readonly kind: 'heal' };

export type StepKind = StepAct['kind'];

/** What a step did. */
export interface StepEffects {
  /** The action as a person reads it (the model's `formatAction`). */
  readonly label: string;
  /** The node whose state the step changes (the receiver of a delivery), if any. */
  readonly node?: number;
  /** What changed: in that node (actor systems), in the whole presented state (raw models). */
  readonly changes: readonly Change[];
  /** Messages the step put in flight (a send to a crashed node that loses them is not). */
  readonly sent: readonly MessageRecord[];
  /** Messages in flight the step removed besides the one it names (a crash's, to the node). */
  readonly dropped: readonly MessageRecord[];
  /** Timers of `node` the step armed that were not armed, and disarmed without firing. */
  readonly timersSet: readonly string[];
  readonly timersCancelled: readonly string[];
  readonly invoked: readonly ClientCall[];
  readonly returned: readonly ClientCall[];
}

export type StepRecord = StepAct & StepEffects;

/** A successor with the record of the step that reached it. */
export interface Recorded<S> {
  readonly state: S;
  readonly record: StepRecord;
}

/** A model that records its steps (actor systems do). */
export interface RecordingModel<S, A> extends Model<S, A> {
  /** The record of the initial state `s`. */
  recordInit(s: S): StepRecord;
  /** As `next`, with the record of the step; undefined when `a` is not enabled. */
  record(s: S, a: A): Recorded<S> | undefined;
}

export function isRecording<S, A>(model: Model<S, A>): model is RecordingModel<S, A> {
  const m = model as Partial<RecordingModel<S, A>>;
  return typeof m.record === 'function' && typeof m.recordInit === 'function';
}

const NONE: readonly never[] = Object.freeze([]);

/** A record with no effects but a label and changes. */
export function plainRecord(act: StepAct, label: string, changes: readonly Change[] = NONE): StepRecord {
  return { ...act, label, changes, sent: NONE, dropped: NONE, timersSet: NONE, timersCancelled: NONE, invoked: NONE, returned: NONE };
}
