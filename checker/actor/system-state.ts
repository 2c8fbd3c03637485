// The state of an actor system: every actor's state, which nodes are down, the armed timers, the
// network, the clients' history, the faults spent so far and the current partition. Every state
// is built by `systemState`, so all have one shape (faster to read, copy and hash than spreads).

import type { Id } from './actor.ts';
import type { CausalLog } from './causality.ts';
import type { ClientHistory } from './client-history.ts';
import type { Network } from './network.ts';

export interface FaultsSpent {
  readonly crashes: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly partitions: number;
}

/** `I` and `O` are the inputs and outputs of the clients' operations. */
export interface SystemState<S, M, I = unknown, O = unknown> {
  /** Each node's state; a crashed node holds only its durable fields. */
  readonly actors: readonly S[];
  readonly crashed: readonly boolean[];
  /** Armed timers per node, sorted. */
  readonly timers: readonly (readonly string[])[];
  readonly network: Network<M>;
  readonly history: ClientHistory<I, O>;
  readonly faults: FaultsSpent;
  /** The isolated side of the current partition (sorted), or null. */
  readonly partition: readonly Id[] | null;
  /** With `causality: true`: every node's events in program order, with true vector clocks. */
  readonly causality?: CausalLog;
}

export const NO_FAULTS: FaultsSpent = Object.freeze({ crashes: 0, lost: 0, duplicated: 0, partitions: 0 });

/** The one constructor of a system state. */
export function systemState<S, M>(
  actors: readonly S[],
  crashed: readonly boolean[],
  timers: readonly (readonly string[])[],
  network: Network<M>,
  history: ClientHistory,
  faults: FaultsSpent,
  partition: readonly Id[] | null,
  causality: CausalLog | undefined,
): SystemState<S, M> {
  return causality === undefined
    ? { actors, crashed, timers, network, history, faults, partition }
    : { actors, crashed, timers, network, history, faults, partition, causality };
}

/** `s` with other actor states (what-if questions about a state, as blaming a node). */
export function withActors<S, M>(s: SystemState<S, M>, actors: readonly S[]): SystemState<S, M> {
  return systemState(actors, s.crashed, s.timers, s.network, s.history, s.faults, s.partition, s.causality);
}

/** A copy of `xs` with entry `i` replaced. */
export function replaced<T>(xs: readonly T[], i: number, x: T): T[] {
  const copy = xs.slice();
  copy[i] = x;
  return copy;
}
