// Dynamo-style N/R/W quorums: with R + W > N a read that starts after a write completed never
// returns an older value; with R + W <= N it can.

import { defineSpec, registerSpec, type RuntimeWorkload } from '../../checker/index.ts';
import { dynamoQuorums, read, write } from '../../protocols/quorum/index.ts';

/** For a real run: client 0, the only writer, writes 1, 2, 3…; every other client reads. */
const runtime = (readQuorum: number, writeQuorum: number) => ({
  spec: registerSpec,
  model: ({ clients, operations }: RuntimeWorkload) =>
    dynamoQuorums({
      replicas: 3,
      readQuorum,
      writeQuorum,
      workload: Array.from({ length: clients }, (_, c) => Array.from({ length: operations }, (_, k) => (c === 0 ? write(String(k + 1)) : read))),
    }),
});

const n3 = (readQuorum: number, writeQuorum: number, readRepair = false) => () =>
  dynamoQuorums({ replicas: 3, readQuorum, writeQuorum, readRepair, workload: [[write('1')], [read]] });

export default defineSpec({
  name: 'DynamoQuorums',
  description: 'N = 3 replicas, a writer and a reader; NoStaleRead (regular register)',
  configs: {
    'n3-r2-w2': { model: n3(2, 2), expect: 'holds', description: 'R = 2, W = 2', runtime: runtime(2, 2) },
    'n3-r1-w3': { model: n3(1, 3), expect: 'holds', description: 'R = 1, W = 3' },
    'n3-r3-w1': { model: n3(3, 1), expect: 'holds', description: 'R = 3, W = 1' },
    'n3-r2-w2-repair': { model: n3(2, 2, true), expect: 'holds', description: 'R = 2, W = 2, read repair' },
    'n3-r1-w1': { model: n3(1, 1), expect: { violates: 'NoStaleRead' }, description: 'R + W <= N: a read misses the write', runtime: runtime(1, 1) },
    'n3-r1-w2': { model: n3(1, 2), expect: { violates: 'NoStaleRead' }, description: 'R + W <= N: a read misses the write' },
  },
});
