// Raft (Ongaro & Ousterhout, 2014): the correct protocol holds in every configuration; each named
// bug variant is caught. Bounds: servers, maxTerm, the clients' operations (which bound the log),
// crashes, loss/duplication and partitions; `elections` and `contacts` script who stands in each
// term and which server each client talks to, to steer a search through a long scenario.

import { defineSpec } from '../../checker/index.ts';
import { raft, type KvOp, type RaftSystemOptions } from '../../protocols/raft/index.ts';

const put = (value: string): KvOp => ({ f: 'put', key: 'x', value });
const get: KvOp = { f: 'get', key: 'x' };

/** The configurations, by name, shared with the tests. */
export const configs = {
  /** Elections only: any server may stand, one term, one crash. */
  elections: { servers: 3, maxTerm: 1, clients: [], crashes: 1 },
  /** One term, any candidate, a client writes through any server. */
  replication: { servers: 3, maxTerm: 1, clients: [[put('1')]] },
  /** Two terms (server1 then server2), a client writes through either, one crash. */
  'two-terms-crash': { servers: 3, maxTerm: 2, elections: [0, 1], contacts: [[0, 1]], clients: [[put('1')]], crashes: 1 },
  /** Larger: two terms, any candidate, a writer and a reader at any server. */
  'two-terms-two-clients': { servers: 3, maxTerm: 2, clients: [[put('1')], [get]] },
  /** Larger: three terms, any candidate, one crash, one lost and one duplicated message. */
  'three-terms-faults': { servers: 3, maxTerm: 3, clients: [[put('1')]], crashes: 1, lose: 1, duplicate: 1 },
  /** Larger: two terms, a partition. */
  'two-terms-partition': { servers: 3, maxTerm: 2, clients: [[put('1')], [get]], partitions: 1 },

  // The bug variants.
  'votedfor-not-durable': { servers: 3, maxTerm: 1, clients: [], crashes: 1, bug: 'votedfor-not-durable' },
  'no-up-to-date-check': { servers: 3, maxTerm: 2, elections: [0, 2], contacts: [[0]], clients: [[put('1')]], bug: 'no-up-to-date-check' },
  'leader-reads-locally': {
    servers: 3,
    maxTerm: 2,
    elections: [0, 1],
    contacts: [[1], [0]],
    clients: [[put('1')], [get]],
    bug: 'leader-reads-locally',
  },
  // Figure 8 with three servers and no crash: server1 takes entry A in term 1 and server2 entry B
  // in term 2 (neither replicates); server1, leader again in term 3, copies A to server3 and
  // commits it (the bug); server2, whose last term 2 beats A's, wins term 4 and overwrites it.
  'commit-previous-term': {
    servers: 3,
    maxTerm: 4,
    elections: [0, 1, 0, 1],
    contacts: [[0], [1]],
    clients: [[put('A')], [put('B')]],
    bug: 'commit-previous-term',
  },
  /** The same scenario as commit-previous-term, with the correct commit rule. */
  'figure-8-correct': { servers: 3, maxTerm: 4, elections: [0, 1, 0, 1], contacts: [[0], [1]], clients: [[put('A')], [put('B')]] },
} satisfies Record<string, RaftSystemOptions>;

export type ConfigName = keyof typeof configs;

const holds = (name: ConfigName, heavy = false) =>
  ({ model: () => raft(configs[name]), expect: 'holds', description: name, ...(heavy ? { heavy: true } : {}) }) as const;
const violates = (name: ConfigName, property: string, heavy = false) =>
  ({ model: () => raft(configs[name]), expect: { violates: property }, description: name, ...(heavy ? { heavy: true } : {}) }) as const;

export default defineSpec({
  name: 'raft',
  description: 'Raft leader election and log replication with a key-value state machine (Figure 2), checked against Figure 3 and linearizability',
  configs: {
    elections: holds('elections'),
    replication: holds('replication'),
    'two-terms-crash': holds('two-terms-crash', true),
    'two-terms-two-clients': holds('two-terms-two-clients', true),
    'three-terms-faults': holds('three-terms-faults', true),
    'two-terms-partition': holds('two-terms-partition', true),
    'figure-8-correct': holds('figure-8-correct', true),
    'votedfor-not-durable': violates('votedfor-not-durable', 'Election Safety'),
    'no-up-to-date-check': violates('no-up-to-date-check', 'Leader Completeness'),
    'leader-reads-locally': violates('leader-reads-locally', 'Linearizability'),
    'commit-previous-term': violates('commit-previous-term', 'Leader Completeness', true),
  },
});
