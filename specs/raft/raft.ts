// Raft (Ongaro & Ousterhout, 2014): the correct protocol holds in every configuration; each named
// bug variant is caught. Bounds: servers, maxTerm, the clients' operations (which bound the log),
// crashes, loss/duplication and partitions; `elections` and `contacts` script who stands in each
// term and which server each client talks to, and `maxInFlight` keeps the network drained (at most
// that many messages that still matter in flight), to steer a search through a long scenario.
// Within its bounds every search is exhaustive (BFS): the steered ones prove a bug is reached.
// Leaders send AppendEntries on news only, except in the `-periodic` configurations, which check
// the periodic heartbeats (and resends) that a real run uses: there `maxInFlight` is what bounds
// the search, as a leader may send a heartbeat at any moment.

import { defineSpec, kvSpec, type RuntimeOptions, type RuntimeWorkload } from '../../checker/index.ts';
import { raft, type KvOp, type RaftSystemOptions } from '../../protocols/raft/index.ts';

const put = (value: string): KvOp => ({ f: 'put', key: 'x', value });
const get: KvOp = { f: 'get', key: 'x' };

// Figure 8 with three servers. An entry committed by counting replicas in a later term can be
// overwritten, so at least four terms are needed: A of term 1 is committed in term 3, and a
// leader of term 4 whose last entry, B, is of term 2 (between A's term and the term that
// committed A) wins without A.
//   term 1: server1 leads (server2's vote) and takes A, which reaches no one;
//   term 2: server2 leads (server3's vote: their logs are both empty) and takes B, which
//           reaches no one;
//   term 3: server1 leads (server3's vote; server2's B@t2 beats A@t1), copies A to server3:
//           A is on a majority, and the bug commits it although it is of term 1;
//   term 4: server2 leads with server3's (or server1's) vote, as B@t2 beats A@t1: a leader
//           without the committed A (Leader Completeness); it would overwrite A on server3.
// Crashes do not shorten it (a crash erases no term). The search is steered, not scripted:
// who may stand in each term, whom each client asks, and at most two messages that still
// matter in flight; every interleaving within those bounds is explored.
const figure8: RaftSystemOptions = {
  servers: 3,
  maxTerm: 4,
  elections: [0, 1, 0, 1],
  contacts: [[0], [1]],
  clients: [[put('A')], [put('B')]],
  maxInFlight: 2,
};

