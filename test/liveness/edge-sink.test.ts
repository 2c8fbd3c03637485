import { describe, expect, it } from 'vitest';
import { bfs, type Model } from '../../checker/index.ts';

// A ring 0 → 1 → 2 → 0 with a self-loop (Stay) in every state: every transition is reported,
// duplicates and self-loops included, with the index of its action among actions(from).
const ring: Model<number, 'Stay' | 'Next'> = {
  init: () => [0, 0],
  actions: () => ['Stay', 'Next'],
  next: (n, a) => (a === 'Stay' ? n : (n + 1) % 3),
  properties: [],
};

describe('the search reports the state graph to an edge sink', () => {
  it('every new state once, every transition (duplicates and self-loops too) with its action index', () => {
    const states: number[] = [];
    const edges: [number, number, string, number][] = [];
    const o = bfs(ring, { edges: { state: (id, s) => void (states[id] = s as number), edge: (f, t, a, via) => void edges.push([f, t, a as string, via]), unexpanded: () => {} } });
    expect(states).toEqual([0, 1, 2]);
    expect(edges).toEqual([
      [0, 0, 'Stay', 0],
      [0, 1, 'Next', 1],
      [1, 1, 'Stay', 0],
      [1, 2, 'Next', 1],
      [2, 2, 'Stay', 0],
      [2, 0, 'Next', 1],
    ]);
    expect(o.generatedStates).toBe(2 + edges.length);
  });

  it('names the states it did not expand: outside the state constraint, at the depth bound', () => {
    const unexpanded: number[] = [];
    const sink = { state: () => {}, edge: () => {}, unexpanded: (id: number) => void unexpanded.push(id) };
    bfs({ ...ring, within: (n) => n < 2 }, { edges: sink });
    expect(unexpanded).toEqual([2]);
    unexpanded.length = 0;
    bfs(ring, { maxDepth: 1, edges: sink });
    expect(unexpanded).toEqual([1]);
  });
});
