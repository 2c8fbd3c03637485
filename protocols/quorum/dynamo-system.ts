// Dynamo-style N/R/W quorums as an actor system, with its property: reads are regular — a read
// that starts after a write completed returns that write's value or a newer one.

import { actorSystem, always, sometimes, type RegisterInput, type RegisterOutput, type SystemState } from '../../checker/index.ts';
import { dynamoClient, type DynamoClientState } from './dynamo-client.ts';
import { formatDynamoMessage, type DynamoMessage } from './dynamo-messages.ts';
import { dynamoReplica, type DynamoReplicaState } from './dynamo-replica.ts';
import type { DynamoOptions } from './options.ts';
import { dynamoSymmetry } from './symmetry.ts';

export type DynamoState = SystemState<DynamoReplicaState | DynamoClientState, DynamoMessage, RegisterInput, RegisterOutput>;

/**
 * No stale read: the writer (client 0) numbers its writes 1, 2, …, so after[0] — how many writes
 * had completed when a read was invoked — is the oldest version that read may return.
 */
export const noStaleRead = always<DynamoState>('NoStaleRead', (s) => {
  const writes = s.history[0];
  if (writes === undefined) return true;
  const versions = new Map<unknown, number>([[null, 0]]);
  writes.forEach((op, i) => versions.set(op.input.f === 'write' ? op.input.value : undefined, i + 1));
  return s.history.slice(1).every((ops) => ops.every((op) => !op.done || (versions.get(op.output?.value ?? null) ?? 0) >= op.after[0]!));
});

export const dynamoAllDone = sometimes<DynamoState>('AllOperationsDone', (s, system) =>
  system.clients.every((id) => {
    const c = s.actors[id] as DynamoClientState;
    return c.next === null && !c.waiting;
  }),
);

export function dynamoQuorums(options: DynamoOptions & { readonly crashes?: number; readonly lose?: number }) {
  const symmetry = dynamoSymmetry(options);
  return actorSystem<DynamoReplicaState | DynamoClientState, DynamoMessage, RegisterInput, RegisterOutput>({
    actors: [
      { actor: dynamoReplica(), count: options.replicas },
      { actor: dynamoClient(options), count: options.workload.length, client: true },
    ],
    network: { lose: options.lose ?? 0 },
    faults: { crashes: options.crashes ?? 0 },
    properties: [noStaleRead, dynamoAllDone],
    formatMessage: formatDynamoMessage,
    ...(symmetry ? { symmetry } : {}),
  });
}
