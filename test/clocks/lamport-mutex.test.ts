import { describe, it, expect } from 'vitest';
import { explore } from '../../checker/index.ts';
import { explainMutualExclusion, lamportMutex } from '../../protocols/clocks/index.ts';
import { replayCounterexample } from '../support/replay.ts';

describe('Lamport’s mutual exclusion', () => {
  it('keeps Mutual Exclusion with 2 processes and 2 requests each, and every request is served', () => {
    const outcome = explore(lamportMutex({ processes: 2, requests: 2 }));
    expect(outcome.status).toBe('holds');
    expect(outcome.unreached).toEqual([]);
  });

  it('keeps the Clock Condition on its timestamps, against true causality', () => {
    const outcome = explore(lamportMutex({ processes: 2, requests: 1, causality: true }));
    expect(outcome.status).toBe('holds');
  });

  it('bug mutex-ignore-ack: entering without a later message from everyone breaks Mutual Exclusion', () => {
    const model = lamportMutex({ processes: 2, requests: 1, bug: 'mutex-ignore-ack', causality: true });
    const outcome = explore(model);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('MutualExclusion');
    expect(outcome.path!.actions.map((a) => model.formatAction!(a))).toEqual(['P1: request', 'P1: enter', 'P2: request', 'P2: enter']);
    expect(explainMutualExclusion(replayCounterexample(model, outcome).final, model.nodeNames)).toBe(
      'P1 entered at P1.e2 ∥ P2 entered at P2.e2: P1 (queue [1:P1], last seen [0,0]) and P2 (queue [1:P2], last seen [0,0]) are both in the critical section',
    );
  });
});
