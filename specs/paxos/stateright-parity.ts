// Stateright's single-decree Paxos example, message for message (BASELINES.md §2): 3 servers and 2
// clients must give exactly 16,668 distinct states, with the history linearizable.

import { defineSpec } from '../../checker/index.ts';
import { stateRightPaxos } from '../../protocols/paxos/index.ts';

export default defineSpec({
  name: 'StaterightPaxos',
  description: "Stateright's paxos example (parity: 16,668 distinct states for 3 servers, 2 clients)",
  configs: {
    's3-c2': { model: () => stateRightPaxos({ servers: 3, clients: 2 }), expect: 'holds', description: '3 servers, 2 clients' },
  },
});
