import { describe, expect, it } from 'vitest';
import { explore, historyOf } from '../../checker/index.ts';
import { abdRegister, read, write, type AbdState } from '../../protocols/quorum/index.ts';
import { replayCounterexample } from '../support/replay.ts';

describe('ABD atomic register', () => {
  it('is linearizable: a write and two reads over 2 replicas, every interleaving', () => {
    const outcome = explore(abdRegister({ replicas: 2, workload: [[write('1')], [read, read]] }));
    expect(outcome.status).toBe('holds');
    expect(outcome.unreached).toEqual([]);
    expect(outcome.distinctStates).toBe(1798);
  });
});

describe('ABD bug variants', () => {
  it('read-without-write-back: a read returns the new value, a later read the old one', { timeout: 120_000 }, () => {
    const model = abdRegister({ replicas: 3, workload: [[write('1')], [read, read]], bug: 'read-without-write-back' });
    const outcome = explore(model);
    expect(outcome.property).toBe('Linearizable');
    const steps = replayCounterexample(model, outcome).labels;
    expect(steps).toHaveLength(16);
    // The new-old inversion: the write is still in flight; the first read returns '1', the second nil.
    const last = outcome.path!.states[outcome.path!.states.length - 1] as AbdState;
    const reads = historyOf(last.history).filter((op) => (op.input as { f: string }).f === 'read');
    expect(reads.map((op) => op.output)).toEqual([{ value: '1' }, { value: null }]);
    expect(reads[0]!.ret!).toBeLessThan(reads[1]!.call);
    const writeOp = historyOf(last.history).find((op) => (op.input as { f: string }).f === 'write')!;
    expect(writeOp.ret).toBeUndefined();
  });
});
