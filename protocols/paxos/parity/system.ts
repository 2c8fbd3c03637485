// Stateright's single-decree Paxos example as a register test system (BASELINES.md §2).

import { registerSystem } from '../../register/system.ts';
import { formatPaxosMsg, paxosServer, type PaxosMsg, type PaxosServerState } from './paxos-server.ts';

export function stateRightPaxos(options: { readonly servers: number; readonly clients: number }) {
  return registerSystem<PaxosServerState, PaxosMsg>({ server: paxosServer(), ...options, formatInternal: formatPaxosMsg });
}
