// Progress of Raft where a finite model can show it honestly: with a scripted stable leader (only
// server 1 may stand, in term 1) and clients that keep trying (their choices weakly fair), under
// fair delivery and timers, every client's operations are eventually answered. Unscripted
// elections need unbounded terms for progress (split votes can repeat for ever), which no
// finite model has.

import { eventually, actorFairness, withView } from '../../checker/index.ts';
import type { RaftState } from './properties.ts';
import { raft, type RaftSystemOptions } from './system.ts';
import type { ClientState } from './client.ts';

/** ClientServed: every client's operations are eventually all answered. */
export const clientServed = eventually<RaftState>('ClientServed', (s, system) =>
  system.clients.every((id) => {
    const c = s.actors[id] as ClientState;
    return c.seq === c.ops.length;
  }),
);

export function raftProgress(options: RaftSystemOptions) {
  const model = raft(options);
  return {
    ...model,
    properties: [...model.properties, withView(clientServed, model.system)],
    // Clients keep invoking and retrying; servers' deliveries and timers are fair by default.
    fairness: actorFairness((id) => (id >= options.servers ? { choices: 'weak' } : {})),
  };
}
