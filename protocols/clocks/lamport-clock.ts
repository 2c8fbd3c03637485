// Lamport clocks (Time, Clocks, and the Ordering of Events in a Distributed System, 1978).
// IR1: a process increments its clock between any two successive events.
// IR2: a message carries its send event's timestamp Tm; the receiver sets its clock past both its
// own value and Tm.

import type { Bug } from './options.ts';
import type { LogicalClock } from './logical-clock.ts';

export function lamportClock(bug?: Bug): LogicalClock<number> {
  return {
    name: 'Lamport clock',
    initial: () => 0,
    tick: (c) => c + 1,
    send: (c) => c + 1,
    receive: (c, tm) => (bug === 'lamport-no-max-on-receive' ? c + 1 : Math.max(c, tm) + 1),
    format: (c) => String(c),
  };
}
