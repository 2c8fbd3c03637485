// Multi-Paxos: a replicated log under a key-value store; Agreement in every slot and linearizable
// get/put for the clients.

import { defineSpec, kvSpec, type KvInput, type RuntimeWorkload } from '../../checker/index.ts';
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
      // For a real run: every client a script of random puts (unique values) and gets, and a log
      // with room for all of them.
      runtime: {
        spec: kvSpec,
        model: ({ clients, operations, seed }: RuntimeWorkload) => {
          let x = seed >>> 0 || 1;
          const coin = (): boolean => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) & 0x10000) !== 0;
          const script = (c: number): KvInput[] => Array.from({ length: operations }, (_, k) => (coin() ? get : put(`${c}.${k}`)));
          return multiPaxos({ servers: 3, slots: clients * operations, workload: Array.from({ length: clients }, (_, c) => script(c)) });
        },
      },
    },
  },
});
