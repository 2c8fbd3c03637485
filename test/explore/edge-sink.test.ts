import { describe, expect, it } from 'vitest';
import type { EdgeSink } from '../../checker/explore/edge-sink.ts';
import { exploreParallel } from '../../checker/explore/parallel/coordinator.ts';
import { explore, type Model } from '../../checker/index.ts';
import type { Strategy } from '../../checker/testing.ts';

interface Cell {
  readonly x: number;
  readonly y: number;
}
type Move = 'x' | 'y' | 'stay';

/** x counts round 0, 1, 2 (a cycle), y counts up to 2 and stops, `stay` is a self-loop. */
const cells: Model<Cell, Move> = {
  init: () => [{ x: 0, y: 0 }],
  actions: () => ['x', 'y', 'stay'],
  next: (s, a) => {
    if (a === 'x') return { ...s, x: (s.x + 1) % 3 };
    if (a === 'y') return s.y < 2 ? { ...s, y: s.y + 1 } : undefined;
    return s;
  },
  properties: [],
};

const key = (s: Cell): string => `${s.x},${s.y}`;

/** Every edge of the reachable graph, as `from -via-> to` by state key, found by brute force. */
function bruteForce(model: Model<Cell, Move>, expand: (s: Cell) => boolean = () => true): { states: string[]; edges: string[] } {
  const seen = new Map<string, Cell>();
  const edges: string[] = [];
  const todo = [...model.init()];
  for (const s of todo) seen.set(key(s), s);
  while (todo.length > 0) {
    const s = todo.shift()!;
    if (!expand(s)) continue;
    model.actions(s).forEach((a, via) => {
      const t = model.next(s, a);
      if (t === undefined) return;
      edges.push(`${key(s)} -${via}-> ${key(t)}`);
      if (!seen.has(key(t))) {
        seen.set(key(t), t);
        todo.push(t);
      }
    });
  }
  return { states: [...seen.keys()].sort(), edges: edges.sort() };
}

/** An edge sink that records what a search tells it, by state key. */
function recorder(model: Model<Cell, Move>) {
  const byId = new Map<number, Cell>();
  const raw: { from: number; to: number; action: Move; via: number }[] = [];
  const unexpanded: number[] = [];
  const sink: EdgeSink<Cell, Move> = {
    state: (id, s) => {
      expect(byId.has(id)).toBe(false);
      byId.set(id, s);
    },
    edge: (from, to, action, via) => raw.push({ from, to, action, via }),
    unexpanded: (id) => unexpanded.push(id),
  };
  const result = () => {
    for (const e of raw) expect(model.actions(byId.get(e.from)!)[e.via]).toBe(e.action);
    return {
      ids: [...byId.keys()],
      states: [...byId.values()].map(key).sort(),
      edges: raw.map((e) => `${key(byId.get(e.from)!)} -${e.via}-> ${key(byId.get(e.to)!)}`).sort(),
      unexpanded: unexpanded.map((id) => key(byId.get(id)!)).sort(),
    };
  };
  return { sink, result };
}

describe('the edge sink of an exhaustive search', () => {
  for (const strategy of ['bfs', 'dfs'] as Strategy[]) {
    it(`${strategy}: is told every state once, with dense ids, and every transition (duplicates and self-loops included)`, () => {
      const { sink, result } = recorder(cells);
      const o = explore(cells, { strategy, edges: sink });
      expect(o.status).toBe('holds');
      const r = result();
      const brute = bruteForce(cells);
      expect(r.ids.sort((a, b) => a - b)).toEqual([...Array(9).keys()]);
      expect(r.states).toEqual(brute.states);
      expect(r.edges).toEqual(brute.edges);
      expect(r.edges).toHaveLength(9 * 2 + 6);
      expect(r.unexpanded).toEqual([]);
    });

    it(`${strategy}: names the states outside \`within\` as unexpanded, with no edges out of them`, () => {
      const model = { ...cells, within: (s: Cell) => s.y < 2 };
      const { sink, result } = recorder(model);
      explore(model, { strategy, edges: sink });
      const r = result();
      expect(r.edges).toEqual(bruteForce(model, model.within).edges);
      expect(r.unexpanded).toEqual(['0,2', '1,2', '2,2']);
    });
  }

  it('names the states at the depth bound, and those left in the frontier by a budget, as unexpanded', () => {
    const deep = recorder(cells);
    explore(cells, { maxDepth: 1, edges: deep.sink });
    expect(deep.result().unexpanded).toEqual(['0,1', '1,0']);
    const budget = recorder(cells);
    const o = explore(cells, { maxStates: 3, edges: budget.sink });
    expect(o.boundsHit).toEqual(['maxStates']);
    const r = budget.result();
    // Expanded: the initial state; the others found are left unexpanded.
    expect(r.states).toEqual(['0,0', '0,1', '1,0']);
    expect(r.unexpanded).toEqual(['0,1', '1,0']);
  });

  it('is refused by the searches that do not see every transition (reduction, random walks, workers)', async () => {
    const sink = recorder(cells).sink;
    expect(() => explore(cells, { por: true, edges: sink })).toThrow(/edge sink.*partial-order reduction/);
    expect(() => explore(cells, { strategy: 'random', edges: sink })).toThrow(/edge sink.*random walks/);
    await expect(exploreParallel({ file: 'none.ts', spec: 'none', config: 'none' }, cells, { workers: 2, edges: sink })).rejects.toThrow(/edge sink.*--workers/);
  });
});
