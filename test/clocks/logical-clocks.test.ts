import { describe, it, expect } from 'vitest';
import { causalTrace } from '../../checker/causality.ts';
import { explore } from '../../checker/index.ts';
import {
  explainClockCondition,
  explainStrongClockCondition,
  lamportClocks,
  vectorClocks,
} from '../../protocols/clocks/index.ts';
import { replayCounterexample } from '../support/replay.ts';

describe('Lamport clocks', () => {
  it('satisfy the Clock Condition: a → b implies C(a) < C(b), for 2 processes with 2 local events each', () => {
    const outcome = explore(lamportClocks({ processes: 2, budget: 2 }));
    expect(outcome.status).toBe('holds');
    expect(outcome.distinctStates).toBe(749);
  });

  it('satisfy it for 3 processes with 1 local event each', () => {
    expect(explore(lamportClocks({ processes: 3, budget: 1 })).status).toBe('holds');
  });

  it('bug lamport-no-max-on-receive: a receiver that ignores the timestamp breaks the Clock Condition', () => {
    const model = lamportClocks({ processes: 2, budget: 2, bug: 'lamport-no-max-on-receive' });
    const outcome = explore(model);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('ClockCondition');
    expect(outcome.path!.actions.map((a) => model.formatAction!(a))).toEqual(['P1: send to P2', 'P1 → P2: Message(1)  ‹sent at P1.e1›']);
    const last = replayCounterexample(model, outcome).final;
    expect(explainClockCondition(last, model.nodeNames)).toBe('event P1.e1 (send) → P2.e1 (receive) but C = 1 ≥ 1');
    expect(causalTrace(model, outcome.path!)).toContain('⇒ P2.e1 (receive) V=[1,1] stamp 1');
  });
});

describe('Vector clocks', () => {
  it('satisfy the Strong Clock Condition: a → b exactly when V(a) < V(b), a ∥ b exactly when incomparable', () => {
    expect(explore(vectorClocks({ processes: 2, budget: 2 })).status).toBe('holds');
    expect(explore(vectorClocks({ processes: 3, budget: 1 })).status).toBe('holds');
  });

  it('bug vc-no-increment-on-send: a send without incrementing the own entry misjudges happens-before', () => {
    const model = vectorClocks({ processes: 2, budget: 2, bug: 'vc-no-increment-on-send' });
    const outcome = explore(model);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('StrongClockCondition');
    expect(outcome.path!.actions.map((a) => model.formatAction!(a))).toEqual(['P1: tick', 'P1: send to P2']);
    const last = replayCounterexample(model, outcome).final;
    expect(explainStrongClockCondition(last, model.nodeNames)).toBe('event P1.e1 (local) → P1.e2 (send) but V = [1,0] = [1,0]');
  });

  it('the same bug makes concurrent events look ordered', () => {
    const model = vectorClocks({ processes: 3, budget: 1, bug: 'vc-no-increment-on-send' });
    const outcome = explore(model);
    expect(outcome.property).toBe('StrongClockCondition');
    expect(explainStrongClockCondition(replayCounterexample(model, outcome).final, model.nodeNames)).toMatch(/∥ .* but V = \[.*\] [<>] \[.*\]/);
  });
});
