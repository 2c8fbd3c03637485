// Stateright's ABD example as a register test system (BASELINES.md §2).

import { registerSystem } from '../../register/system.ts';
import { abdServer, formatAbdMsg, type AbdMsg, type AbdServerState } from './abd-server.ts';

export function stateRightAbd(options: { readonly servers: number; readonly clients: number }) {
  return registerSystem<AbdServerState, AbdMsg>({
    server: abdServer(),
    ...options,
    formatInternal: formatAbdMsg,
  });
}
