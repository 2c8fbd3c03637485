// The public API: the only import a spec or protocol needs.

export type { Model, AnyModel } from './model.ts';
export { always, sometimes, DEADLOCK, type Property, type PropertyKind } from './properties.ts';
export { explore, bfs, dfs } from './explore/search.ts';
export type { ExploreOptions, Strategy } from './explore/options.ts';
export type { Outcome, Path, Status, Bound, Progress } from './explore/outcome.ts';
export { defineSpec, isSpec, type Spec, type SpecConfig, type Expectation } from './spec.ts';
export { fingerprint, fingerprintHex, type Fingerprint } from './fingerprint/hash.ts';
export { InputError } from './errors.ts';
export type { Draft } from 'immer';
export type { Actor, Context, Id } from './actor/actor.ts';
export type { ActorAction, ActionKind } from './actor/actions.ts';
export {
  actorSystem,
  type ActorSystemOptions,
  type ActorModel,
  type ActorGroup,
  type SystemState,
  type NetworkOptions,
  type FaultOptions,
  type FaultsSpent,
} from './actor/system.ts';
export type { Envelope, Network } from './actor/network.ts';
export { historyOf, type ClientHistory, type RecordedOp } from './actor/client-history.ts';
export {
  causalEvents,
  happensBefore,
  concurrent,
  compareVectors,
  eventName,
  describeEvent,
  findEventPair,
  causalTrace,
  type CausalLog,
  type CausalEvent,
  type LoggedEvent,
  type EventRef,
  type EventKind,
  type VectorOrder,
} from './actor/causality.ts';
