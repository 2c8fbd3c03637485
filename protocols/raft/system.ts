// Raft as an actor system: servers, clients, the network and faults, with the bounds of a
// configuration.

import { actorSystem, type ActorModel } from '../../checker/index.ts';
import { client } from './client.ts';
import { formatMessage, type Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import { raftProperties, type NodeState, type RaftState } from './properties.ts';
import { server } from './server.ts';
import type { DurableServerState } from './server-state.ts';

export interface RaftSystemOptions extends RaftOptions {
  /** Crashes a run may have (a crashed server restarts from its persistent state). */
  readonly crashes?: number;
  readonly lose?: number;
  readonly duplicate?: number;
  readonly partitions?: number;
}

export type RaftModel = ActorModel<NodeState | DurableServerState, Message>;

/**
 * Heartbeats may be sent at any time, so the network could fill with copies of the same message.
 * A copy adds nothing (Raft's messages are idempotent and the original may still be delivered,
 * lost or duplicated), so the model does not explore beyond a state holding one: the network holds
 * each message at most once, plus the copies the network itself made.
 */
export function noRedundantCopies(s: RaftState): boolean {
  let copies = 0;
  for (let i = 1; i < s.network.length; i++) {
    const a = s.network[i - 1]!;
    const b = s.network[i]!;
    if (a.hi === b.hi && a.lo === b.lo) copies++;
  }
  return copies <= s.faults.duplicated;
}

export function raft(options: RaftSystemOptions): RaftModel {
  return actorSystem<NodeState | DurableServerState, Message>({
    actors: [
      { actor: server(options), count: options.servers },
      { actor: client(options), count: options.clients.length, client: true },
    ],
    network: { lose: options.lose ?? 0, duplicate: options.duplicate ?? 0 },
    faults: { crashes: options.crashes ?? 0, partitions: options.partitions ?? 0 },
    properties: raftProperties,
    within: noRedundantCopies,
    formatMessage,
  });
}
