// Stateright's register examples, message for message (BASELINES.md §2): the single-copy register
// (1 server, 2 clients: 93 distinct states; not linearizable with 2 servers) and ABD (2 servers,
// 2 clients: 544).

import { defineSpec } from '../../checker/index.ts';
import { singleCopyRegister } from '../../protocols/register/index.ts';
import { stateRightAbd } from '../../protocols/quorum/index.ts';

export default defineSpec({
  name: 'StaterightRegisters',
  description: "Stateright's single-copy-register and linearizable-register (ABD) examples",
  configs: {
    'single-copy-s1-c2': { model: () => singleCopyRegister({ servers: 1, clients: 2 }), expect: 'holds', description: '93 distinct states' },
    'single-copy-s2-c2': {
      model: () => singleCopyRegister({ servers: 2, clients: 2 }),
      expect: { violates: 'Linearizable' },
      description: 'two unreplicated copies: a client reads the copy it did not write',
    },
    'abd-s2-c2': { model: () => stateRightAbd({ servers: 2, clients: 2 }), expect: 'holds', description: '544 distinct states' },
  },
});
