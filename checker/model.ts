// Model<S, A>: the transition system every strategy explores.
//
// A raw model is written action for action, as a TLA+ spec is: `actions(s)` lists the candidate
// actions in a state and `next(s, a)` returns the successor, or undefined when `a` is not enabled.
// Actions must be plain JSON data: a trace stores them, and replay feeds them back to `next`.
// States must be plain data too (objects, arrays, strings, numbers, booleans, null, Sets, Maps):
// they are fingerprinted structurally, so two states with equal content are the same state.
// States are immutable: `next` returns a new state and never changes the one it was given, nor
// one it returned before. Fingerprints are cached by object identity, so a state changed in place
// would be counted wrongly without any warning.

import type { Fairness } from './liveness/fairness.ts';
import type { Property } from './properties.ts';

export interface Model<S, A> {
  /** Initial states. */
  init(): readonly S[];
  /** Candidate actions in `s`; `next` decides which are enabled. */
  actions(s: S): readonly A[];
  /** The successor of `s` under `a`, or undefined when `a` is not enabled in `s`. */
  next(s: S, a: A): S | undefined;
  properties: readonly Property<S>[];
  /** State constraint (TLC's CONSTRAINT): a state outside it is checked but not expanded. */
  within?(s: S): boolean;
  /** Report a reachable state without successors as a violation named `Deadlock`. */
  checkDeadlock?: boolean;
  /** A human label for an action; JSON otherwise. */
  formatAction?(a: A): string;
  /** The state as a person should read it, in traces and diagrams; the state itself otherwise. */
  present?(s: S): unknown;
  /** The value that identifies a state; the whole state when absent. */
  view?(s: S): unknown;
  /**
   * Symmetry canonicaliser: maps a state to a chosen representative of its orbit. States with
   * the same representative are counted once.
   */
  symmetry?(s: S): S;
  /**
   * The fairness of a step by `a` (TLA+'s WF/SF, per action class), for liveness properties;
   * undefined: the step need never be taken. Only read when the model has liveness properties.
   */
  fairness?(a: A): Fairness | undefined;
}

/** A model whose state and action types are not known statically (a loaded spec). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModel = Model<any, any>;

export function describeAction<S, A>(model: Model<S, A>, a: A): string {
  return model.formatAction ? model.formatAction(a) : JSON.stringify(a);
}
