// Raft as an actor system: servers, clients, the network and faults, with the bounds of a
// configuration.

import { actorSystem, type ActorModel, type KvInput, type KvOutput } from '../../checker/index.ts';
import { client } from './client.ts';
import { formatMessage, type Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import { entryCommitted, linearizability, raftProperties, type NodeState } from './properties.ts';
import { liveNetwork, view } from './network-view.ts';
import { server } from './server.ts';
import type { DurableServerState } from './server-state.ts';

export interface RaftSystemOptions extends RaftOptions {
  /** Crashes a run may have (a crashed server restarts from its persistent state). */
  readonly crashes?: number;
  readonly lose?: number;
  readonly duplicate?: number;
  readonly partitions?: number;
  /**
   * Optionally, at most this many messages that may still matter in flight (see network-view.ts):
   * a state with more is checked but not expanded (a state constraint, as TLC's CONSTRAINT). A
   * bound for steering a search through a long scenario: runs where the network is drained as
   * they go, leaving out those that reach the same states with more messages pending.
   */
  readonly maxInFlight?: number;
}

export type RaftModel = ActorModel<NodeState | DurableServerState, Message, KvInput, KvOutput>;

export function raft(options: RaftSystemOptions): RaftModel {
  const { maxInFlight } = options;
  const model = actorSystem<NodeState | DurableServerState, Message, KvInput, KvOutput>({
    actors: [
      { actor: server(options), count: options.servers },
      { actor: client(options), count: options.clients.length, client: true },
    ],
    network: { lose: options.lose ?? 0, duplicate: options.duplicate ?? 0 },
    faults: { crashes: options.crashes ?? 0, partitions: options.partitions ?? 0 },
    // Without clients nothing is ever committed: only the election properties apply.
    properties: options.clients.length > 0 ? raftProperties : raftProperties.filter((p) => p !== entryCommitted && p !== linearizability),
    formatMessage,
    ...(maxInFlight === undefined ? {} : { within: (s) => liveNetwork(s).length <= maxInFlight }),
  });
  return { ...model, view };
}