/** The configurations, by name, shared with the tests. */
export const configs = {
  /** Elections only: any server may stand, one term, one crash. */
  elections: { servers: 3, maxTerm: 1, clients: [], crashes: 1 },
  /** One term, any candidate, a client writes through any server. */
  replication: { servers: 3, maxTerm: 1, clients: [[put('1')]] },
  /** A change of leader with an entry in the log: server1 leads term 1, server2 term 2; a client
   *  writes through either; at most two messages that still matter in flight. */
  'leader-change': { servers: 3, maxTerm: 2, elections: [0, 1], contacts: [[0, 1]], clients: [[put('1')]], maxInFlight: 2 },
  /** The same with one crash (and restart). */
  'leader-change-crash': { servers: 3, maxTerm: 2, elections: [0, 1], contacts: [[0, 1]], clients: [[put('1')]], crashes: 1, maxInFlight: 2 },
  /** Two terms (server1 then server2), a client writes through either, one crash. */
  'two-terms-crash': { servers: 3, maxTerm: 2, elections: [0, 1], contacts: [[0, 1]], clients: [[put('1')]], crashes: 1 },
  /** Larger: two terms, any candidate, a writer and a reader at any server, a drained network.
   *  (Without `maxInFlight` it does not finish in 5 minutes: 840k states at depth 10.) */
  'two-terms-two-clients': { servers: 3, maxTerm: 2, clients: [[put('1')], [get]], maxInFlight: 2 },
  /** Larger: three scripted terms (server1, server2, server3), one crash, a drained network. */
  'three-terms-crash': { servers: 3, maxTerm: 3, elections: [0, 1, 2], clients: [[put('1')]], crashes: 1, maxInFlight: 2 },
  /** Larger: two scripted terms, one crash, one lost and one duplicated message, a drained network.
   *  (Three unscripted terms with these faults do not finish in 5 minutes.) */
  'two-terms-faults': {
    servers: 3,
    maxTerm: 2,
    elections: [0, 1],
    clients: [[put('1')]],
    crashes: 1,
    lose: 1,
    duplicate: 1,
    maxInFlight: 2,
  },
  /** Larger: two scripted terms, a writer and a reader at any server, a partition, a drained
   *  network. (Unscripted and undrained it does not finish in 5 minutes: 2.2M states at depth 10.) */
  'two-terms-partition': { servers: 3, maxTerm: 2, elections: [0, 1], clients: [[put('1')], [get]], partitions: 1, maxInFlight: 2 },

  // The bug variants.
  'votedfor-not-durable': { servers: 3, maxTerm: 1, clients: [], crashes: 1, bug: 'votedfor-not-durable' },
  'no-up-to-date-check': { servers: 3, maxTerm: 2, elections: [0, 2], contacts: [[0]], clients: [[put('1')]], bug: 'no-up-to-date-check' },
  'leader-reads-locally': {
    servers: 3,
    maxTerm: 2,
    elections: [0, 1],
    contacts: [[1], [0]],
    clients: [[put('1')], [get]],
    maxInFlight: 2,
    bug: 'leader-reads-locally',
  },
  /** A leader stores a second client's command over the first one's, not yet applied. */
  'leader-overwrites-unapplied': {
    servers: 3,
    maxTerm: 1,
    elections: [0],
    contacts: [[0], [0]],
    clients: [[put('A')], [put('B')]],
    bug: 'leader-overwrites-unapplied',
  },
  'commit-previous-term': { ...figure8, bug: 'commit-previous-term' },
  /** The same family of runs as commit-previous-term, with the correct commit rule. */
  'figure-8-correct': figure8,

  // Periodic heartbeats, as a real run has them: at most three (four for the bugs) messages that
  // still matter in flight, since each heartbeat adds one.
  /** replication's runs with periodic heartbeats. */
  'replication-periodic': { servers: 3, maxTerm: 1, clients: [[put('1')]], heartbeats: 'periodic', maxInFlight: 3 },
  /** leader-change's runs with periodic heartbeats. */
  'leader-change-periodic': {
    servers: 3,
    maxTerm: 2,
    elections: [0, 1],
    contacts: [[0, 1]],
    clients: [[put('1')]],
    heartbeats: 'periodic',
    maxInFlight: 3,
  },
  'votedfor-not-durable-periodic': { servers: 3, maxTerm: 1, clients: [], crashes: 1, bug: 'votedfor-not-durable', heartbeats: 'periodic', maxInFlight: 4 },
  'leader-reads-locally-periodic': {
    servers: 3,
    maxTerm: 2,
    elections: [0, 1],
    contacts: [[1], [0]],
    clients: [[put('1')], [get]],
    bug: 'leader-reads-locally',
    heartbeats: 'periodic',
    maxInFlight: 4,
  },
} satisfies Record<string, RaftSystemOptions>;

export type ConfigName = keyof typeof configs;

/**
 * For a real run: the configuration's servers and bug, no term bound, every client a script of
 * random puts (unique values) and gets on two keys, at any server; timers of a real cluster.
 * Leaders send periodic heartbeats (checked by the `-periodic` configurations): without them a
 * leader that has no news sends nothing, its followers' election timers run out, and leaders are
 * deposed before they commit. Heartbeats come well within the election timeout, which a follower
 * restarts at each one, so a leader that reaches a majority stays leader.
 */
