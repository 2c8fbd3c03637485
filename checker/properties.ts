// Properties a model is checked against.
//
// `always` is a safety invariant checked in every reachable state. `sometimes` asks that some
// reachable state satisfies the predicate; a run that never reaches one reports the property as
// vacuous, because a spec whose interesting states are unreachable proves nothing.
//
// A property of an actor system also receives the system's view (node names, roles, servers,
// clients, majority), so it finds nodes without fields kept only for that.

import type { SystemState } from './actor/system.ts';
import type { SystemView } from './actor/system-view.ts';

/** Liveness kinds (eventually, leadsTo, alwaysEventually) are built in checker/liveness/properties.ts. */
export type PropertyKind = 'always' | 'sometimes' | 'eventually' | 'leadsTo' | 'alwaysEventually';

/** `V` is what the property sees beside the state: nothing for a raw model, the system's view
 *  for an actor system. */
export interface Property<S, V = void> {
  readonly kind: PropertyKind;
  readonly name: string;
  readonly holds: (state: S, system: V) => boolean;
}

/**
 * What a property of states `S` sees beside the state: an actor system's view. A property of other
 * states sees one too when it is checked on a system whose states it covers, or else nothing.
 */
export type ViewOf<S> = S extends SystemState<unknown, unknown, unknown, unknown> ? SystemView : SystemView | void;

// The properties built here may also be called without a view (`p.holds(s)`, or checked on a raw
// model): a property that reads the view can only be checked on an actor system, which always
// passes it.

export function always<S, V = ViewOf<S>>(name: string, holds: (state: S, system: V) => boolean): Property<S, V | void> {
  return { kind: 'always', name, holds: holds as (state: S, system: V | void) => boolean };
}

export function sometimes<S, V = ViewOf<S>>(name: string, holds: (state: S, system: V) => boolean): Property<S, V | void> {
  return { kind: 'sometimes', name, holds: holds as (state: S, system: V | void) => boolean };
}

/**
 * `p` with the system's view bound: every predicate of it (`holds`, and a liveness property's goal
 * and trigger) then takes the state alone, as the search calls it.
 */
export function withView<S, V>(p: Property<S, V>, view: V): Property<S> {
  const bound: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(p)) {
    bound[key] = typeof value === 'function' ? (s: S) => (value as (s: S, system: V) => boolean)(s, view) : value;
  }
  return bound as unknown as Property<S>;
}

/** The name under which deadlock (a state with no successor) is reported, as TLC does. */
export const DEADLOCK = 'Deadlock';
