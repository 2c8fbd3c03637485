// A schedule is a run of a model written as choices: which initial state, then at each step which
// enabled action (an index into the list of enabled actions, taken modulo its length). As a
// fast-check arbitrary, a failing schedule is shrunk by fast-check to a smaller failing one —
// fewer steps, and earlier (smaller-index) choices — and users can put a model under their own
// `fc.assert(modelProperty(model))`.

import fc from 'fast-check';
import type { Model } from '../../model.ts';
import { DEADLOCK } from '../../properties.ts';
import type { Path } from '../outcome.ts';
import { brokenInvariant, EnabledSteps, expandable } from '../steps.ts';

export interface Schedule {
  /** Index into `model.init()`, taken modulo its length. */
  readonly init: number;
  /** At each step, an index into the enabled actions, taken modulo their number. */
  readonly choices: readonly number[];
}

export interface ScheduleRun<S, A> {
  readonly path: Path<S, A>;
  /** The invariant the run broke (it stops there), or undefined. */
  readonly property?: string;
  /** How many choices the run used (fewer than given when it broke or stopped early). */
  readonly used: number;
}

export interface ScheduleOptions {
  /** The longest schedule to generate. Default 50. */
  readonly maxSteps?: number;
  /** fast-check's size for the choice array; default 'max' (long runs find more). */
  readonly size?: fc.SizeForArbitrary;
}

const DEFAULT_STEPS = 50;

/**
 * Runs `schedule` from its initial state: checks the invariants in every state and stops at the
 * first one broken, at a state with no enabled action (a violation named `Deadlock` when the model
 * checks deadlock), outside `within`, or when the choices run out.
 */
export function runSchedule<S, A>(model: Model<S, A>, schedule: Schedule, enabled: EnabledSteps<S, A> = new EnabledSteps(model), inits: readonly S[] = model.init()): ScheduleRun<S, A> {
  const init = schedule.init % inits.length;
  let s: S = inits[init]!;
  const states: S[] = [s];
  const actions: A[] = [];
  const done = (property: string | undefined, used: number): ScheduleRun<S, A> => ({
    path: { init, actions, states },
    ...(property !== undefined ? { property } : {}),
    used,
  });
  const first = brokenInvariant(model, s);
  if (first !== undefined) return done(first, 0);
  for (let i = 0; i < schedule.choices.length; i++) {
    if (!expandable(model, s)) return done(undefined, i);
    const steps = enabled.of(s);
    if (steps.length === 0) return done(model.checkDeadlock ? DEADLOCK : undefined, i);
    const step = steps[schedule.choices[i]! % steps.length]!;
    actions.push(step.action);
    states.push(step.state);
    s = step.state;
    const broken = brokenInvariant(model, s);
    if (broken !== undefined) return done(broken, i + 1);
  }
  if (model.checkDeadlock && expandable(model, s) && enabled.of(s).length === 0) return done(DEADLOCK, schedule.choices.length);
  return done(undefined, schedule.choices.length);
}

/** Schedules of `model` as a fast-check arbitrary. */
export function scheduleArbitrary<S, A>(model: Model<S, A>, options: ScheduleOptions = {}): fc.Arbitrary<Schedule> {
  const inits = model.init().length;
  if (inits === 0) throw new Error('the model has no initial state');
  return fc.record({
    init: fc.nat({ max: inits - 1 }),
    choices: fc.array(fc.nat(), { maxLength: options.maxSteps ?? DEFAULT_STEPS, size: options.size ?? 'max' }),
  });
}

/** Thrown by `modelProperty` when a schedule breaks an invariant; the message is the run. */
export class ScheduleViolation extends Error {
  override readonly name = 'ScheduleViolation';
  constructor(
    readonly property: string,
    readonly steps: readonly string[],
  ) {
    super(`${property} violated after ${steps.length} step${steps.length === 1 ? '' : 's'}:\n${steps.map((l, i) => `  ${i + 1}. ${l}`).join('\n')}`);
  }
}

