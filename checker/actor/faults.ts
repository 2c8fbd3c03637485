// Faults, each an action of its own within a budget per run: the network loses or duplicates a
// message; a server crashes (keeping only its durable fields, its timers disarmed and, by
// default, the messages in flight to it lost) and restarts; a partition cuts the servers in two
// until it heals (messages between the sides wait; clients reach every server). `crashable` and
// `partitionable` aim crashes and partitions at some servers only (system-config.ts resolves them).

import { freeze } from 'immer';
import { HandlerError, InputError } from '../errors.ts';
import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { withSent, type Cause } from './causality.ts';
import { durableFields, restartedState } from './durable.ts';
import { tellDown, tellUp } from './failure-detector.ts';
import { applyEffects, contextOf, errorMessage } from './handler.ts';
import { candidates, insert, locate, removeAt } from './network.ts';
import type { Node } from './nodes.ts';
import type { Recorder } from './recording.ts';
import type { SystemConfig } from './system-config.ts';
import { replaced, systemState, type FaultsSpent, type SystemState } from './system-state.ts';

type Kind<M, K extends ActorAction<M>['kind']> = Extract<ActorAction<M>, { kind: K }>;

const RESTART: Cause = Object.freeze({ kind: 'restart' });

/** Whether a partition separates `from` and `to`. */
export function partitioned<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, from: Id, to: Id): boolean {
  if (s.partition === null || sys.nodes[from]!.client !== undefined || sys.nodes[to]!.client !== undefined) return false;
  return s.partition.includes(from) !== s.partition.includes(to);
}

/** Adds to `out` the losses and duplications the budget still allows. */
export function networkFaults<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, out: ActorAction<M>[]): void {
  if (s.faults.lost >= sys.maxLost && s.faults.duplicated >= sys.maxDuplicated) return;
  for (const i of candidates(s.network, false)) {
    const e = s.network[i]!;
    if (s.faults.lost < sys.maxLost) out.push(withSent({ kind: 'lose', from: e.from, to: e.to, msg: e.msg }, e));
    if (s.faults.duplicated < sys.maxDuplicated) out.push(withSent({ kind: 'duplicate', from: e.from, to: e.to, msg: e.msg }, e));
  }
}

/** Adds to `out` the crashes the budget allows and the restarts of crashed servers. */
export function nodeFaults<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, out: ActorAction<M>[]): void {
  for (const id of sys.crashable) {
    if (!s.crashed[id] && s.faults.crashes < sys.maxCrashes) out.push({ kind: 'crash', node: id });
    if (s.crashed[id] && sys.restarts) out.push({ kind: 'restart', node: id });
  }
}

/** Adds to `out` the partitions the budget allows, or the heal of the current one. */
export function partitionFaults<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, out: ActorAction<M>[]): void {
  if (s.partition === null && s.faults.partitions < sys.maxPartitions) {
    for (const isolated of sys.partitionChoices) out.push({ kind: 'partition', isolated });
  }
  if (s.partition !== null) out.push({ kind: 'heal' });
}

export function loseOrDuplicate<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: Kind<M, 'lose' | 'duplicate'>, rec: Recorder<M> | undefined): SystemState<S, M> | undefined {
  const lose = a.kind === 'lose';
  if (lose ? s.faults.lost >= sys.maxLost : s.faults.duplicated >= sys.maxDuplicated) return undefined;
  const i = locate(s.network, a, false, sys.causal);
  if (i < 0) return undefined;
  if (rec) rec.taken = s.network[i];
  const network = lose ? removeAt(s.network, i) : insert(s.network, s.network[i]!, sys.ordered);
  const faults = lose ? spent(s.faults, 0, 1, 0, 0) : spent(s.faults, 0, 0, 1, 0);
  return systemState(s.actors, s.crashed, s.timers, network, s.history, faults, s.partition, s.causality);
}

