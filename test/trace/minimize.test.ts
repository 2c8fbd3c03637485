import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { always, type Model } from '../../checker/index.ts';
import { minimize, minimizeTrace } from '../../checker/trace/minimize.ts';
import { replay, violates } from '../../checker/trace/replay.ts';
import type { Trace } from '../../checker/trace/trace.ts';
import { rng } from '../support/rng.ts';
import { foundTrace, reproduces, traceOf, twoPcModel } from './fixtures.ts';

/** Whether dropping any single step leaves a trace that still violates (it should not). */
function oneStepShorterStillViolates(model: Parameters<typeof replay>[0], trace: Trace): boolean {
  return trace.steps.some((_, i) => {
    const shorter = { ...trace, steps: trace.steps.filter((_, k) => k !== i) };
    const r = replay(model, shorter);
    // Valid if every step applies and the property fails at the end or at some earlier state.
    if (r.status === 'diverged') return false;
    return r.states.some((s) => violates(model, trace.property, s));
  });
}

describe('minimisation', () => {
  it('leaves a shortest (BFS) counterexample as it is', () => {
    const model = twoPcModel('decision-not-logged');
    const trace = foundTrace(model);
    const m = minimize(model, trace);
    expect(m.after).toBe(trace.steps.length);
    expect(m.trace.steps.map((s) => s.action)).toEqual(trace.steps.map((s) => s.action));
  });

  it('shrinks a depth-first counterexample of vote-not-durable with 3 participants', () => {
    const model = twoPcModel('vote-not-durable', 3);
    const trace = foundTrace(model, { strategy: 'dfs' });
    const m = minimize(model, trace);
    expect(m.after).toBeLessThan(trace.steps.length);
    expect(reproduces(model, m.trace)).toBe(true);
    expect(oneStepShorterStillViolates(model, m.trace)).toBe(false);
    // The shortest (BFS) counterexample for comparison.
    const shortest = foundTrace(model).steps.length;
    expect(m.after).toBeGreaterThanOrEqual(shortest);
    console.log(`dfs vote-not-durable p3: ${trace.steps.length} → ${m.after} steps (shortest ${shortest}), ${m.replays} replays, ${m.ms} ms`);
  });

  it('shrinks a random-walk-like counterexample: the bug buried in random steps', () => {
    // 2PC with 3 participants and a crash. Plain random walks end (commit or abort) long before
    // they hit this bug, so bury the shortest counterexample's steps in seeded random ones, as a
    // lucky simulation run would: up to 3 random deliveries or yes votes before each (a no vote,
    // a timeout or a crash would steer away from the bug), keeping the bug's steps that still
    // apply. Keep the longest run that violates.
    const model = twoPcModel('vote-not-durable', 3);
    const harmless = (a: unknown): boolean => {
      const x = a as { kind: string; choice?: unknown };
      return x.kind === 'deliver' || (x.kind === 'choose' && x.choice === 'vote yes');
    };
    const base = foundTrace(model);
    let longest: unknown[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const next = rng(seed);
      let s = model.init()[0]!;
      const actions: unknown[] = [];
      let broken = false;
      const take = (a: unknown): void => {
        const t = model.next(s, a);
        if (t === undefined || broken) return;
        actions.push(a);
        s = t;
        broken = violates(model, 'Atomicity', s);
      };
      for (const step of base.steps) {
        for (let k = Math.floor(next() * 4); k > 0; k--) {
          const enabled = model.actions(s).filter((a: unknown) => harmless(a) && model.next(s, a) !== undefined);
          if (enabled.length > 0) take(enabled[Math.floor(next() * enabled.length)]);
        }
        take(step.action);
      }
      if (broken && actions.length > longest.length) longest = actions;
    }
    expect(longest.length).toBeGreaterThan(base.steps.length);
    const trace = traceOf(model, 'Atomicity', longest);
    const m = minimize(model, trace);
    expect(reproduces(model, m.trace)).toBe(true);
    expect(m.after).toBeLessThan(trace.steps.length);
    expect(oneStepShorterStillViolates(model, m.trace)).toBe(false);
    console.log(`random-walk-like vote-not-durable p3: ${trace.steps.length} → ${m.after} steps (shortest ${base.steps.length}), ${m.replays} replays, ${m.ms} ms`);
  });

  it('never returns a longer trace, nor one that does not violate, on 2PC traces padded with other steps', () => {
    const model = twoPcModel('vote-not-durable');
    const base = foundTrace(model);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 25 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (picks, when) => {
        // Replay the counterexample, inserting enabled steps of the fuzzer's choosing between its
        // steps, keeping the original steps that still apply.
        let s = model.init()[0]!;
        const actions: unknown[] = [];
        let p = 0;
        let w = 0;
        const take = (a: unknown): boolean => {
          const t = model.next(s, a);
          if (t === undefined) return false;
          actions.push(a);
          s = t;
          return true;
        };
        for (const step of base.steps) {
          while (when[w++ % when.length] && p < picks.length) {
            const enabled = model.actions(s).filter((a: unknown) => model.next(s, a) !== undefined);
            if (enabled.length > 0) take(enabled[picks[p++]! % enabled.length]);
            else break;
          }
          take(step.action);
        }
        const padded = traceOf(model, 'Atomicity', actions);
        const ok = replay(model, padded).states.some((x) => violates(model, 'Atomicity', x));
        fc.pre(ok);
        const m = minimizeTrace(model, padded);
        expect(m.steps.length).toBeLessThanOrEqual(padded.steps.length);
        expect(reproduces(model, m)).toBe(true);
        expect(oneStepShorterStillViolates(model, m)).toBe(false);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('finds the three increments among any noise on a raw model', () => {
    type S = { x: number; y: number; on: boolean };
    type A = 'inc' | 'noise' | 'toggle' | 'reset';
    const model: Model<S, A> = {
      init: () => [{ x: 0, y: 0, on: false }],
      actions: () => ['inc', 'noise', 'toggle', 'reset'],
      next: (s, a) => {
        switch (a) {
          case 'inc':
            return { ...s, x: s.x + 1 };
          case 'noise':
            return { ...s, y: (s.y + 1) % 3 };
          case 'toggle':
            return { ...s, on: !s.on };
          case 'reset':
            return s.on ? { ...s, x: 0 } : undefined;
        }
      },
      properties: [always('Small', (s: S) => s.x < 3)],
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom<A>('inc', 'noise', 'toggle', 'reset'), { maxLength: 40 }), (raw) => {
        let s = model.init()[0]!;
        const actions: A[] = [];
        for (const a of raw) {
          const t = model.next(s, a);
          if (t === undefined) continue;
          actions.push(a);
          s = t;
        }
        fc.pre(s.x >= 3 || actions.length > 0);
        const trace = traceOf(model, 'Small', actions);
        if (!replay(model, trace).states.some((x) => violates(model, 'Small', x))) {
          expect(() => minimize(model, trace)).toThrow(/does not reach a violation/);
          return;
        }
        const m = minimizeTrace(model, trace);
        expect(m.steps.map((x) => x.action)).toEqual(['inc', 'inc', 'inc']);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('cuts a trace at the first state that violates', () => {
    const model = twoPcModel('presume-commit-on-timeout');
    const base = foundTrace(model);
    // Let the run go on after the violation: those steps are not needed.
    let s = replay(model, base).states.at(-1);
    const extra: unknown[] = [];
    for (let k = 0; k < 3; k++) {
      const a = model.actions(s).find((x: unknown) => model.next(s, x) !== undefined);
      if (a === undefined) break;
      extra.push(a);
      s = model.next(s, a);
    }
    const longer = traceOf(model, base.property, [...base.steps.map((x) => x.action), ...extra]);
    expect(minimizeTrace(model, longer).steps.length).toBe(base.steps.length);
  });

  it('respects a budget and still returns a violating trace', () => {
    const model = twoPcModel('vote-not-durable', 3);
    const trace = foundTrace(model, { strategy: 'dfs' });
    const m = minimize(model, trace, { maxReplays: 3 });
    expect(m.complete).toBe(false);
    expect(m.after).toBeLessThanOrEqual(trace.steps.length);
    expect(reproduces(model, m.trace)).toBe(true);
  });
});

