import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { modelProperty, runSchedule, scheduleArbitrary, scheduleOf, shrinkSchedule, ScheduleViolation } from '../../checker/explore/random/schedule.ts';
import { twoPhaseCommit } from '../../protocols/twopc/index.ts';
import { twoPhase } from '../../specs/tlaplus/TwoPhase.ts';

const buggy = () => twoPhaseCommit({ participants: 2, crashes: 1, bug: 'vote-not-durable' });

describe('schedules: fast-check drives the choice of the next action', () => {
  it('a schedule picks the enabled actions by index, modulo their number', () => {
    const model = twoPhase(2);
    const run = runSchedule(model, { init: 0, choices: [0, 0, 7] });
    expect(run.used).toBe(3);
    expect(run.path.actions).toHaveLength(3);
    expect(runSchedule(model, { init: 0, choices: [0, 0, 7] }).path.actions).toEqual(run.path.actions);
  });

  it('fc.assert(modelProperty(model)) passes for a correct protocol', () => {
    expect(() => fc.assert(modelProperty(twoPhaseCommit({ participants: 2 }), { maxSteps: 20 }), { numRuns: 100, seed: 1 })).not.toThrow();
  });

  it('fc.assert(modelProperty(model)) fails for a bug, naming the property and the steps', () => {
    let error: unknown;
    try {
      fc.assert(modelProperty(twoPhaseCommit({ participants: 2, bug: 'presume-commit-on-timeout' }), { maxSteps: 20 }), { numRuns: 200, seed: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('Counterexample');
    // fast-check keeps the property's own error as the cause: the violated property and the steps.
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(ScheduleViolation);
    expect((cause as ScheduleViolation).property).toBe('Validity');
    expect((cause as Error).message).toMatch(/^Validity violated after 2 steps:\n  1\. coordinator: timer vote-timeout fires/);
  });

  it('scheduleArbitrary gives schedules users can run in their own properties', () => {
    const model = twoPhase(2);
    fc.assert(
      fc.property(scheduleArbitrary(model, { maxSteps: 10 }), (schedule) => {
        const run = runSchedule(model, schedule);
        return run.path.actions.length <= 10 && run.property === undefined;
      }),
      { numRuns: 50, seed: 3 },
    );
  });

  it('a fast-check-shrunk schedule still violates the property and is no longer than the original', () => {
    const model = buggy();
    // A walk as found, unshrunk; then its schedule shrunk by fast-check.
    const found = explore(model, { strategy: 'random', seed: 11, walks: 3000, shrink: false });
    expect(found.status).toBe('violated');
    const path = found.path!;
    const schedule = scheduleOf(model, path);
    expect(runSchedule(model, schedule).property).toBe('Atomicity');
    const shrunk = shrinkSchedule(model, schedule, 'Atomicity');
    expect(shrunk.run.property).toBe('Atomicity');
    expect(runSchedule(buggy(), shrunk.schedule).property).toBe('Atomicity');
    expect(shrunk.schedule.choices.length).toBeLessThanOrEqual(schedule.choices.length);
    expect(shrunk.run.path.actions.length).toBeLessThanOrEqual(path.actions.length);
    // The shortest counterexample is 9 steps (BFS); shrinking gets close to it.
    expect(shrunk.run.path.actions.length).toBeGreaterThanOrEqual(9);
  });

  it('shrinking is deterministic', () => {
    const model = buggy();
    const found = explore(model, { strategy: 'random', seed: 11, walks: 3000, shrink: false });
    const path = found.path!;
    const schedule = scheduleOf(model, path);
    expect(shrinkSchedule(model, schedule, 'Atomicity').schedule).toEqual(shrinkSchedule(buggy(), schedule, 'Atomicity').schedule);
  });

  it('ScheduleViolation lists the steps', () => {
    const e = new ScheduleViolation('Atomicity', ['a', 'b']);
    expect(e.message).toBe('Atomicity violated after 2 steps:\n  1. a\n  2. b');
  });
});