const runtime = (name: ConfigName): RuntimeOptions => ({
  spec: kvSpec,
  model: ({ clients, operations, seed }: RuntimeWorkload) => {
    let x = seed >>> 0 || 1;
    const draw = (n: number): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) % n;
    const script = (c: number): KvOp[] =>
      Array.from({ length: operations }, (_, k) => {
        const key = draw(2) === 0 ? 'x' : 'y';
        return draw(2) === 0 ? { f: 'get', key } : { f: 'put', key, value: `${c}.${k}` };
      });
    const { servers, bug } = configs[name] as RaftSystemOptions;
    return raft({
      servers,
      maxTerm: Number.MAX_SAFE_INTEGER,
      clients: Array.from({ length: clients }, (_, c) => script(c)),
      heartbeats: 'periodic',
      ...(bug ? { bug } : {}),
    });
  },
  timers: { election: { min: 300, max: 600 }, heartbeat: { min: 50, max: 100 } },
});

const holds = (name: ConfigName, description: string, heavy = false) =>
  ({ model: () => raft(configs[name]), expect: 'holds', description, ...(heavy ? { heavy: true } : {}) }) as const;
const violates = (name: ConfigName, property: string, description: string) =>
  ({ model: () => raft(configs[name]), expect: { violates: property }, description }) as const;

export default defineSpec({
  name: 'Raft',
  description: 'Raft leader election and log replication with a key-value state machine (Figure 2), checked against Figure 3 and linearizability',
  configs: {
    elections: holds('elections', '3 servers, 1 term, any candidate, 1 crash'),
    replication: { ...holds('replication', '3 servers, 1 term, any candidate, a client puts through any server'), runtime: runtime('replication') },
    'leader-change': holds('leader-change', 'server1 then server2 lead, a client puts through either; drained network'),
    'leader-change-crash': holds('leader-change-crash', 'leader-change with 1 crash'),
    'two-terms-crash': holds('two-terms-crash', 'server1 then server2 lead, a client puts through either, 1 crash', true),
    'two-terms-two-clients': holds('two-terms-two-clients', '2 terms, any candidate, a put and a get at any server; drained network', true),
    'three-terms-crash': holds('three-terms-crash', '3 scripted terms, 1 crash; drained network', true),
    'two-terms-faults': holds('two-terms-faults', '2 scripted terms, 1 crash, 1 loss, 1 duplication; drained network', true),
    'two-terms-partition': holds('two-terms-partition', '2 scripted terms, a put and a get, 1 partition; drained network', true),
    'figure-8-correct': holds('figure-8-correct', "commit-previous-term's runs with the correct commit rule", true),
    'votedfor-not-durable': { ...violates('votedfor-not-durable', 'Election Safety', 'votedFor lost in a crash: two leaders in a term'), runtime: runtime('votedfor-not-durable') },
    'no-up-to-date-check': violates('no-up-to-date-check', 'Leader Completeness', 'votes without §5.4.1: a leader lacks a committed entry'),
    'leader-reads-locally': { ...violates('leader-reads-locally', 'Linearizability', 'a deposed leader answers a get from its own state'), runtime: runtime('leader-reads-locally') },
    'leader-overwrites-unapplied': violates('leader-overwrites-unapplied', 'Leader Append-Only', 'a leader stores a command over an unapplied one'),
    'commit-previous-term': violates('commit-previous-term', 'Leader Completeness', 'Figure 8: an entry of term 1 committed in term 3, then a leader of term 4 without it'),
    'replication-periodic': holds('replication-periodic', 'replication with periodic heartbeats (as a real run); at most 3 messages in flight'),
    'leader-change-periodic': holds('leader-change-periodic', 'leader-change with periodic heartbeats; at most 3 messages in flight'),
    'votedfor-not-durable-periodic': violates('votedfor-not-durable-periodic', 'Election Safety', 'votedfor-not-durable with periodic heartbeats; at most 4 messages in flight'),
    'leader-reads-locally-periodic': {
      ...violates('leader-reads-locally-periodic', 'Linearizability', 'leader-reads-locally with periodic heartbeats; at most 4 messages in flight'),
      heavy: true,
    },
  },
});
