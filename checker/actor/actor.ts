// The Actor API: how a protocol is written.
//
// A handler receives an immer draft of the actor's state and mutates it; it talks to the world only
// through `ctx` (send, broadcast, timers, and for clients the history). Handlers must be
// deterministic: which message arrives, which timer fires and which fault strikes is the
// explorer's choice, so every trace replays exactly.

import type { Draft } from 'immer';
import type { SystemView } from './system-view.ts';

/** An actor's address: its position in the system's actor list. */
export type Id = number;

/** How long a timer runs in a real run, in milliseconds: a time drawn between `min` and `max`. */
export interface TimerDuration {
  readonly min: number;
  readonly max: number;
}

export interface Context<M, I = unknown, O = unknown> {
  readonly self: Id;
  /** Every actor that is not a client, this one included. */
  readonly servers: readonly Id[];
  /** The servers other than this actor. */
  readonly peers: readonly Id[];
  /** The system's make-up: node names and roles, servers, clients, client indices, majority. */
  readonly system: SystemView;
  send(to: Id, msg: M): void;
  /** Sends `msg` to each of `to` (the peers by default). */
  broadcast(msg: M, to?: readonly Id[]): void;
  /**
   * Arms a named timer; the explorer may fire an armed timer at any point. `duration` (in
   * milliseconds) is for a real run (`interleave run`), which fires it after a time drawn between
   * `min` and `max`; the explorer ignores it.
   */
  setTimer(name: string, duration?: TimerDuration): void;
  cancelTimer(name: string): void;
  /** Client actors only: records the invocation of an operation in the history. */
  invoke(input: I): void;
  /** Client actors only: records the return of this client's pending operation. */
  complete(output: O): void;
  /**
   * Gives the event this step performs a logical timestamp (a Lamport clock, a vector…), recorded
   * in the causal log next to the event's true vector clock. Ignored unless causality is on.
   */
  stamp(value: unknown): void;
}

/**
 * An actor: one role of a protocol. `S` is its state, `M` the message type of the system, `C` its
 * local choices (nondeterministic steps it may take on its own, like a participant that decides to
 * abort), `I`/`O` a client's operation inputs and outputs.
 *
 * Handlers are declared as methods so that actors of different roles, whose states differ, can
 * live in one system typed by the union of their states.
 */
export interface Actor<S, M, C = string, I = unknown, O = unknown> {
  /** The role's name, used to name nodes in traces (`participant2`). */
  readonly name: string;
  init(ctx: Context<M, I, O>): S;
  onMessage?(state: Draft<S>, from: Id, msg: M, ctx: Context<M, I, O>): void;
  onTimer?(state: Draft<S>, timer: string, ctx: Context<M, I, O>): void;
  /** The local choices enabled in `state`; each is an explicit action in the trace. */
  choices?(state: S): readonly C[];
  onChoice?(state: Draft<S>, choice: C, ctx: Context<M, I, O>): void;
  /**
   * Fields that survive a crash (written to stable storage before any message is sent). While the
   * node is down its state holds only these fields, so properties see exactly what survived (they
   * find nodes through the system view, not through fields of their state).
   */
  readonly durable?: readonly (keyof S & string)[];
  /**
   * Rebuilds the state after a restart from what was durable. Without it, a restarted actor is
   * `init` with its durable fields laid over (and `init`'s sends and timers happen again).
   */
  recover?(durable: Partial<S>, ctx: Context<M, I, O>): S;
  /**
   * With `faults.failureDetector`: server `peer` has crashed. Runs in the crash's own step, on
   * every other live node that has it (a perfect detector: at once, and never wrongly).
   */
  onPeerDown?(state: Draft<S>, peer: Id, ctx: Context<M, I, O>): void;
  /** With `faults.failureDetector`: server `peer` has restarted (in the restart's own step). */
  onPeerUp?(state: Draft<S>, peer: Id, ctx: Context<M, I, O>): void;
}
