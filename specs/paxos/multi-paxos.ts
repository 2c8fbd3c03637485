// Multi-Paxos: a replicated log under a key-value store; Agreement in every slot and linearizable
// get/put for the clients.

import { defineSpec } from '../../checker/index.ts';
import { multiPaxos } from '../../protocols/paxos/index.ts';

const put = (value: string) => ({ f: 'put', key: 'x', value }) as const;
const get = { f: 'get', key: 'x' } as const;

export default defineSpec({
  name: 'MultiPaxos',
  description: 'a distinguished leader runs phase 1 once for all slots; a key-value store on the log',
  configs: {
    's3-slots2-c2': {
      model: () => multiPaxos({ servers: 3, slots: 2, workload: [[put('1')], [get]] }),
      expect: 'holds',
      description: '3 servers, 2 slots, one client puts while another gets',
    },
  },
});
