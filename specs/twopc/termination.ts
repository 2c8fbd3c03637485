// Termination of two-phase commit (liveness under fair delivery, timers, votes and restarts): it
// holds when a crashed coordinator restarts, and fails when it never does (the blocking problem).

import { defineSpec } from '../../checker/index.ts';
import { twoPhaseCommitTermination } from '../../protocols/twopc/termination.ts';

export default defineSpec({
  name: 'TwoPhaseCommitTermination',
  description: 'a coordinator that may crash once and N participants; Termination, Atomicity, Validity',
  configs: {
    termination: {
      model: () => twoPhaseCommitTermination({ participants: 2, coordinatorRestarts: true }),
      expect: 'holds',
      description: '2 participants; the coordinator may crash, and restarts',
    },
    'termination-p3': {
      model: () => twoPhaseCommitTermination({ participants: 3, coordinatorRestarts: true }),
      expect: 'holds',
      description: '3 participants; the coordinator may crash, and restarts',
    },
    'coordinator-crash-blocks': {
      model: () => twoPhaseCommitTermination({ participants: 2, coordinatorRestarts: false }),
      expect: { violates: 'Termination' },
      description: 'bug (the blocking problem): a crashed coordinator never restarts, a prepared participant waits for ever',
    },
  },
});
