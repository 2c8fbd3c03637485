// Multi-Paxos replicated key-value store: servers and clients, checked for Agreement in every slot
// and for linearizability of the clients' get/put history against the key-value specification.

import { actorSystem, always, kvSpec, linearizability, sometimes, type KvInput, type KvOutput, type SystemState, type SystemView } from '../../../checker/index.ts';
import { formatBallot } from '../ballot.ts';
import { kvClient, type KvClientState } from './client.ts';
import { formatCommand, formatMessage, type Message } from './messages.ts';
import { multiPaxosServer, type MultiPaxosOptions, type ServerState } from './server.ts';

export type MultiPaxosState = SystemState<ServerState | KvClientState, Message, KvInput, KvOutput>;

export interface MultiPaxosSystemOptions extends MultiPaxosOptions {
  /** Client k runs workload[k]. */
  readonly workload: readonly (readonly KvInput[])[];
  readonly crashes?: number;
}

/** Per slot, the commands chosen there (voted by a majority in one ballot; a crashed server keeps
 *  its durable votes). */
export function chosenPerSlot(s: MultiPaxosState, system: SystemView): Map<number, Set<string>> {
  const count = new Map<string, number>();
  for (const id of system.servers) for (const v of (s.actors[id] as Partial<ServerState>).votes ?? []) {
    const key = `${v.slot}|${formatBallot(v.ballot)}|${formatCommand(v.command)}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const chosen = new Map<number, Set<string>>();
  for (const [key, n] of count) {
    if (n < system.majority) continue;
    const [slot, , command] = key.split('|');
    const set = chosen.get(Number(slot)) ?? new Set<string>();
    set.add(command!);
    chosen.set(Number(slot), set);
  }
  return chosen;
}

/** Agreement, slot by slot: at most one command is chosen in each slot. */
export const logAgreement = always<MultiPaxosState>('Agreement', (s, system) => [...chosenPerSlot(s, system).values()].every((c) => c.size <= 1));

export const kvLinearizable = linearizability(kvSpec);

export const allDone = sometimes<MultiPaxosState>('AllOperationsDone', (s, system) => system.clients.every((id) => (s.actors[id] as KvClientState).done));

export function multiPaxos(options: MultiPaxosSystemOptions) {
  return actorSystem<ServerState | KvClientState, Message, KvInput, KvOutput>({
    actors: [
      { actor: multiPaxosServer(options), count: options.servers },
      { actor: kvClient(options.workload, (options.campaigns ?? 0) > 0), count: options.workload.length, client: true },
    ],
    faults: { crashes: options.crashes ?? 0 },
    properties: [logAgreement, kvLinearizable, allDone],
    formatMessage,
  });
}
