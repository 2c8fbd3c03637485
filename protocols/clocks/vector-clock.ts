// Vector clocks (Fidge; Mattern, Virtual Time and Global States of Distributed Systems, 1988).
// V[i] counts the events of process i known to the holder: a process increments its own entry on
// every event, and on a receive first takes the entrywise maximum with the message's vector.

import type { Bug } from './options.ts';
import type { LogicalClock } from './logical-clock.ts';

export type Vector = readonly number[];

export function increment(v: Vector, self: number): Vector {
  return v.map((x, k) => (k === self ? x + 1 : x));
}

export function merge(v: Vector, w: Vector): Vector {
  return v.map((x, k) => Math.max(x, w[k] ?? 0));
}

export function vectorClock(bug?: Bug): LogicalClock<Vector> {
  return {
    name: 'vector clock',
    initial: (n) => Array.from({ length: n }, () => 0),
    tick: increment,
    send: (v, self) => (bug === 'vc-no-increment-on-send' ? v.slice() : increment(v, self)),
    receive: (v, w, self) => increment(merge(v, w), self),
    format: (v) => `[${v.join(',')}]`,
  };
}
