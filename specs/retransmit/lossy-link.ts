// A request over a lossy link: answered in every fair run when the sender retransmits more often
// than the link loses, and not when it sends only once.

import { defineSpec } from '../../checker/index.ts';
import { lossyLink } from '../../protocols/retransmit/index.ts';

export default defineSpec({
  name: 'LossyLink',
  description: 'a sender and a server over a link that loses messages; EveryRequestAnswered',
  configs: {
    'retransmit-lose2': {
      model: () => lossyLink({ lose: 2, retries: 2 }),
      expect: 'holds',
      description: 'two losses, two resends: some request and its reply get through',
    },
    'no-retransmission': {
      model: () => lossyLink({ lose: 1, retries: 2, bug: 'no-retransmission' }),
      expect: { violates: 'EveryRequestAnswered' },
      description: 'bug: the sender never resends, so one lost message leaves it waiting for ever',
    },
  },
});
