// Lamport's mutual exclusion: every request is eventually granted (starvation freedom) under fair
// delivery; a process that leaves without sending Release starves the others.

import { defineSpec } from '../../checker/index.ts';
import { lamportMutexStarvation } from '../../protocols/clocks/mutex-starvation.ts';

export default defineSpec({
  name: 'LamportMutexStarvation',
  description: "Lamport's mutual exclusion; StarvationFreedom per process, MutualExclusion",
  configs: {
    'p2-r1': { model: () => lamportMutexStarvation({ processes: 2, requests: 1 }), expect: 'holds', description: '2 processes, one request each' },
    'p2-r2': { model: () => lamportMutexStarvation({ processes: 2, requests: 2 }), expect: 'holds', description: '2 processes, two requests each' },
    'mutex-release-not-sent': {
      model: () => lamportMutexStarvation({ processes: 2, requests: 1, bug: 'mutex-release-not-sent' }),
      expect: { violates: 'StarvationFreedom(P1)' },
      description: 'bug: a process leaves the critical section without sending Release; the other waits for ever',
    },
  },
});
