// Causal broadcast on vector clocks (Birman, Schiper & Stephenson), checked against true causality.

import { defineSpec } from '../../checker/index.ts';
import { causalBroadcast } from '../../protocols/clocks/index.ts';

export default defineSpec({
  name: 'CausalBroadcast',
  description: 'Causal Delivery: if broadcast(m1) → broadcast(m2), no process delivers m2 before m1',
  configs: {
    'p3-one-each': {
      model: () => causalBroadcast({ processes: 3, budget: 1 }),
      expect: 'holds',
      description: '3 processes, 1 broadcast each',
    },
    'p2-two-each': {
      model: () => causalBroadcast({ processes: 2, budget: 2 }),
      expect: 'holds',
      description: '2 processes, 2 broadcasts each',
    },
    'p3-two-each': {
      model: () => causalBroadcast({ processes: 3, budget: 2 }),
      expect: 'holds',
      description: '3 processes, 2 broadcasts each',
      heavy: true,
    },
    'causal-deliver-on-arrival': {
      model: () => causalBroadcast({ processes: 3, budget: 1, bug: 'causal-deliver-on-arrival' }),
      expect: { violates: 'CausalDelivery' },
      description: 'messages are delivered as soon as they arrive',
    },
  },
});
