// An actor system compiled to a Model: the state is every actor's state, the network, the armed
// timers, which nodes are down, the clients' history and the faults spent so far
// (system-state.ts). The semantics is in parts, one file each: network delivery (delivery.ts),
// timers (timers.ts), local choices (local-choices.ts), faults (faults.ts), running a handler and
// applying its effects (handler.ts), the clients' history (client-history.ts), causality
// (causality.ts), the reductions (symmetry.ts, independence.ts), names and presentation
// (nodes.ts, format.ts, present.ts) and step records (recording.ts). This file puts them together.

import { freeze } from 'immer';
import { HandlerError, InputError } from '../errors.ts';
import { withView, type Property } from '../properties.ts';
import type { RecordingModel } from '../trace/step-record.ts';
import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { emptyLog, type Cause } from './causality.ts';
import { emptyHistory } from './client-history.ts';
import { deliver, deliveries } from './delivery.ts';
import { checkFaultSymmetry, crash, heal, loseOrDuplicate, networkFaults, nodeFaults, partition, partitionFaults, restart } from './faults.ts';
import { applyEffects, contextOf, errorMessage } from './handler.ts';
import { actorFairness, fairnessByNode } from './fairness.ts';
import { independence } from './independence.ts';
import { choose, localChoices } from './local-choices.ts';
import { present } from './present.ts';
import { recordInitial, recordStep, type Recorder } from './recording.ts';
import { symmetryCanonicaliser, type SymmetryOptions } from './symmetry.ts';
import { configure, type SystemConfig } from './system-config.ts';
import type { ActorSystemOptions, SystemProperty } from './system-options.ts';
import { NO_FAULTS, systemState, type SystemState } from './system-state.ts';
import type { SystemView } from './system-view.ts';
import { fireTimer, timeouts } from './timers.ts';

export type { ActorGroup, ActorSystemOptions, FaultOptions, NetworkOptions, NodeSelector, SystemProperty } from './system-options.ts';
export type { FaultsSpent, SystemState } from './system-state.ts';

/** The compiled model, with what a renderer needs to name nodes; it records its steps. */
export interface ActorModel<S, M, I = unknown, O = unknown> extends RecordingModel<SystemState<S, M, I, O>, ActorAction<M>> {
  readonly system: SystemView;
  readonly nodeNames: readonly string[];
  readonly clientIds: readonly Id[];
  readonly serverIds: readonly Id[];
  /** The system as declared: what a real run (checker/runtime/) starts its nodes from. */
  readonly declaration: ActorSystemOptions<S, M, I, O>;
}

export function actorSystem<S, M, I = unknown, O = unknown>(declared: ActorSystemOptions<S, M, I, O>): ActorModel<S, M, I, O> {
  // The steps never look at the operations' types: they are the properties' and the clients'.
  const options = declared as unknown as ActorSystemOptions<S, M>;
  const sys = configure(options);
  const symmetryOptions = options.symmetry === undefined ? undefined : Array.isArray(options.symmetry) ? { groups: options.symmetry as readonly (readonly Id[])[] } : (options.symmetry as SymmetryOptions<S, M>);
  if (symmetryOptions && sys.causal) throw new InputError('symmetry and causality cannot be combined: the causal log names nodes');
  const canonical = symmetryOptions ? symmetryCanonicaliser<S, M>(symmetryOptions, sys.nodes.length, sys.serverIds, sys.ordered) : undefined;
  if (symmetryOptions) checkFaultSymmetry(sys, symmetryOptions.groups);

  // Properties see the system's view; the search calls them with the state alone.
  const properties = (options.properties as readonly SystemProperty<S, M>[]).map((p): Property<SystemState<S, M>> => withView(p, sys.view));
  const model: ActorModel<S, M> = {
    system: sys.view,
    nodeNames: sys.nodeNames,
    clientIds: sys.clientIds,
    serverIds: sys.serverIds,
    declaration: options,
    properties,
    ...(options.within ? { within: options.within } : {}),
    init: () => [initialState(sys)],
    actions: (s) => actionsOf(sys, s),
    next: (s, a) => step(sys, s, a, undefined),
    record(s, a) {
      const rec: Recorder<M> = {};
      const t = step(sys, s, a, rec);
      return t === undefined ? undefined : { state: t, record: recordStep(sys, s, a, t, rec) };
    },
    recordInit: (s) => recordInitial(sys, s),
    formatAction: sys.label,
    ...(canonical ? { symmetry: canonical } : {}),
    // Partial-order reduction (`--por`): which actions commute. With causality too: the log is
    // per node, and an event's clock depends only on its node's previous event and on the send
    // event it receives, both logged before it, so steps of two nodes log the same either way.
    ...independence<M>((id) => sys.nodes[id]?.client !== undefined, sys.failureDetector),
    present: (s) => present(sys, s),
    fairness: actorFairness(fairnessByNode(options.actors)),
  };
  return model as unknown as ActorModel<S, M, I, O>;
}

const INIT: Cause = Object.freeze({ kind: 'init' });

/** Every node's `init`, in order, each applied as a step of its own. */
function initialState<S, M>(sys: SystemConfig<S, M>): SystemState<S, M> {
  let s = systemState<S, M>(
    [],
    sys.nodes.map(() => false),
    sys.nodes.map(() => Object.freeze([])),
    [],
    emptyHistory(sys.clientCount),
    NO_FAULTS,
    null,
    sys.causal ? emptyLog(sys.nodes.length) : undefined,
  );
  for (const node of sys.nodes) {
    const fx = contextOf(sys, node.id);
    let state: S;
    try {
      state = freeze(node.actor.init(fx), true);
    } catch (e) {
      throw new HandlerError(`${node.name} threw in init: ${errorMessage(e)}`);
    }
    s = applyEffects(sys, s, node, state, fx, INIT, s.network, s.timers, s.crashed);
  }
  return s;
}

/** The candidate actions in `s`, in a fixed order (it decides which counterexample a search finds). */
function actionsOf<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>): ActorAction<M>[] {
  const out: ActorAction<M>[] = [];
  deliveries(sys, s, out);
  for (const node of sys.nodes) {
    if (s.crashed[node.id]) continue;
    timeouts(node, s, out);
    localChoices(node, s, out);
  }
  networkFaults(sys, s, out);
  nodeFaults(sys, s, out);
  partitionFaults(sys, s, out);
  return out;
}

/** The successor of `s` under `a`, undefined when `a` is not enabled; `rec` notes what a record needs. */
function step<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: ActorAction<M>, rec: Recorder<M> | undefined): SystemState<S, M> | undefined {
  switch (a.kind) {
    case 'deliver':
      return deliver(sys, s, a, rec);
    case 'timeout':
      return fireTimer(sys, s, a, rec);
    case 'choose':
      return choose(sys, s, a, rec);
    case 'lose':
    case 'duplicate':
      return loseOrDuplicate(sys, s, a, rec);
    case 'crash':
      return crash(sys, s, a, rec);
    case 'restart':
      return restart(sys, s, a, rec);
    case 'partition':
      return partition(sys, s, a);
    case 'heal':
      return heal(s);
    default:
      throw new InputError(`unknown action kind ${JSON.stringify((a as { kind?: unknown }).kind)}`);
  }
}
