// Each named bug variant of Raft is caught, with the property the paper says it breaks, and the
// counterexample replays.

import { describe, it, expect } from 'vitest';
import { explore } from '../../checker/index.ts';
import { raft, type RaftState, type ServerState } from '../../protocols/raft/index.ts';
import { configs } from '../../specs/raft/raft.ts';
import { replayCounterexample } from '../support/replay.ts';

/** Explores the bug's configuration; checks it is caught by `property` and that the
 *  counterexample replays to a state that breaks it. Returns the trace's labels and last state. */
function expectCaught(name: keyof typeof configs, property: string): { trace: string[]; last: RaftState } {
  const model = raft(configs[name]);
  const outcome = explore(model);
  expect(outcome.property).toBe(property);
  const { labels, final } = replayCounterexample(model, outcome);
  return { trace: [...labels], last: final as RaftState };
}

const server = (s: RaftState, i: number) => s.actors[i] as ServerState;

describe('Raft bug variants', () => {
  it('votedfor-not-durable: a server that forgets its vote in a crash elects two leaders in one term (Election Safety)', () => {
    const { trace } = expectCaught('votedfor-not-durable', 'Election Safety');
    expect(trace.some((a) => a.includes('crashes'))).toBe(true);
  });

  it('votedfor-not-durable is caught with periodic heartbeats too, the rule of a real run', () => {
    const { trace } = expectCaught('votedfor-not-durable-periodic', 'Election Safety');
    expect(trace.some((a) => a.includes('crashes'))).toBe(true);
  });

  it('no-up-to-date-check: a server without a committed entry is elected (Leader Completeness)', () => {
    const { trace } = expectCaught('no-up-to-date-check', 'Leader Completeness');
    expect(trace.some((a) => a.includes('AppendEntriesOk'))).toBe(true);
  });

  it('leader-reads-locally: a deposed leader answers a read with a stale value (Linearizability)', () => {
    const { trace } = expectCaught('leader-reads-locally', 'Linearizability');
    expect(trace.at(-1)).toMatch(/Reply#0 ""/);
  });

  it('leader-overwrites-unapplied: a leader that stores a command over an unapplied one breaks Leader Append-Only', () => {
    const { trace, last } = expectCaught('leader-overwrites-unapplied', 'Leader Append-Only');
    expect(trace.at(-1)).toMatch(/Request#0 put\(x, "B"\)/);
    expect(server(last, 0).log.map((e) => e.op)).toEqual([{ f: 'put', key: 'x', value: 'B' }]);
  });

  it('commit-previous-term: a leader commits an entry of an earlier term by counting replicas, and the next leader lacks it (Figure 8, Leader Completeness)', () => {
    const { trace, last } = expectCaught('commit-previous-term', 'Leader Completeness');
    // server1, leader of term 3, committed A, an entry of term 1, once server3 stored it ...
    expect(server(last, 0).ghost.committed).toContainEqual({ index: 1, term: 1, inTerm: 3 });
    expect(trace).toContain('server1 → server3: AppendEntries(t3, prev 0@t0, [put(x, "A")@t1], commit 0)');
    // ... and server2, whose last entry B is of term 2, was elected in term 4 without it.
    expect(server(last, 1)).toMatchObject({ role: 'leader', currentTerm: 4 });
    expect(server(last, 1).log.map((e) => e.term)).toEqual([2]);
  });
});
