// Lamport clocks and vector clocks, checked against the engine's true happens-before relation.
// Each process performs a bounded number of local events (ticks and sends); receives follow.

import { defineSpec } from '../../checker/index.ts';
import { lamportClocks, vectorClocks } from '../../protocols/clocks/index.ts';

export const lamportClockSpec = defineSpec({
  name: 'LamportClocks',
  description: 'Lamport clocks (1978): the Clock Condition, a → b implies C(a) < C(b)',
  configs: {
    'p2-budget2': {
      model: () => lamportClocks({ processes: 2, budget: 2 }),
      expect: 'holds',
      description: '2 processes, 2 local events each',
    },
    'p3-budget1': {
      model: () => lamportClocks({ processes: 3, budget: 1 }),
      expect: 'holds',
      description: '3 processes, 1 local event each',
    },
    'p2-budget3': {
      model: () => lamportClocks({ processes: 2, budget: 3 }),
      expect: 'holds',
      description: '2 processes, 3 local events each',
      heavy: true,
    },
    'lamport-no-max-on-receive': {
      model: () => lamportClocks({ processes: 2, budget: 2, bug: 'lamport-no-max-on-receive' }),
      expect: { violates: 'ClockCondition' },
      description: 'the receiver ignores the message timestamp',
    },
  },
});

export const vectorClockSpec = defineSpec({
  name: 'VectorClocks',
  description: 'Vector clocks (Mattern, Fidge): a → b exactly when V(a) < V(b); a ∥ b exactly when incomparable',
  configs: {
    'p2-budget2': {
      model: () => vectorClocks({ processes: 2, budget: 2 }),
      expect: 'holds',
      description: '2 processes, 2 local events each',
    },
    'p3-budget1': {
      model: () => vectorClocks({ processes: 3, budget: 1 }),
      expect: 'holds',
      description: '3 processes, 1 local event each',
    },
    'p2-budget3': {
      model: () => vectorClocks({ processes: 2, budget: 3 }),
      expect: 'holds',
      description: '2 processes, 3 local events each',
      heavy: true,
    },
    'vc-no-increment-on-send': {
      model: () => vectorClocks({ processes: 2, budget: 2, bug: 'vc-no-increment-on-send' }),
      expect: { violates: 'StrongClockCondition' },
      description: 'a send does not increment the sender’s own entry',
    },
  },
});
