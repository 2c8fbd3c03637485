// ABD as an actor system: replicas and scripted clients; the clients' history must be linearizable
// as a read/write register.

import { actorSystem, always, sometimes, type SystemState } from '../../checker/index.ts';
import { linearizableHistory, registerSpec } from '../register/register-spec.ts';
import { abdClient, type AbdClientState } from './abd-client.ts';
import { formatAbdMessage, type AbdMessage } from './abd-messages.ts';
import { abdReplica, type AbdReplicaState } from './abd-replica.ts';
import type { AbdOptions } from './options.ts';
import { abdSymmetry } from './symmetry.ts';

export type AbdState = SystemState<AbdReplicaState | AbdClientState, AbdMessage>;

const isLinearizable = linearizableHistory(registerSpec);

export const abdLinearizable = always<AbdState>('Linearizable', (s) => isLinearizable(s.history));

export const abdAllDone = sometimes<AbdState>('AllOperationsDone', (s) =>
  s.actors.every((a) => a.role !== 'client' || a.next === null && a.phase === 'idle'),
);

export interface AbdSystemOptions extends AbdOptions {
  readonly crashes?: number;
  readonly lose?: number;
}

export function abdRegister(options: AbdSystemOptions) {
  return actorSystem<AbdReplicaState | AbdClientState, AbdMessage>({
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
