// Lamport's mutual exclusion algorithm (1978) over FIFO channels.

import { defineSpec } from '../../checker/index.ts';
import { lamportMutex } from '../../protocols/clocks/index.ts';

export default defineSpec({
  name: 'LamportMutex',
  description: 'Lamport’s mutual exclusion: no two processes in the critical section at once',
  configs: {
    'p2-one-request': {
      model: () => lamportMutex({ processes: 2, requests: 1 }),
      expect: 'holds',
      description: '2 processes, 1 request each',
    },
    'p2-two-requests': {
      model: () => lamportMutex({ processes: 2, requests: 2 }),
      expect: 'holds',
      description: '2 processes, 2 requests each',
    },
    'p2-two-requests-causality': {
      model: () => lamportMutex({ processes: 2, requests: 2, causality: true }),
      expect: 'holds',
      description: '2 processes, 2 requests each, with true causality: the Clock Condition holds too',
    },
    'p3-one-request': {
      model: () => lamportMutex({ processes: 3, requests: 1 }),
      expect: 'holds',
      description: '3 processes, 1 request each',
      heavy: true,
    },
    'mutex-ignore-ack': {
      model: () => lamportMutex({ processes: 2, requests: 1, bug: 'mutex-ignore-ack', causality: true }),
      expect: { violates: 'MutualExclusion' },
      description: 'a process enters without a later message from every other process',
    },
  },
});
