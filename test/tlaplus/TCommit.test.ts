import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { tCommit } from '../../specs/tlaplus/TCommit.ts';

// TLC's distinct states for 1..5 RMs; depth is 2n + 1 (each RM prepares, then decides).
const TLC = [4, 12, 34, 96, 274];

describe('TCommit, ported from TCommit.tla', () => {
  TLC.forEach((states, i) => {
    const rms = i + 1;
    it(`with ${rms} RMs finds TLC's ${states} distinct states at depth ${2 * rms + 1}`, () => {
      const o = explore(tCommit(rms));
      expect(o.status).toBe('holds');
      expect(o.distinctStates).toBe(states);
      expect(o.maxDepth + 1).toBe(2 * rms + 1);
    });
  });

  it('reaches depth 7 with 3 RMs, as TLC does', () => {
    expect(explore(tCommit(3)).maxDepth + 1).toBe(7);
  });

  it('gives the same distinct counts depth-first as breadth-first', () => {
    TLC.forEach((states, i) => expect(explore(tCommit(i + 1), { strategy: 'dfs' }).distinctStates).toBe(states));
  });

  it('does not check deadlock: a run where every RM has decided simply ends', () => {
    expect(tCommit(2).checkDeadlock).toBe(false);
  });
});
