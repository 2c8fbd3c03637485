// Raft, progress: with a scripted stable leader every client's command is eventually answered.

import { defineSpec } from '../../checker/index.ts';
import { raftProgress } from '../../protocols/raft/progress.ts';

export default defineSpec({
  name: 'RaftProgress',
  description: 'Raft with a scripted stable leader; ClientServed (liveness) and the safety properties',
  configs: {
    'stable-leader': {
      model: () => raftProgress({ servers: 3, maxTerm: 1, elections: [0], contacts: [[0]], clients: [[{ f: 'put', key: 'x', value: '1' }]] }),
      expect: 'holds',
      description: '3 servers, server1 the only candidate (term 1), one client writing through it',
    },
    'commit-without-reply': {
      model: () =>
        raftProgress({ servers: 3, maxTerm: 1, elections: [0], contacts: [[0]], clients: [[{ f: 'put', key: 'x', value: '1' }]], bug: 'commit-without-reply' }),
      expect: { violates: 'ClientServed' },
      description: 'the leader applies the committed entry but never responds to the client',
    },
    'lossy-no-resend': {
      model: () =>
        raftProgress({ servers: 3, maxTerm: 1, elections: [0], contacts: [[0]], clients: [[{ f: 'put', key: 'x', value: '1' }]], lose: 1 }),
      expect: { violates: 'ClientServed' },
      description: 'a limit of the model, not of Raft: it has no client or RPC timeout, so a lost request is never resent',
    },
  },
});
