// An actor system's declaration resolved once, for the functions that take its steps: the nodes,
// the network's order, the fault budgets, how messages and actions read. Each part of the
// semantics (delivery.ts, timers.ts, local-choices.ts, faults.ts) takes it as its first argument.

import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { causalSuffix } from './causality.ts';
import { formatActorAction } from './format.ts';
import { nodesOf, type Nodes } from './nodes.ts';
import type { ActorSystemOptions } from './system-options.ts';
import { systemView, type SystemView } from './system-view.ts';

export interface SystemConfig<S, M> extends Nodes<S, M> {
  readonly clientCount: number;
  /** FIFO per channel, or a multiset. */
  readonly ordered: boolean;
  readonly maxLost: number;
  readonly maxDuplicated: number;
  readonly maxCrashes: number;
  readonly restarts: boolean;
  readonly crashLosesMessages: boolean;
  readonly maxPartitions: number;
  /** Every split of the servers a partition may make, each named by the side it isolates. */
  readonly partitionChoices: readonly (readonly Id[])[];
  readonly keepNoopDeliveries: boolean;
  /** Whether the state keeps the causal log. */
  readonly causal: boolean;
  readonly formatMessage: (m: M) => string;
  /** An action as people read it. */
  readonly label: (a: ActorAction<M>) => string;
  /** What properties and handlers see of the system's make-up. */
  readonly view: SystemView;
}

export function configure<S, M>(options: ActorSystemOptions<S, M>): SystemConfig<S, M> {
  const nodes = nodesOf(options.actors);
  const maxPartitions = options.faults?.partitions ?? 0;
  const formatMessage = options.formatMessage ?? ((m: M) => JSON.stringify(m));
  const causal = options.causality ?? false;
  return {
    ...nodes,
    clientCount: nodes.clientIds.length,
    ordered: options.network?.ordered ?? false,
    maxLost: options.network?.lose ?? 0,
    maxDuplicated: options.network?.duplicate ?? 0,
    maxCrashes: options.faults?.crashes ?? 0,
    restarts: options.faults?.restart ?? true,
    crashLosesMessages: options.faults?.crashLosesMessages ?? true,
    maxPartitions,
    partitionChoices: maxPartitions > 0 ? splits(nodes.serverIds) : [],
    keepNoopDeliveries: options.keepNoopDeliveries ?? false,
    causal,
    formatMessage,
    label: (a) => formatActorAction(a, nodes.nodeNames, formatMessage) + (causal ? causalSuffix(a, nodes.nodeNames) : ''),
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
