// The public API: the only import a spec or protocol needs.

export type { Model, AnyModel } from './model.ts';
export { always, sometimes, DEADLOCK, type Property, type PropertyKind } from './properties.ts';
export { explore, bfs, dfs } from './explore/search.ts';
export type { ExploreOptions, Strategy, WalkRecord } from './explore/options.ts';
export type { Outcome, Path, Status, Bound, Progress } from './explore/outcome.ts';
export { random } from './explore/random.ts';
export type { RandomSummary } from './explore/random-summary.ts';
export type { Coverage, CoveragePoint } from './explore/coverage.ts';
export type { Shard } from './explore/shard.ts';
export type { SwarmOptions, ActionClass, FaultKind } from './explore/swarm.ts';
export {
  scheduleArbitrary,
  modelProperty,
  runSchedule,
  shrinkSchedule,
  scheduleOf,
  ScheduleViolation,
  type Schedule,
  type ScheduleOptions,
  type ScheduleRun,
} from './explore/schedule.ts';
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
  type SystemProperty,
  type SystemState,
  type NetworkOptions,
  type FaultOptions,
  type FaultsSpent,
} from './actor/system.ts';
export type { Envelope, Network } from './actor/network.ts';
export type { SymmetryOptions, Rename } from './actor/symmetry.ts';
export { historyOf, type ClientHistory, type RecordedOp } from './actor/client-history.ts';
export { majority, type SystemView } from './actor/system-view.ts';
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
export {
  checkLinearizability,
  linearizable,
  linearizability,
  partitionBy,
  defineSpec as defineSequentialSpec,
  explainFailure,
  renderExplanationText,
  renderExplanationHtml,
  register as registerSpec,
  casRegister as casRegisterSpec,
  kv as kvSpec,
  type History,
  type Operation,
  type SequentialSpec,
  type LinearizabilityResult,
  type RegisterInput,
  type RegisterOutput,
  type CasRegisterInput,
  type CasRegisterOutput,
  type KvInput,
  type KvOutput,
} from './consistency/index.ts';
