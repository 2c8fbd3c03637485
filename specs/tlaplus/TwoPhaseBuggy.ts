// TwoPhase with a named bug: the TM commits as soon as any RM is prepared, not all of them. A raw
// model must catch it: another RM can still choose to abort, so TCConsistent fails.

import { defineSpec } from '../../checker/index.ts';
import { twoPhase } from './TwoPhase.ts';

export default defineSpec({
  name: 'TwoPhaseBuggy',
  description: 'TwoPhase with TMCommit enabled once any RM is prepared; must violate TCConsistent',
  configs: {
    'tm-commit-without-all-prepared': {
      model: () => twoPhase(3, { bug: 'tm-commit-without-all-prepared' }),
      expect: { violates: 'TCConsistent' },
      description: '3 RMs: commit with one RM prepared while another aborts (5 steps)',
    },
  },
});
