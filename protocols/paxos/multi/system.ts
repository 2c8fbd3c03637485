// Multi-Paxos replicated key-value store: servers and clients, checked for Agreement in every slot
// and for linearizability of the clients' get/put history against the key-value specification.

import { actorSystem, always, sometimes, type SystemState } from '../../../checker/index.ts';
import { kvSpec, linearizableHistory, type KvInput } from '../../register/register-spec.ts';
import { formatBallot } from '../ballot.ts';
import { kvClient, type KvClientState } from './client.ts';
import { formatCommand, formatMessage, type Message } from './messages.ts';
import { multiPaxosServer, type MultiPaxosOptions, type ServerState } from './server.ts';

export type MultiPaxosState = SystemState<ServerState | KvClientState, Message>;

export interface MultiPaxosSystemOptions extends MultiPaxosOptions {
  /** Client k runs workload[k]. */
  readonly workload: readonly (readonly KvInput[])[];
  readonly crashes?: number;
}

const servers = (s: MultiPaxosState): ServerState[] => s.actors.filter((a): a is ServerState => a.role === 'server');

/** Per slot, the commands chosen there (voted by a majority in one ballot). */
export function chosenPerSlot(s: MultiPaxosState): Map<number, Set<string>> {
  const all = servers(s);
  const quorum = Math.floor(all.length / 2) + 1;
  const count = new Map<string, number>();
  for (const a of all) for (const v of a.votes ?? []) {
    const key = `${v.slot}|${formatBallot(v.ballot)}|${formatCommand(v.command)}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const chosen = new Map<number, Set<string>>();
  for (const [key, n] of count) {
    if (n < quorum) continue;
    const [slot, , command] = key.split('|');
    const set = chosen.get(Number(slot)) ?? new Set<string>();
    set.add(command!);
    chosen.set(Number(slot), set);
  }
  return chosen;
}

/** Agreement, slot by slot: at most one command is chosen in each slot. */
export const logAgreement = always<MultiPaxosState>('Agreement', (s) => [...chosenPerSlot(s).values()].every((c) => c.size <= 1));

const isLinearizable = linearizableHistory(kvSpec);
export const kvLinearizable = always<MultiPaxosState>('Linearizable', (s) => isLinearizable(s.history));

export const allDone = sometimes<MultiPaxosState>('AllOperationsDone', (s) => s.actors.every((a) => a.role !== 'client' || a.done));

export function multiPaxos(options: MultiPaxosSystemOptions) {
  return actorSystem<ServerState | KvClientState, Message>({
    actors: [
      { actor: multiPaxosServer(options), count: options.servers },
      { actor: kvClient(options.workload, (options.campaigns ?? 0) > 0), count: options.workload.length, client: true },
    ],
    faults: { crashes: options.crashes ?? 0 },
    properties: [logAgreement, kvLinearizable, allDone],
    formatMessage,
  });
}
