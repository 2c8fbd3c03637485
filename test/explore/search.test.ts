import { describe, expect, it } from 'vitest';
import { HandlerError } from '../../checker/errors.ts';
import { always, explore, sometimes, type Model } from '../../checker/index.ts';

/** Two counters, each incremented up to `max`; the classic grid of (max+1)^2 states. */
function grid(max: number, extra: Partial<Model<{ x: number; y: number }, 'x' | 'y'>> = {}): Model<{ x: number; y: number }, 'x' | 'y'> {
  return {
    init: () => [{ x: 0, y: 0 }],
    actions: () => ['x', 'y'],
    next: (s, a) => (s[a] < max ? { ...s, [a]: s[a] + 1 } : undefined),
    properties: [],
    ...extra,
  };
}

describe('breadth-first search', () => {
  it('visits every reachable state once and reports the depth in steps', () => {
    const o = explore(grid(3));
    expect(o.status).toBe('holds');
    expect(o.distinctStates).toBe(16);
    expect(o.maxDepth).toBe(6);
    expect(o.generatedStates).toBe(1 + 2 * 3 * 4);
  });

  it('returns a shortest path to a violation, and the path replays', () => {
    const model = grid(5, { properties: [always('NotCorner', (s) => !(s.x === 2 && s.y === 3))] });
    const o = explore(model);
    expect(o.status).toBe('violated');
    expect(o.property).toBe('NotCorner');
    expect(o.path!.actions).toHaveLength(5);
    let s = model.init()[o.path!.init]!;
    for (const a of o.path!.actions) s = model.next(s, a)!;
    expect(s).toEqual({ x: 2, y: 3 });
    expect(o.path!.states[o.path!.states.length - 1]).toEqual(s);
  });

  it('checks the initial states too', () => {
    const o = explore(grid(1, { properties: [always('Never', () => false)] }));
    expect(o.status).toBe('violated');
    expect(o.path!.actions).toHaveLength(0);
  });

  it('reports a sometimes-property that no state satisfies as vacuous, not as a pass', () => {
    const o = explore(grid(2, { properties: [sometimes('Reaches3', (s) => s.x === 3)] }));
    expect(o.status).toBe('vacuous');
    expect(o.unreached).toEqual(['Reaches3']);
    expect(explore(grid(3, { properties: [sometimes('Reaches3', (s) => s.x === 3)] })).status).toBe('holds');
  });

  it('stops at maxDepth, maxStates and the timeout, and says the search is incomplete', () => {
    const depth = explore(grid(5), { maxDepth: 2 });
    expect(depth.status).toBe('incomplete');
    expect(depth.boundsHit).toEqual(['maxDepth']);
    expect(depth.distinctStates).toBe(6);
    const states = explore(grid(50), { maxStates: 100 });
    expect(states.status).toBe('incomplete');
    expect(states.boundsHit).toEqual(['maxStates']);
    const time = explore(grid(5000), { timeoutMs: 1 });
    expect(time.status).toBe('incomplete');
    expect(time.boundsHit).toEqual(['timeout']);
  });

  it('a depth bound that the search never needs leaves it complete', () => {
    expect(explore(grid(2), { maxDepth: 4 }).status).toBe('holds');
  });

  it('counts states outside the state constraint but does not expand them, as TLC does', () => {
    const o = explore(grid(5, { within: (s) => s.x + s.y < 2 }));
    // (0,0) (1,0) (0,1) are expanded; (2,0) (1,1) (0,2) are reached but not expanded.
    expect(o.distinctStates).toBe(6);
    expect(o.status).toBe('holds');
  });

  it('reports deadlock only when the model asks for it', () => {
    expect(explore(grid(1)).status).toBe('holds');
    const o = explore(grid(1, { checkDeadlock: true }));
    expect(o.status).toBe('violated');
    expect(o.property).toBe('Deadlock');
    expect(o.path!.states[o.path!.states.length - 1]).toEqual({ x: 1, y: 1 });
  });

  it('turns an exception in next into an error naming the action', () => {
    const model = grid(2, { next: () => { throw new TypeError('boom'); } });
    expect(() => explore(model)).toThrow(HandlerError);
    expect(() => explore(model)).toThrow(/"x" threw: boom/);
  });

  // The first expansions are re-executed (determinism.ts); a grid of 21 x 21 states is searched
  // mostly past them, the way a large model is.
  it('counts a step that leaves its state unchanged as generated, and as no deadlock', () => {
    const base = grid(20);
    const model: Model<{ x: number; y: number }, 'x' | 'y' | 'stay'> = {
      ...base,
      actions: () => ['x', 'y', 'stay'],
      next: (s, a) => (a === 'stay' ? s : base.next(s, a)),
      checkDeadlock: true,
    };
    const o = explore(model);
    expect(o.status).toBe('holds');
    expect(o.distinctStates).toBe(441);
    expect(o.generatedStates).toBe(1 + 2 * 20 * 21 + 441);
  });

  it('reports a violation among the successors of a state even if a later action of that state throws', () => {
    const base = grid(20);
    const model: Model<{ x: number; y: number }, 'x' | 'y'> = {
      ...base,
      next: (s, a) => {
        if (a === 'y' && s.x < 20 && s.x + s.y === 26) throw new TypeError('boom');
        return base.next(s, a);
      },
      properties: [always('Below27', (s) => s.x + s.y < 27)],
    };
    const o = explore(model);
    expect(o.status).toBe('violated');
    expect(o.path!.actions).toHaveLength(27);
    expect(() => explore({ ...model, properties: [] })).toThrow(/"y" threw: boom/);
  });

  it('treats states with equal content as one state, whatever their key order', () => {
    const model: Model<Record<string, number>, string> = {
      init: () => [{}],
      actions: () => ['a', 'b'],
      next: (s, k) => (k in s ? undefined : { ...s, [k]: 1 }),
      properties: [],
    };
    // {}, {a}, {b}, {a,b} — reached as {a:1,b:1} and {b:1,a:1}.
    expect(explore(model).distinctStates).toBe(4);
  });
});

describe('depth-first search', () => {
  it('visits the same states as breadth-first search', () => {
    expect(explore(grid(6), { strategy: 'dfs' }).distinctStates).toBe(49);
  });

  it('finds violations, with a path that replays (not necessarily shortest)', () => {
    const model = grid(4, { properties: [always('NotCorner', (s) => !(s.x === 4 && s.y === 4))] });
    const o = explore(model, { strategy: 'dfs' });
    expect(o.status).toBe('violated');
    let s = model.init()[0]!;
    for (const a of o.path!.actions) s = model.next(s, a)!;
    expect(s).toEqual({ x: 4, y: 4 });
  });

  it('respects maxDepth', () => {
    const o = explore(grid(5), { strategy: 'dfs', maxDepth: 3 });
    expect(o.status).toBe('incomplete');
    expect(o.boundsHit).toContain('maxDepth');
  });
});
