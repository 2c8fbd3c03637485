// Properties a model is checked against.
//
// `always` is a safety invariant checked in every reachable state. `sometimes` asks that some
// reachable state satisfies the predicate; a run that never reaches one reports the property as
// vacuous, because a spec whose interesting states are unreachable proves nothing.

/** Liveness kinds (eventually, leadsTo, alwaysEventually) are built in checker/liveness/properties.ts. */
export type PropertyKind = 'always' | 'sometimes' | 'eventually' | 'leadsTo' | 'alwaysEventually';

export interface Property<S> {
  readonly kind: PropertyKind;
  readonly name: string;
  readonly holds: (state: S) => boolean;
}

export function always<S>(name: string, holds: (state: S) => boolean): Property<S> {
  return { kind: 'always', name, holds };
}

export function sometimes<S>(name: string, holds: (state: S) => boolean): Property<S> {
  return { kind: 'sometimes', name, holds };
}

/** The name under which deadlock (a state with no successor) is reported, as TLC does. */
export const DEADLOCK = 'Deadlock';
