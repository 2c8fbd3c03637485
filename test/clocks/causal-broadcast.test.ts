import { describe, it, expect } from 'vitest';
import { explore } from '../../checker/index.ts';
import { causalBroadcast, explainCausalDelivery } from '../../protocols/clocks/index.ts';
import { replayCounterexample } from '../support/replay.ts';

describe('Causal broadcast (Birman–Schiper–Stephenson)', () => {
  it('delivers causally: 3 processes, 1 broadcast each; some message is held back, and all are delivered', () => {
    const outcome = explore(causalBroadcast({ processes: 3, budget: 1 }));
    expect(outcome.status).toBe('holds');
    expect(outcome.unreached).toEqual([]);
  });

  it('delivers causally: 2 processes, 2 broadcasts each (FIFO order from one sender)', () => {
    expect(explore(causalBroadcast({ processes: 2, budget: 2 })).status).toBe('holds');
  });

  it('bug causal-deliver-on-arrival: delivering on arrival breaks Causal Delivery', () => {
    const model = causalBroadcast({ processes: 3, budget: 1, bug: 'causal-deliver-on-arrival' });
    const outcome = explore(model);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('CausalDelivery');
    expect(outcome.path!.actions.map((a) => model.formatAction!(a))).toEqual([
      'P1: broadcast',
      'P1 → P2: Broadcast(1,0,0)  ‹sent at P1.e1›',
      'P2: broadcast',
      'P2 → P3: Broadcast(1,1,0)  ‹sent at P2.e2›',
    ]);
    expect(explainCausalDelivery(replayCounterexample(model, outcome).final, model.nodeNames)).toBe(
      'broadcast of P1#1 at P1.e1 (send) → broadcast of P2#1 at P2.e2 (send), but P3 delivered P2#1 without having delivered P1#1',
    );
  });
});
