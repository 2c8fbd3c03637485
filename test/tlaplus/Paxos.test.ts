import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { exploreParallel } from '../../checker/explore/parallel/coordinator.ts';
import { chosen, decode, key, paxos, type Message, type PaxosState } from '../../specs/tlaplus/Paxos.ts';

const tiny = () => paxos({ acceptors: 3, values: ['v1', 'v2'], maxBallot: 1 });
const MAJORITIES = [
  [0, 1],
  [0, 2],
  [1, 2],
  [0, 1, 2],
];

describe('Paxos, ported from PaxosHowToWinATuringAward/Paxos.tla', () => {
  it("as MCPaxosTiny finds TLC's 3,921 distinct states at depth 17; Consistency holds and a value is chosen", () => {
    const o = explore(tiny());
    expect(o.status).toBe('holds');
    expect(o.unreached).toEqual([]);
    expect(o.distinctStates).toBe(3921);
    expect(o.maxDepth + 1).toBe(17);
  });

  it('gives the same distinct count depth-first as breadth-first', () => {
    expect(explore(tiny(), { strategy: 'dfs' }).distinctStates).toBe(3921);
  });

  it('counts a value as chosen only when a whole quorum voted for it in one ballot', () => {
    const votes = (pairs: [number, number, string][]): PaxosState => ({
      maxBal: [1, 1, 1],
      maxVBal: [1, 1, 1],
      maxVal: ['v1', 'v1', 'v1'],
      msgs: new Set(pairs.map(([acc, bal, val]) => key({ type: '2b', acc, bal, val }))),
    });
    expect(chosen(votes([[0, 0, 'v1']]), MAJORITIES)).toEqual(new Set());
    expect(chosen(votes([[0, 0, 'v1'], [1, 1, 'v1']]), MAJORITIES)).toEqual(new Set());
    expect(chosen(votes([[0, 1, 'v1'], [2, 1, 'v1']]), MAJORITIES)).toEqual(new Set(['v1']));
  });

  it('keeps states self-contained: a message decodes from its text alone', () => {
    const messages: Message[] = [
      { type: '1a', bal: 1 },
      { type: '1b', acc: 2, bal: 1, mbal: -1, mval: null },
      { type: '1b', acc: 0, bal: 2, mbal: 1, mval: 'v2' },
      { type: '2a', bal: 2, val: 'v1' },
      { type: '2b', acc: 1, bal: 0, val: 'v2' },
    ];
    for (const m of messages) expect(decode(key(m))).toEqual(m);
  });

  it('finds the same 3,921 states on two worker threads, which receive states without the cache', async () => {
    const o = await exploreParallel({ file: 'specs/tlaplus/Paxos.ts', spec: 'Paxos', config: 'tiny' }, tiny(), { workers: 2, shareMin: 1, waitForWorkers: true });
    expect(o.status).toBe('holds');
    expect(o.distinctStates).toBe(3921);
  }, 60_000);
});
