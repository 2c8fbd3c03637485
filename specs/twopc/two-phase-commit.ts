// Two-phase commit as actors: the correct protocol holds under crashes, loss and duplication,
// and each named bug is caught.

import { defineSpec } from '../../checker/index.ts';
import { twoPhaseCommit } from '../../protocols/twopc/index.ts';

export default defineSpec({
  name: 'TwoPhaseCommit',
  description: 'a coordinator and N participants; Atomicity and Validity',
  configs: {
    p2: { model: () => twoPhaseCommit({ participants: 2 }), expect: 'holds', description: '2 participants, reliable network' },
    p3: { model: () => twoPhaseCommit({ participants: 3 }), expect: 'holds', description: '3 participants, reliable network' },
    'p3-crash1': {
      model: () => twoPhaseCommit({ participants: 3, crashes: 1 }),
      expect: 'holds',
      description: '3 participants, one crash (and restart) of any node',
    },
    'p3-lossy': {
      model: () => twoPhaseCommit({ participants: 3, lose: 1, duplicate: 1 }),
      expect: 'holds',
      description: '3 participants, one message lost and one duplicated',
    },
    'p3-crash2': {
      model: () => twoPhaseCommit({ participants: 3, crashes: 2 }),
      expect: 'holds',
      description: '3 participants, two crashes',
      heavy: true,
    },
    'presume-commit-on-timeout': {
      model: () => twoPhaseCommit({ participants: 2, bug: 'presume-commit-on-timeout' }),
      expect: { violates: 'Validity' },
      description: 'bug: the coordinator commits when a vote times out',
    },
    'vote-not-durable': {
      model: () => twoPhaseCommit({ participants: 2, crashes: 1, bug: 'vote-not-durable' }),
      expect: { violates: 'Atomicity' },
      description: 'bug: a participant forgets its yes vote across a crash',
    },
    'decision-not-logged': {
      model: () => twoPhaseCommit({ participants: 2, crashes: 1, bug: 'decision-not-logged' }),
      expect: { violates: 'Atomicity' },
      description: 'bug: the coordinator decides again after a restart',
    },
  },
});
