import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { explore, always, type ExploreOptions, type Model } from '../../checker/index.ts';
import type { WalkRecord } from '../../checker/explore/options.ts';
import { cutCycles } from '../../checker/explore/random/walks.ts';
import { parseShard } from '../../checker/explore/random/shard.ts';
import { twoPhaseCommit } from '../../protocols/twopc/index.ts';
import twoPhaseSpec from '../../specs/twopc/two-phase-commit.ts';
import { twoPhase } from '../../specs/tlaplus/TwoPhase.ts';

function walksOf<S, A>(model: Model<S, A>, options: Omit<ExploreOptions, 'strategy' | 'onWalk'>): WalkRecord[] {
  const walks: WalkRecord[] = [];
  explore(model, { strategy: 'random', ...options, onWalk: (w) => walks.push(w) });
  return walks;
}

/** Replays a path and returns whether `property` fails in its last state. */
function replaysTo<S, A>(model: Model<S, A>, path: { init: number; actions: readonly A[] }, property: string): boolean {
  let s: S = model.init()[path.init]!;
  for (const a of path.actions) {
    const t = model.next(s, a);
    if (t === undefined) return false;
    s = t;
  }
  return !model.properties.find((p) => p.name === property)!.holds(s);
}

describe('the random strategy', () => {
  it('runs the same walks and reports the same trace for the same seed', () => {
    const p3 = () => twoPhaseCommit({ participants: 3, crashes: 1 });
    expect(walksOf(p3(), { seed: 42, walks: 50 })).toEqual(walksOf(p3(), { seed: 42, walks: 50 }));
    const a = checkConfig(twoPhaseSpec, 'vote-not-durable', 'specs/twopc/two-phase-commit.ts', { strategy: 'random', seed: 42, walks: 2000 });
    const b = checkConfig(twoPhaseSpec, 'vote-not-durable', 'specs/twopc/two-phase-commit.ts', { strategy: 'random', seed: 42, walks: 2000 });
    expect(a.status).toBe('violated');
    expect(a.trace).toEqual(b.trace);
    expect(a.random?.violatingWalk).toBe(b.random?.violatingWalk);
  });

  it('runs different walks for different seeds', () => {
    const p3 = () => twoPhaseCommit({ participants: 3 });
    expect(walksOf(p3(), { seed: 1, walks: 30 })).not.toEqual(walksOf(p3(), { seed: 2, walks: 30 }));
  });

  it('records the seed and the strategy in the trace of a violation', () => {
    const r = checkConfig(twoPhaseSpec, 'presume-commit-on-timeout', 'specs/twopc/two-phase-commit.ts', { strategy: 'random', seed: 7, walks: 500 });
    expect(r.met).toBe(true);
    expect(r.trace?.strategy).toBe('random');
    expect(r.trace?.seed).toBe(7);
    expect(r.random?.seed).toBe(7);
  });

  it('reports a path that replays to the violation, no longer than the walk that found it', () => {
    const model = twoPhaseCommit({ participants: 2, crashes: 1, bug: 'vote-not-durable' });
    const o = explore(model, { strategy: 'random', seed: 3, walks: 2000 });
    expect(o.status).toBe('violated');
    expect(o.property).toBe('Atomicity');
    expect(replaysTo(twoPhaseCommit({ participants: 2, crashes: 1, bug: 'vote-not-durable' }), o.path!, 'Atomicity')).toBe(true);
    expect(o.random!.shrunkLength!).toBeLessThanOrEqual(o.random!.foundLength!);
    expect(o.path!.actions).toHaveLength(o.random!.shrunkLength!);
  });

  it('never proves holds: a run that finds nothing is incomplete after its walks, and meets a holds expectation', () => {
    const r = checkConfig(twoPhaseSpec, 'p2', 'specs/twopc/two-phase-commit.ts', { strategy: 'random', seed: 1, walks: 300 });
    expect(r.status).toBe('incomplete');
    expect(r.boundsHit).toEqual(['walks']);
    expect(r.met).toBe(true);
    expect(r.random?.walks).toBe(300);
    expect(r.unreached).toEqual([]);
  });

  it('stops at the time budget with bound timeout', () => {
    const o = explore(twoPhaseCommit({ participants: 3, lose: 1, duplicate: 1 }), { strategy: 'random', seed: 1, walks: 1e9, timeoutMs: 200 });
    expect(o.status).toBe('incomplete');
    expect(o.boundsHit).toEqual(['timeout']);
  });

  it('does not meet a violation expectation when no walk finds it', () => {
    const r = checkConfig(twoPhaseSpec, 'decision-not-logged', 'specs/twopc/two-phase-commit.ts', { strategy: 'random', seed: 1, walks: 5 });
    expect(r.status).toBe('incomplete');
    expect(r.met).toBe(false);
    expect(r.reason).toContain('no violation found before walks');
  });

  it('reports coverage: distinct states seen, and a rate of new states that falls to zero once the space is exhausted', () => {
    // TwoPhase with 2 RMs has 56 states: a thousand walks see them all.
    const o = explore(twoPhase(2), { strategy: 'random', seed: 1, walks: 1000, walkDepth: 20 });
    expect(o.distinctStates).toBe(56);
    expect(o.random!.coverage.distinctStates).toBe(56);
    expect(o.random!.coverage.newPer1kSteps).toBe(0);
    const curve = o.random!.coverage.curve;
    expect(curve[curve.length - 1]).toMatchObject({ walks: 1000, distinctStates: 56 });
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.distinctStates).toBeGreaterThanOrEqual(curve[i - 1]!.distinctStates);
  });

  it('varies the fault mix per walk for actor systems (swarm testing), and not for models that do not classify actions', () => {
    const swarm = walksOf(twoPhaseCommit({ participants: 2, crashes: 1 }), { seed: 1, walks: 40 });
    expect(new Set(swarm.map((w) => w.mix)).size).toBeGreaterThan(5);
    const uniform = walksOf(twoPhaseCommit({ participants: 2, crashes: 1 }), { seed: 1, walks: 40, swarm: false });
    expect(new Set(uniform.map((w) => w.mix))).toEqual(new Set(['uniform']));
    const raw = walksOf(twoPhase(2), { seed: 1, walks: 40 });
    expect(new Set(raw.map((w) => w.mix))).toEqual(new Set(['uniform']));
  });

  it('honours a fault mix fixed by the spec: a banned fault kind never happens', () => {
    const model = twoPhaseCommit({ participants: 2, crashes: 1 });
    const walks = walksOf(model, { seed: 1, walks: 200, swarm: { faults: [] } });
    for (const w of walks) {
      let s = model.init()[w.init]!;
      for (const k of w.candidates) {
        const a = model.actions(s)[k]!;
        expect(a.kind).not.toBe('crash');
        s = model.next(s, a)!;
      }
    }
  });

  it('stops a walk at the depth bound, and where every step leaves within', () => {
    const counter: Model<number, 'inc'> = { init: () => [0], actions: () => ['inc'], next: (s) => s + 1, properties: [] };
    const walks = walksOf(counter, { seed: 1, walks: 3, walkDepth: 7 });
    expect(walks.map((w) => w.candidates.length)).toEqual([7, 7, 7]);
    const bounded = walksOf({ ...counter, within: (s: number) => s < 4 }, { seed: 1, walks: 3, walkDepth: 7 });
    expect(bounded.map((w) => w.candidates.length)).toEqual([3, 3, 3]);
  });

  it('walks inside within, but checks the states just outside it', () => {
    // From 0: 'up' leaves the constraint at once, 'along' stays in it. Walks keep going along.
    type A = 'up' | 'along';
    const grid: Model<{ x: number; y: number }, A> = {
      init: () => [{ x: 0, y: 0 }],
      actions: () => ['up', 'along'],
      next: (s, a) => (a === 'up' ? { ...s, y: s.y + 1 } : { ...s, x: s.x + 1 }),
      properties: [always('NotHighAtFive', (s) => !(s.x === 5 && s.y === 1))],
      within: (s) => s.y === 0,
    };
    const o = explore(grid, { strategy: 'random', seed: 3, walks: 20, walkDepth: 10 });
    expect(o.status).toBe('violated');
    expect(o.property).toBe('NotHighAtFive');
    expect(walksOf({ ...grid, properties: [] }, { seed: 3, walks: 5, walkDepth: 10 }).map((w) => w.candidates.length)).toEqual([10, 10, 10, 10, 10]);
  });

  it('reports a deadlock when the model checks for it', () => {
    const stuck: Model<number, 'inc'> = { init: () => [0], actions: () => ['inc'], next: (s) => (s < 3 ? s + 1 : undefined), properties: [always('Small', (s) => s < 10)], checkDeadlock: true };
    const o = explore(stuck, { strategy: 'random', seed: 1, walks: 3 });
    expect(o.status).toBe('violated');
    expect(o.property).toBe('Deadlock');
    expect(o.path!.actions).toHaveLength(3);
  });

  it('cuts the loops out of a walk', () => {
    const w = { init: 0, states: [0, 1, 0, 1, 2, 1, 3], actions: ['a', 'b', 'a', 'c', 'd', 'e'], candidates: [0, 1, 0, 2, 3, 4] };
    expect(cutCycles(w)).toEqual({ init: 0, states: [0, 1, 3], actions: ['a', 'e'], candidates: [0, 4] });
  });
});

describe('sharding random walks', () => {
  it('shards 1/n..n/n together run exactly the walks of the unsharded run', () => {
    const model = () => twoPhaseCommit({ participants: 3, crashes: 1 });
    const whole = walksOf(model(), { seed: 9, walks: 60 });
    for (const n of [2, 3, 7]) {
      const shards = Array.from({ length: n }, (_, i) => walksOf(model(), { seed: 9, walks: 60, shard: { index: i + 1, count: n } }));
      shards.forEach((walks, i) => expect(walks.every((w) => w.index % n === i)).toBe(true));
      const joined = shards.flat().sort((a, b) => a.index - b.index);
      expect(joined).toEqual(whole);
    }
  });

  it('parses i/n and rejects anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b']) expect(() => parseShard(bad)).toThrow(/expected i\/n/);
  });
});
