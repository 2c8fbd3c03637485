// An actor system's declaration resolved once, for the functions that take its steps: the nodes,
// the network's order, the fault budgets, how messages and actions read. Each part of the
// semantics (delivery.ts, timers.ts, local-choices.ts, faults.ts) takes it as its first argument.

import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { causalSuffix } from './causality.ts';
import { DeliveryMemo } from './delivery-memo.ts';
import { EqualParts } from './equal-parts.ts';
import { formatActorAction } from './format.ts';
import { nodesOf, selectServers, type Nodes } from './nodes.ts';
import type { ActorSystemOptions } from './system-options.ts';
import { systemView, type SystemView } from './system-view.ts';

export interface SystemConfig<S, M> extends Nodes<S, M> {
  readonly clientCount: number;
  /** FIFO per channel, or a multiset. */
  readonly ordered: boolean;
  readonly maxLost: number;
  readonly maxDuplicated: number;
  readonly maxCrashes: number;
  /** The servers that may crash, sorted. */
  readonly crashable: readonly Id[];
  readonly restarts: boolean;
  readonly crashLosesMessages: boolean;
  readonly maxPartitions: number;
  /** Every split of the servers a partition may make, each named by the side it isolates. */
  readonly partitionChoices: readonly (readonly Id[])[];
  /** The servers a partition may isolate, sorted. */
  readonly partitionable: readonly Id[];
  /** Whether live nodes are told when a server goes down or comes back (failure-detector.ts). */
  readonly failureDetector: boolean;
  readonly keepNoopDeliveries: boolean;
  /** Whether the state keeps the causal log. */
  readonly causal: boolean;
  readonly formatMessage: (m: M) => string;
  /** An action as people read it. */
  readonly label: (a: ActorAction<M>) => string;
  /** What properties and handlers see of the system's make-up. */
  readonly view: SystemView;
  /** Handler results of deliveries, for reuse (delivery-memo.ts). */
  readonly deliveries: DeliveryMemo<S, M>;
  /** Equal node states made one object (equal-parts.ts). */
  readonly nodeStates: EqualParts;
  /** Equal client histories made one object. */
  readonly histories: EqualParts;
}

export function configure<S, M>(options: ActorSystemOptions<S, M>): SystemConfig<S, M> {
  const nodes = nodesOf(options.actors);
  const maxPartitions = options.faults?.partitions ?? 0;
  const formatMessage = options.formatMessage ?? ((m: M) => JSON.stringify(m));
  const causal = options.causality ?? false;
  const faults = options.faults ?? {};
  const crashable = faults.crashable ? selectServers(nodes, faults.crashable, 'faults.crashable') : nodes.serverIds;
  const partitionable = faults.partitionable ? selectServers(nodes, faults.partitionable, 'faults.partitionable') : nodes.serverIds;
  return {
    ...nodes,
    clientCount: nodes.clientIds.length,
    ordered: options.network?.ordered ?? false,
    maxLost: options.network?.lose ?? 0,
    maxDuplicated: options.network?.duplicate ?? 0,
    maxCrashes: faults.crashes ?? 0,
    crashable,
    restarts: faults.restart ?? true,
    crashLosesMessages: faults.crashLosesMessages ?? true,
    maxPartitions,
    partitionChoices: maxPartitions > 0 ? splits(nodes.serverIds).filter((side) => isolates(nodes.serverIds, side, partitionable)) : [],
    partitionable,
    failureDetector: faults.failureDetector ?? false,
    keepNoopDeliveries: options.keepNoopDeliveries ?? false,
    causal,
    formatMessage,
    label: (a) => formatActorAction(a, nodes.nodeNames, formatMessage) + (causal ? causalSuffix(a, nodes.nodeNames) : ''),
    deliveries: new DeliveryMemo<S, M>(nodes.nodes.length),
    nodeStates: new EqualParts(),
    histories: new EqualParts(),
    view: systemView(nodes.nodes.map((n) => ({ name: n.name, role: n.actor.name, client: n.client !== undefined }))),
  };
}

/** Every way to split the servers in two, each named once by the side it isolates. */
function splits(servers: readonly Id[]): (readonly Id[])[] {
  const n = servers.length;
  const out: (readonly Id[])[] = [];
  for (let mask = 1; mask < (1 << n) - 1; mask++) {
    const side = servers.filter((_, i) => mask & (1 << i));
    // {A | B} and {B | A} are the same split: name it by the smaller side, or the side with the
    // first server when both are the same size.
    if (side.length * 2 > n || (side.length * 2 === n && !(mask & 1))) continue;
    out.push(Object.freeze(side));
  }
  return out;
}

/** Whether the split that isolates `side` leaves one of its two sides made only of `allowed`. */
function isolates(servers: readonly Id[], side: readonly Id[], allowed: readonly Id[]): boolean {
  const inside = (ids: readonly Id[]) => ids.every((id) => allowed.includes(id));
  return inside(side) || inside(servers.filter((id) => !side.includes(id)));
}
