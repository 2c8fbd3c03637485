// Liveness properties: what every fair behaviour must eventually do. Each is checked on the whole
// explored graph after the search (checker/liveness/check-liveness.ts); a counterexample is a lasso,
// a path into a cycle (or a state it stutters in) that a fair behaviour can follow for ever.
//
// `holds` of a liveness property is its goal (what must eventually hold), so tools that list
// properties by predicate see the right one.

import type { Property, ViewOf } from '../properties.ts';

export type LivenessKind = 'eventually' | 'leadsTo' | 'alwaysEventually';

/** `V`, as for safety properties: what the predicates see beside the state (an actor system's view). */
export interface LivenessProperty<S, V = void> extends Property<S, V> {
  readonly kind: LivenessKind;
  /** What must eventually hold. */
  readonly goal: (state: S, system: V) => boolean;
  /** leadsTo: the condition after which the goal must follow. */
  readonly trigger?: (state: S, system: V) => boolean;
}

type Predicate<S, V> = (state: S, system: V) => boolean;

/** TLA+ `<>p`: every fair behaviour from an initial state reaches a state satisfying `p`. */
export function eventually<S, V = ViewOf<S>>(name: string, p: Predicate<S, V>): LivenessProperty<S, V | void> {
  const goal = p as Predicate<S, V | void>;
  return { kind: 'eventually', name, holds: goal, goal };
}

/** TLA+ `p ~> q`: whenever `p` holds, `q` holds then or later, in every fair behaviour. */
export function leadsTo<S, V = ViewOf<S>>(name: string, p: Predicate<S, V>, q: Predicate<S, V>): LivenessProperty<S, V | void> {
  const goal = q as Predicate<S, V | void>;
  return { kind: 'leadsTo', name, holds: goal, goal, trigger: p as Predicate<S, V | void> };
}

/** TLA+ `[]<>p`: in every fair behaviour `p` holds again and again (never false for ever). */
export function alwaysEventually<S, V = ViewOf<S>>(name: string, p: Predicate<S, V>): LivenessProperty<S, V | void> {
  const goal = p as Predicate<S, V | void>;
  return { kind: 'alwaysEventually', name, holds: goal, goal };
}

export function isLiveness<S, V>(p: Property<S, V>): p is LivenessProperty<S, V> {
  return p.kind === 'eventually' || p.kind === 'leadsTo' || p.kind === 'alwaysEventually';
}
