// ABD as an actor system: replicas and scripted clients; the clients' history must be linearizable
// as a read/write register.

import { actorSystem, linearizability, registerSpec, sometimes, type RegisterInput, type RegisterOutput, type SystemState } from '../../checker/index.ts';
import { abdClient, type AbdClientState } from './abd-client.ts';
import { formatAbdMessage, type AbdMessage } from './abd-messages.ts';
import { abdReplica, type AbdReplicaState } from './abd-replica.ts';
import type { AbdOptions } from './options.ts';
import { abdSymmetry } from './symmetry.ts';

export type AbdState = SystemState<AbdReplicaState | AbdClientState, AbdMessage, RegisterInput, RegisterOutput>;

export const abdLinearizable = linearizability(registerSpec);

export const abdAllDone = sometimes<AbdState>('AllOperationsDone', (s, system) =>
  system.clients.every((id) => {
    const c = s.actors[id] as AbdClientState;
    return c.next === null && c.phase === 'idle';
  }),
);

export interface AbdSystemOptions extends AbdOptions {
  readonly crashes?: number;
  readonly lose?: number;
}

export function abdRegister(options: AbdSystemOptions) {
  return actorSystem<AbdReplicaState | AbdClientState, AbdMessage, RegisterInput, RegisterOutput>({
    actors: [
      { actor: abdReplica(), count: options.replicas },
      { actor: abdClient(options), count: options.workload.length, client: true },
    ],
    network: { lose: options.lose ?? 0 },
    faults: { crashes: options.crashes ?? 0 },
    properties: [abdLinearizable, abdAllDone],
    formatMessage: formatAbdMessage,
    symmetry: abdSymmetry(options),
  });
}
