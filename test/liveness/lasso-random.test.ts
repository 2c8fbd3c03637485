import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../checker/index.ts';
import { alwaysEventually, checkLiveness, eventually, leadsTo, type LivenessProperty } from '../../checker/liveness/index.ts';
import { judgeLasso } from '../../checker/liveness/replay-lasso.ts';

// Random small models: states 0..n-1 (0 initial), one action per edge (its index), fairness
// classes 1..3 (0: unfair), a random goal and trigger. The whole pipeline (search, edges, product,
// fair components, lasso) is compared with a brute-force search over state sets, and every lasso
// it reports must replay: the loop closes, it is fair, and it misses the goal.

const CLASSES = 4;
const arb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.nat(CLASSES - 1)), { maxLength: 12 }),
    strong: fc.array(fc.boolean(), { minLength: CLASSES, maxLength: CLASSES }),
    goal: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    trigger: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    kind: fc.constantFrom('eventually' as const, 'leadsTo' as const, 'alwaysEventually' as const),
  }),
);
type R = typeof arb extends fc.Arbitrary<infer T> ? T : never;

function model(r: R): Model<number, number> {
  const property: LivenessProperty<number> =
    r.kind === 'eventually'
      ? eventually('P', (s) => r.goal[s]!)
      : r.kind === 'leadsTo'
        ? leadsTo('P', (s) => r.trigger[s]!, (s) => r.goal[s]!)
        : alwaysEventually('P', (s) => r.goal[s]!);
  return {
    init: () => [0],
    actions: (s) => r.edges.flatMap(([a], i) => (a === s ? [i] : [])),
    next: (_s, e) => r.edges[e]![1],
    properties: [property],
    fairness: (e) => {
      const k = r.edges[e]![2];
      return k === 0 ? undefined : { class: `c${k}`, kind: r.strong[k] ? 'strong' : 'weak' };
    },
  };
}

/** States reachable from `from` through states satisfying `through` (the sources must satisfy it). */
function reach(r: R, from: number[], through: (v: number) => boolean): Set<number> {
  const seen = new Set(from.filter(through));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [a, b] of r.edges) if (seen.has(a) && through(b) && !seen.has(b)) (seen.add(b), (grew = true));
  }
  return seen;
}

function fairSet(r: R, set: number[]): boolean {
  const inner = r.edges.filter(([a, b]) => a !== b && set.includes(a) && set.includes(b));
  for (const s of set) if (reach({ ...r, edges: inner }, [s], (v) => set.includes(v)).size !== set.length) return false;
  for (let k = 1; k < CLASSES; k++) {
    const enabledAt = (v: number): boolean => r.edges.some(([a, b, c]) => a === v && b !== v && c === k);
    const taken = inner.some(([, , c]) => c === k);
    if ((r.strong[k] ? set.some(enabledAt) : set.every(enabledAt)) && !taken) return false;
  }
  return true;
}

function bruteForceViolated(r: R): boolean {
  const all = reach(r, [0], () => true);
  const waiting = (v: number): boolean => !r.goal[v];
  const w =
    r.kind === 'eventually'
      ? reach(r, [0], waiting)
      : r.kind === 'alwaysEventually'
        ? new Set([...all].filter(waiting))
        : reach(r, [...all].filter((v) => r.trigger[v]), waiting);
  for (let mask = 1; mask < 1 << r.n; mask++) {
    const set = [...Array(r.n).keys()].filter((v) => (mask >> v) & 1);
    if (set.every((v) => w.has(v)) && fairSet(r, set)) return true;
  }
  return false;
}

describe('liveness checking end to end on random models', () => {
  it('agrees with brute force, and every lasso it reports replays', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const m = model(r);
        const o = checkLiveness(m);
        expect(o.status === 'violated').toBe(bruteForceViolated(r));
        if (o.status === 'violated') {
          expect(judgeLasso(m, 'P', o.path!.states, o.path!.actions, o.cycleStart!)).toEqual({ status: 'reproduced' });
        }
      }),
      { numRuns: 1500 },
    );
  });
});
