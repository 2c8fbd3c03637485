// The public API: what a spec author imports to write a model or an actor system, its properties
// and its spec file. The linearizability checker, test helpers, causality and transactional
// isolation live in subpath entries: `interleave/lincheck`, `interleave/testing`,
// `interleave/causality`, `interleave/transactions`.

// Models and their properties.
export type { Model, AnyModel } from './model.ts';
export { always, sometimes, withView, DEADLOCK, type Property } from './properties.ts';
export { eventually, leadsTo, alwaysEventually, type LivenessProperty, type LivenessKind } from './liveness/properties.ts';
export type { Fairness, FairnessKind } from './liveness/fairness.ts';
export { actorFairness, type GroupFairness, type FairnessSetting } from './actor/fairness.ts';

// Checking a model.
export { explore, bfs, dfs } from './explore/search.ts';
export type { ExploreOptions } from './explore/options.ts';
export type { Outcome, Path } from './explore/outcome.ts';

// Spec files.
export { defineSpec, isSpec, type Spec, type SpecConfig, type Expectation, type RuntimeOptions, type RuntimeWorkload } from './spec.ts';
export { InputError } from './errors.ts';

// Actor systems.
export type { Draft } from 'immer';
export type { Actor, Context, Id, TimerDuration } from './actor/actor.ts';
export type { ActorAction } from './actor/actions.ts';
export {
  actorSystem,
  type ActorSystemOptions,
  type ActorModel,
  type ActorGroup,
  type SystemProperty,
  type SystemState,
  type NetworkOptions,
  type FaultOptions,
  type NodeSelector,
} from './actor/system.ts';
export { majority, type SystemView } from './actor/system-view.ts';
export type { Envelope } from './actor/network.ts';
export type { SymmetryOptions, Rename } from './actor/symmetry.ts';

// The clients' history and linearizability.
export { historyOf, type ClientHistory } from './actor/client-history.ts';
export type { History, Operation } from './consistency/history.ts';
export type { SequentialSpec } from './consistency/sequential-spec.ts';
export { linearizable, linearizability } from './consistency/linearizable-property.ts';
export {
  register as registerSpec,
  casRegister as casRegisterSpec,
  kv as kvSpec,
  type RegisterInput,
  type RegisterOutput,
  type CasRegisterInput,
  type CasRegisterOutput,
  type KvInput,
  type KvOutput,
} from './consistency/specs/index.ts';
