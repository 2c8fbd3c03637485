import { describe, expect, it } from 'vitest';
import { explore, historyOf } from '../../checker/index.ts';
import { multiPaxos, type MultiPaxosState } from '../../protocols/paxos/index.ts';

const put = (value: string) => ({ f: 'put', key: 'x', value }) as const;
const get = { f: 'get', key: 'x' } as const;

describe('Multi-Paxos replicated key-value store', () => {
  it('agrees on every slot and gives linearizable get/put with a distinguished leader', () => {
    const model = multiPaxos({ servers: 3, slots: 2, workload: [[put('1')], [get]] });
    const outcome = explore(model);
    expect(outcome.status).toBe('holds');
    expect(outcome.unreached).toEqual([]);
    expect(outcome.distinctStates).toBe(4272);
  });

  it('runs phase 1 once, then one accept round per command', () => {
    const model = multiPaxos({ servers: 3, slots: 2, workload: [[put('1')], [get]] });
    // The shortest run in which both operations complete: ask for a counterexample to "not done".
    const notDone = (s: MultiPaxosState) => !s.actors.every((a) => !('done' in a) || a.done);
    const run = explore({ ...model, properties: [{ kind: 'always' as const, name: 'NotDone', holds: notDone }] });
    expect(run.status).toBe('violated');
    const labels = run.path!.actions.map((a) => model.formatAction!(a));
    expect(labels.filter((l) => l.includes('Prepare('))).toHaveLength(1);
    expect(labels.filter((l) => l.includes('Accept('))).toHaveLength(2);
    const history = historyOf(run.path!.states[run.path!.states.length - 1]!.history);
    expect(history.map((op) => op.output)).toEqual(expect.arrayContaining([{}, expect.objectContaining({ value: expect.any(String) })]));
  });

  it('keeps Agreement and linearizability when a follower takes over with a higher ballot (random walks)', () => {
    // With takeovers the state space is past a million states: random walks, not a proof.
    const model = multiPaxos({ servers: 3, slots: 2, campaigns: 1, workload: [[put('1')], [get]] });
    const outcome = explore(model, { strategy: 'random', seed: 7, walks: 1500, walkDepth: 40 });
    expect(outcome.property).toBeUndefined();
    expect(outcome.status).toBe('incomplete');
    expect(outcome.boundsHit).toEqual(['walks']);
    expect(outcome.unreached).toEqual([]);
    // The walks do exercise takeovers: the same walks reach a follower (not server 0) that leads.
    const noTakeover = (s: MultiPaxosState) => !s.actors.some((a, id) => id > 0 && 'leader' in a && a.leader === 'leading');
    const takeover = explore({ ...model, properties: [{ kind: 'always' as const, name: 'NoTakeover', holds: noTakeover }] }, { strategy: 'random', seed: 7, walks: 1500, walkDepth: 40 });
    expect(takeover.status).toBe('violated');
  });
});

