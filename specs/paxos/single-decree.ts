// Single-decree Paxos (the Synod protocol of "Paxos Made Simple"): Agreement, Validity, learners
// agree, and the clients see a linearizable write-once register; each named bug is caught.

import { defineSpec } from '../../checker/index.ts';
import { singleDecreePaxos } from '../../protocols/paxos/index.ts';

export default defineSpec({
  name: 'SingleDecreePaxos',
  description: 'proposer/acceptor/learner servers and proposing clients; Agreement, Validity, LearnersAgree, Linearizable',
  configs: {
    's3-c2': {
      model: () => singleDecreePaxos({ servers: 3, clients: 2 }),
      expect: 'holds',
      description: '3 servers, 2 clients proposing different values through different servers',
    },
    's3-c2-crash1': {
      model: () => singleDecreePaxos({ servers: 3, clients: 2, crashes: 1 }),
      expect: 'holds',
      description: 'as s3-c2, and any server may crash once and restart from its durable state',
      heavy: true,
    },
    's3-c1-round2': {
      model: () => singleDecreePaxos({ servers: 3, clients: 1, maxRound: 2 }),
      expect: 'holds',
      description: 'a proposer may time out and retry with a higher ballot (two clients with retries: over 1.7M states, left out)',
    },
    'ignore-accepted-value': {
      model: () => singleDecreePaxos({ servers: 3, clients: 2, bug: 'ignore-accepted-value' }),
      expect: { violates: 'Agreement' },
      description: 'bug: phase 2 proposes the own value, not the highest accepted one among the promises',
    },
    'non-unique-ballots': {
      model: () => singleDecreePaxos({ servers: 3, clients: 2, bug: 'non-unique-ballots' }),
      expect: { violates: 'Agreement' },
      description: 'bug: ballots are round numbers only, so two proposers lead the same ballot',
    },
    'promise-not-durable': {
      model: () => singleDecreePaxos({ servers: 3, clients: 2, crashes: 1, bug: 'promise-not-durable' }),
      expect: { violates: 'Agreement' },
      description: 'bug: an acceptor forgets its promise across a crash',
    },
  },
});
