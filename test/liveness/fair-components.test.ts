import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairComponents } from '../../checker/liveness/fair-components.ts';
import { EdgeList, type StateGraph } from '../../checker/liveness/graph.ts';

interface RandomGraph {
  n: number;
  edges: [number, number, number][]; // from, to, class (0: unfair)
  strong: boolean[]; // per class
  allowed: boolean[];
}

const CLASSES = 4;

const randomGraph = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.nat(CLASSES - 1)), { maxLength: 14 }),
    strong: fc.array(fc.boolean(), { minLength: CLASSES, maxLength: CLASSES }),
    allowed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

function build(r: RandomGraph): StateGraph {
  const list = new EdgeList();
  for (let v = 0; v < r.n; v++) list.addState(v);
  r.edges.forEach(([a, b, k], i) => list.add(a, b, i, k));
  return list.build();
}

/** Whether a behaviour can stay for ever in exactly the states of `set`, taking every edge inside it, fairly. */
function fairSet(r: RandomGraph, set: number[]): boolean {
  const inSet = (v: number): boolean => set.includes(v);
  const inner = r.edges.filter(([a, b]) => a !== b && inSet(a) && inSet(b));
  // Strongly connected through steps that change the state (one state: stuttering).
  for (const s of set) {
    const reach = new Set([s]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [a, b] of inner) if (reach.has(a) && !reach.has(b)) (reach.add(b), (grew = true));
    }
    if (reach.size !== set.length) return false;
  }
  for (let k = 1; k < CLASSES; k++) {
    const enabledAt = (v: number): boolean => r.edges.some(([a, b, c]) => a === v && b !== v && c === k);
    const taken = inner.some(([, , c]) => c === k);
    const mustTake = r.strong[k] ? set.some(enabledAt) : set.every(enabledAt);
    if (mustTake && !taken) return false;
  }
  return true;
}

function bruteForce(r: RandomGraph): boolean {
  for (let mask = 1; mask < 1 << r.n; mask++) {
    const set: number[] = [];
    let ok = true;
    for (let v = 0; v < r.n; v++) {
      if ((mask >> v) & 1) {
        if (!r.allowed[v]) ok = false;
        set.push(v);
      }
    }
    if (ok && fairSet(r, set)) return true;
  }
  return false;
}

describe('the fair-cycle search', () => {
  it('finds a fair component exactly when a brute-force search over state sets finds one', () => {
    fc.assert(
      fc.property(randomGraph, (r) => {
        const found = fairComponents(build(r), Uint8Array.from(r.allowed, (a) => (a ? 1 : 0)), [false, ...r.strong.slice(1)]);
        expect(found.components.length > 0).toBe(bruteForce(r));
        // Every component it returns is itself fair, inside the allowed states.
        for (const c of found.components) {
          expect(c.every((v) => r.allowed[v])).toBe(true);
          expect(fairSet(r, [...c])).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a self-loop as stuttering: it neither enables a weakly fair class nor takes it', () => {
    const weak = [false, false, false, false];
    // Only a fair self-loop in 0: nothing fair is enabled, staying in 0 for ever is fair.
    const loopOnly: RandomGraph = { n: 1, edges: [[0, 0, 1]], strong: weak, allowed: [true] };
    expect(fairComponents(build(loopOnly), Uint8Array.of(1), weak).components).toEqual([[0]]);
    // The class also leaves 0 (to 1, not allowed): taking the self-loop does not discharge it.
    const leaves: RandomGraph = { n: 2, edges: [[0, 0, 1], [0, 1, 1]], strong: weak, allowed: [true, false] };
    expect(fairComponents(build(leaves), Uint8Array.of(1, 0), weak).components).toEqual([]);
  });

  it('refines a component under strong fairness: the part that avoids an untaken strong class is fair', () => {
    // 0 ⇄ 1; a strongly fair step leaves 1 (to 2, outside the allowed set): {0} alone stutters fairly.
    const r: RandomGraph = { n: 3, edges: [[0, 1, 0], [1, 0, 0], [1, 2, 1]], strong: [false, true, false, false], allowed: [true, true, false] };
    const found = fairComponents(build(r), Uint8Array.of(1, 1, 0), [false, true, false, false]);
    expect(found.components.map((c) => [...c].sort())).toContainEqual([0]);
    expect(found.componentOf[1]).toBe(-1);
  });
});