export function crash<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: Kind<M, 'crash'>, rec: Recorder<M> | undefined): SystemState<S, M> | undefined {
  const node = sys.nodes[a.node];
  if (!node || !sys.crashable.includes(node.id) || s.crashed[a.node] || s.faults.crashes >= sys.maxCrashes) return undefined;
  const id = node.id;
  if (rec) rec.dropped = sys.crashLosesMessages ? s.network.filter((e) => e.to === id) : [];
  const actors = replaced(s.actors, id, durablePart(node, s.actors[id]!));
  const network = sys.crashLosesMessages ? s.network.filter((e) => e.to !== id) : s.network;
  const t = systemState(actors, replaced(s.crashed, id, true), replaced(s.timers, id, Object.freeze([])), network, s.history, spent(s.faults, 1, 0, 0, 0), s.partition, s.causality);
  return sys.failureDetector ? tellDown(sys, t, id, rec) : t;
}

/**
 * A crashed server comes back from its durable fields: `recover`, or `init` with them laid over.
 * With a failure detector, the live nodes are then told (failure-detector.ts).
 */
export function restart<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: Kind<M, 'restart'>, rec: Recorder<M> | undefined): SystemState<S, M> | undefined {
  const node = sys.nodes[a.node];
  if (!node || !s.crashed[a.node] || !sys.restarts) return undefined;
  const durable = s.actors[node.id] as Partial<S>;
  const fx = contextOf(sys, node.id);
  if (rec) rec.fx = fx;
  let state: S;
  try {
    state = restartedState(node, durable, fx);
  } catch (e) {
    throw new HandlerError(`${node.name} threw while restarting: ${errorMessage(e)}`);
  }
  const t = applyEffects(sys, s, node, freeze(state, true), fx, RESTART, s.network, s.timers, replaced(s.crashed, node.id, false));
  return sys.failureDetector ? tellUp(sys, t, node.id, rec) : t;
}

export function partition<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: Kind<M, 'partition'>): SystemState<S, M> | undefined {
  if (s.partition !== null || s.faults.partitions >= sys.maxPartitions) return undefined;
  const isolated = [...a.isolated].sort((x, y) => x - y);
  if (!sys.partitionChoices.some((p) => p.join() === isolated.join())) return undefined;
  return systemState(s.actors, s.crashed, s.timers, s.network, s.history, spent(s.faults, 0, 0, 0, 1), Object.freeze(isolated), s.causality);
}

export function heal<S, M>(s: SystemState<S, M>): SystemState<S, M> | undefined {
  return s.partition === null ? undefined : systemState(s.actors, s.crashed, s.timers, s.network, s.history, s.faults, null, s.causality);
}

/**
 * Aimed faults break a symmetry that treats a node they may strike like one they may not: every
 * group of interchangeable nodes must lie wholly inside or wholly outside each aimed set.
 */
export function checkFaultSymmetry<S, M>(sys: SystemConfig<S, M>, groups: readonly (readonly Id[])[]): void {
  const aimed: [string, readonly Id[]][] = [
    ['faults.crashable', sys.crashable],
    ['faults.partitionable', sys.partitionable],
  ];
  for (const group of groups) {
    for (const [option, ids] of aimed) {
      const inside = group.filter((id) => ids.includes(id));
      if (inside.length > 0 && inside.length < group.length) {
        const names = (xs: readonly Id[]) => xs.map((id) => sys.nodeNames[id] ?? String(id)).join(', ');
        throw new InputError(`symmetry group {${names(group)}} mixes nodes ${option} names (${names(inside)}) with nodes it does not`);
      }
    }
  }
}

/** What survives a crash: the fields the actor declares durable. */
function durablePart<S, M>(node: Node<S, M>, state: S): S {
  return freeze(durableFields(node, state), true) as S;
}

function spent(f: FaultsSpent, crashes: number, lost: number, duplicated: number, partitions: number): FaultsSpent {
  return { crashes: f.crashes + crashes, lost: f.lost + lost, duplicated: f.duplicated + duplicated, partitions: f.partitions + partitions };
}
