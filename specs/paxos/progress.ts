// Single-decree Paxos, progress: with a stable single proposer every client is told the chosen
// value; a proposer that never reports it leaves its client waiting. Two proposers with bounded
// ballots show where a finite model cannot answer the question.

import { defineSpec } from '../../checker/index.ts';
import { paxosProgress } from '../../protocols/paxos/progress.ts';

export default defineSpec({
  name: 'PaxosProgress',
  description: 'single-decree Paxos; ClientAnswered (liveness), Agreement, Validity, LearnersAgree',
  configs: {
    'one-proposer': {
      model: () => paxosProgress({ servers: 3, clients: 1 }),
      expect: 'holds',
      description: '3 servers, one client proposing through one server: a stable leader',
    },
    'one-proposer-retry': {
      model: () => paxosProgress({ servers: 3, clients: 1, maxRound: 2 }),
      expect: 'holds',
      description: 'as one-proposer, and the proposer may time out and retry with a higher ballot',
    },
    'chosen-not-reported': {
      model: () => paxosProgress({ servers: 3, clients: 1, progressBug: 'chosen-not-reported' }),
      expect: { violates: 'ClientAnswered' },
      description: 'bug: the proposer learns the chosen value and never tells its client',
    },
    'two-proposers-bounded-ballots': {
      model: () => paxosProgress({ servers: 3, clients: 2 }),
      expect: { violates: 'ClientAnswered' },
      description: 'not a protocol bug: with one ballot each, the proposer that loses cannot retry (progress with dueling proposers needs unbounded ballots)',
    },
  },
});
