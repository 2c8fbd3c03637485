// Liveness properties: what every fair behaviour must eventually do. Each is checked on the whole
// explored graph after the search (checker/liveness/check-liveness.ts); a counterexample is a lasso,
// a path into a cycle (or a state it stutters in) that a fair behaviour can follow for ever.
//
// `holds` of a liveness property is its goal (what must eventually hold), so tools that list
// properties by predicate see the right one.

import type { Property } from '../properties.ts';

export type LivenessKind = 'eventually' | 'leadsTo' | 'alwaysEventually';

export interface LivenessProperty<S> extends Property<S> {
  readonly kind: LivenessKind;
  /** What must eventually hold. */
  readonly goal: (state: S) => boolean;
  /** leadsTo: the condition after which the goal must follow. */
  readonly trigger?: (state: S) => boolean;
}

/** TLA+ `<>p`: every fair behaviour from an initial state reaches a state satisfying `p`. */
export function eventually<S>(name: string, p: (state: S) => boolean): LivenessProperty<S> {
  return { kind: 'eventually', name, holds: p, goal: p };
}

/** TLA+ `p ~> q`: whenever `p` holds, `q` holds then or later, in every fair behaviour. */
export function leadsTo<S>(name: string, p: (state: S) => boolean, q: (state: S) => boolean): LivenessProperty<S> {
  return { kind: 'leadsTo', name, holds: q, goal: q, trigger: p };
}

/** TLA+ `[]<>p`: in every fair behaviour `p` holds again and again (never false for ever). */
export function alwaysEventually<S>(name: string, p: (state: S) => boolean): LivenessProperty<S> {
  return { kind: 'alwaysEventually', name, holds: p, goal: p };
}

export function isLiveness<S>(p: Property<S>): p is LivenessProperty<S> {
  return p.kind === 'eventually' || p.kind === 'leadsTo' || p.kind === 'alwaysEventually';
}
