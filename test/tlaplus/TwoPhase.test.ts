import { describe, expect, it } from 'vitest';
import { explore, type Model } from '../../checker/index.ts';
import { fingerprintHex } from '../../checker/testing.ts';
import TwoPhaseSpec, { canonical, twoPhase, type TwoPhaseState } from '../../specs/tlaplus/TwoPhase.ts';

// TLC's "distinct states found" and depth (states on the longest shortest path) for 1..5 RMs.
const TLC = [
  { rms: 1, states: 12, depth: 5 },
  { rms: 2, states: 56, depth: 8 },
  { rms: 3, states: 288, depth: 11 },
  { rms: 4, states: 1568, depth: 14 },
  { rms: 5, states: 8832, depth: 17 },
];
const ORBITS = [12, 34, 80, 166, 314];

/** Every reachable state, by fingerprint: an independent walk that does not use the explorer. */
function reachable<S, A>(model: Model<S, A>): Map<string, S> {
  const seen = new Map<string, S>();
  const queue = [...model.init()];
  for (const s of queue) seen.set(fingerprintHex(s), s);
  for (let i = 0; i < queue.length; i++) {
    for (const a of model.actions(queue[i]!)) {
      const t = model.next(queue[i]!, a);
      if (t === undefined || seen.has(fingerprintHex(t))) continue;
      seen.set(fingerprintHex(t), t);
      queue.push(t);
    }
  }
  return seen;
}

describe('TwoPhase, ported from TwoPhase.tla', () => {
  for (const { rms, states, depth } of TLC) {
    it(`with ${rms} RMs finds TLC's ${states} distinct states at depth ${depth}, and both invariants hold`, () => {
      const o = explore(twoPhase(rms));
      expect(o.status).toBe('holds');
      expect(o.distinctStates).toBe(states);
      expect(o.maxDepth + 1).toBe(depth);
    });
  }

  it('gives the same distinct counts depth-first as breadth-first', () => {
    for (const { rms, states } of TLC) expect(explore(twoPhase(rms), { strategy: 'dfs' }).distinctStates).toBe(states);
  });

  it('has no deadlock: a finished run can still receive its decision (a self-loop)', () => {
    expect(twoPhase(3).checkDeadlock).toBe(true);
    expect(explore(twoPhase(3)).status).toBe('holds');
  });

  it('runs rm1..rm6 in every check and leaves rm7, rm8 to benchmarks', () => {
    const light = Object.entries(TwoPhaseSpec.configs).filter(([, c]) => !('heavy' in c && c.heavy)).map(([k]) => k);
    expect(light).toEqual(['rm1', 'rm2', 'rm3', 'rm4', 'rm5', 'rm6']);
  });
});

describe('TwoPhase under RM symmetry', () => {
  for (let rms = 1; rms <= 5; rms++) {
    it(`with ${rms} RMs counts each of the ${ORBITS[rms - 1]} orbits once, at the same depth`, () => {
      const o = explore(twoPhase(rms), { symmetry: true });
      expect(o.status).toBe('holds');
      expect(o.distinctStates).toBe(ORBITS[rms - 1]);
      expect(o.maxDepth + 1).toBe(TLC[rms - 1]!.depth);
    });
  }

  it('maps every reachable state to a reachable representative, one per orbit', () => {
    const states = reachable(twoPhase(4));
    const representatives = new Set<string>();
    for (const s of states.values()) {
      const c = canonical(s);
      expect(states.has(fingerprintHex(c))).toBe(true);
      expect(canonical(c)).toEqual(c);
      representatives.add(fingerprintHex(c));
    }
    expect(representatives.size).toBe(ORBITS[3]);
  });

  it('gives a state and its RM-renamed copy the same representative', () => {
    const s: TwoPhaseState = {
      rmState: ['prepared', 'working', 'aborted'],
      tmState: 'init',
      tmPrepared: [true, false, false],
      msgPrepared: [true, false, false],
      msgCommit: false,
      msgAbort: false,
    };
    const renamed: TwoPhaseState = {
      rmState: ['aborted', 'prepared', 'working'],
      tmState: 'init',
      tmPrepared: [false, true, false],
      msgPrepared: [false, true, false],
      msgCommit: false,
      msgAbort: false,
    };
    expect(canonical(renamed)).toEqual(canonical(s));
  });
});