/**
 * A fast-check property: every schedule of at most `maxSteps` steps keeps every invariant.
 * `fc.assert(modelProperty(model))` fails with the shrunk schedule's steps.
 */
export function modelProperty<S, A>(model: Model<S, A>, options: ScheduleOptions = {}): fc.IPropertyWithHooks<[Schedule]> {
  const enabled = new EnabledSteps(model);
  const inits = model.init();
  return fc.property(scheduleArbitrary(model, options), (schedule) => {
    const run = runSchedule(model, schedule, enabled, inits);
    if (run.property !== undefined) {
      const label = (a: A): string => (model.formatAction ? model.formatAction(a) : JSON.stringify(a));
      throw new ScheduleViolation(run.property, run.path.actions.map(label));
    }
  });
}

export interface ShrinkOptions {
  /** Schedules fast-check may try (each is one replay). Default 2,000; deterministic, unlike a time limit. */
  readonly maxRuns?: number;
}

export interface Shrunk<S, A> {
  readonly schedule: Schedule;
  readonly run: ScheduleRun<S, A>;
  /** Schedules tried. */
  readonly tries: number;
}

/**
 * Shrinks a schedule that breaks `property` with fast-check: the result breaks the same property
 * and is no longer than the original. Deterministic: fast-check's shrinking is, and it is seeded.
 */
export function shrinkSchedule<S, A>(model: Model<S, A>, schedule: Schedule, property: string, options: ShrinkOptions = {}): Shrunk<S, A> {
  const enabled = new EnabledSteps(model);
  const inits = model.init();
  const original = runSchedule(model, schedule, enabled, inits);
  if (original.property !== property) throw new Error(`internal: the schedule to shrink does not break ${property}`);
  const trim = (s: Schedule, used: number): Schedule => ({ init: s.init % inits.length, choices: s.choices.slice(0, used) });
  let best = { schedule: trim(schedule, original.used), run: original };
  const maxRuns = options.maxRuns ?? 2000;
  let tries = 0;
  const arb = scheduleArbitrary(model, { maxSteps: Math.max(best.schedule.choices.length, 1) });
  const prop = fc.property(arb, (candidate) => {
    // Past the budget every candidate "passes", so fast-check ends its shrink with the best so far.
    if (tries >= maxRuns) return true;
    tries++;
    const run = runSchedule(model, candidate, enabled, inits);
    if (run.property !== property) return true;
    if (run.path.actions.length < best.run.path.actions.length) best = { schedule: trim(candidate, run.used), run };
    return false;
  });
  fc.check(prop, { examples: [[best.schedule]], numRuns: 1, seed: 0 });
  return { ...best, tries };
}

/** The schedule of a path whose steps were chosen by candidate index (`model.actions(s)[k]`). */
export function scheduleOfCandidates<S, A>(model: Model<S, A>, init: number, states: readonly S[], candidates: readonly number[]): Schedule {
  const enabled = new EnabledSteps(model);
  const choices = candidates.map((k, i) => {
    const index = enabled.of(states[i]!).findIndex((step) => step.candidate === k);
    if (index < 0) throw new Error('internal: a recorded step is not enabled (is the model deterministic?)');
    return index;
  });
  return { init, choices };
}

/** The schedule of any path (a BFS counterexample, a replayed trace): each action found among the enabled ones. */
export function scheduleOf<S, A>(model: Model<S, A>, path: Path<S, A>): Schedule {
  const enabled = new EnabledSteps(model);
  const choices = path.actions.map((a, i) => {
    const key = JSON.stringify(a);
    const index = enabled.of(path.states[i]!).findIndex((step) => step.action === a || JSON.stringify(step.action) === key);
    if (index < 0) throw new Error(`step ${i + 1} of the path is not enabled`);
    return index;
  });
  return { init: path.init, choices };
}
