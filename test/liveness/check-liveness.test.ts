import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { defineSpec, type Model } from '../../checker/index.ts';
import { alwaysEventually, checkLiveness, eventually, leadsTo, type Fairness } from '../../checker/liveness/index.ts';
import type { Property } from '../../checker/properties.ts';
import { replay } from '../../checker/trace/replay.ts';

const weak = (c: string): Fairness => ({ class: c, kind: 'weak' });
const strong = (c: string): Fairness => ({ class: c, kind: 'strong' });

/** A counter 0 … max; Inc is fair as `incFair` says. */
function counter(max: number, properties: Property<number>[], incFair?: Fairness, extra: Partial<Model<number, 'Inc'>> = {}): Model<number, 'Inc'> {
  return {
    init: () => [0],
    actions: () => ['Inc'],
    next: (n) => (n < max ? n + 1 : undefined),
    properties,
    ...(incFair ? { fairness: () => incFair } : {}),
    ...extra,
  };
}

/** A flag that Toggle flips; Finish, enabled only while the flag is up, ends the run. */
interface Flag {
  readonly up: boolean;
  readonly done: boolean;
}
function flag(finish: Fairness | undefined, properties: Property<Flag>[]): Model<Flag, 'Toggle' | 'Finish'> {
  return {
    init: () => [{ up: false, done: false }],
    actions: () => ['Toggle', 'Finish'],
    next: (s, a) => (s.done ? undefined : a === 'Toggle' ? { ...s, up: !s.up } : s.up ? { ...s, done: true } : undefined),
    properties,
    fairness: (a) => (a === 'Toggle' ? weak('Toggle') : finish),
  };
}

const done = eventually('Done', (s: Flag) => s.done);

describe('eventually (<>p) under fairness', () => {
  it('holds when the step that reaches the goal is weakly fair', () => {
    expect(checkLiveness(counter(3, [eventually('ReachesThree', (n) => n === 3)], weak('Inc'))).status).toBe('holds');
  });

  it('is violated when nothing forces that step: the run may stutter in the initial state for ever', () => {
    const o = checkLiveness(counter(3, [eventually('ReachesThree', (n) => n === 3)]));
    expect(o).toMatchObject({ status: 'violated', property: 'ReachesThree', propertyKind: 'eventually', cycleStart: 0 });
    expect(o.path!.actions).toEqual([]);
  });

  it('weak fairness does not force a step that is enabled only now and then; strong fairness does', () => {
    const w = checkLiveness(flag(weak('Finish'), [done]));
    expect(w).toMatchObject({ status: 'violated', property: 'Done', cycleStart: 0 });
    // The lasso goes round Toggle, Toggle: Finish is enabled on the cycle, never continuously.
    expect(w.path!.actions).toEqual(['Toggle', 'Toggle']);
    expect(w.fairNotTaken).toEqual(['Finish']);
    expect(checkLiveness(flag(strong('Finish'), [done])).status).toBe('holds');
  });
});

describe('leadsTo (p ~> q)', () => {
  // A request is granted, then the grant is released; Request is the client's choice (unfair).
  interface Lock {
    readonly requested: boolean;
    readonly granted: boolean;
  }
  type LockAction = 'Request' | 'Grant' | 'Release';
  const lock = (grant: Fairness | undefined): Model<Lock, LockAction> => ({
    init: () => [{ requested: false, granted: false }],
    actions: () => ['Request', 'Grant', 'Release'],
    next: (s, a) => {
      if (a === 'Request') return !s.requested && !s.granted ? { requested: true, granted: false } : undefined;
      if (a === 'Grant') return s.requested ? { requested: false, granted: true } : undefined;
      return s.granted ? { requested: false, granted: false } : undefined;
    },
    properties: [leadsTo('RequestGranted', (s: Lock) => s.requested, (s: Lock) => s.granted)],
    fairness: (a) => (a === 'Grant' ? grant : a === 'Release' ? weak('Release') : undefined),
  });

  it('holds when granting is weakly fair', () => {
    expect(checkLiveness(lock(weak('Grant'))).status).toBe('holds');
  });

  it('is violated when it is not: a lasso from the request into stuttering', () => {
    const o = checkLiveness(lock(undefined));
    expect(o).toMatchObject({ status: 'violated', property: 'RequestGranted', propertyKind: 'leadsTo', cycleStart: 1 });
    expect(o.path!.actions).toEqual(['Request']);
  });
});

describe('alwaysEventually ([]<>p)', () => {
  it('holds when the flag keeps being toggled (weakly fair), and fails when it may stop', () => {
    const up = alwaysEventually('UpAgain', (s: Flag) => s.up);
    expect(checkLiveness(flag(undefined, [up])).status).toBe('holds');
    const unfair: Model<Flag, 'Toggle' | 'Finish'> = { ...flag(undefined, [up]), fairness: () => undefined };
    expect(checkLiveness(unfair)).toMatchObject({ status: 'violated', propertyKind: 'alwaysEventually', cycleStart: 0 });
  });
});

describe('liveness at the bounds', () => {
  const reachesTen = eventually('ReachesTen', (n: number) => n === 10);

  it('is incomplete, never violated, when the only counterexamples would run through states at the depth bound', () => {
    const o = checkLiveness(counter(10, [reachesTen], weak('Inc')), { maxDepth: 3 });
    expect(o.status).toBe('incomplete');
    expect(o.undecided).toEqual(['ReachesTen']);
  });

  it('is incomplete, never holds, when the state constraint leaves states unexpanded', () => {
    const o = checkLiveness(counter(10, [reachesTen], weak('Inc'), { within: (n) => n < 5 }));
    expect(o).toMatchObject({ status: 'incomplete', boundsHit: ['within'] });
  });

  it('is incomplete when a budget stops the search', () => {
    expect(checkLiveness(counter(10, [reachesTen], weak('Inc')), { maxStates: 4 }).status).toBe('incomplete');
  });

  it('still reports a lasso that lies wholly inside the bound', () => {
    // From 0 a fair step may also go to a dead end (-1) that never reaches ten.
    const model: Model<number, 'Inc' | 'Fail'> = {
      init: () => [0],
      actions: () => ['Inc', 'Fail'],
      next: (n, a) => (n < 0 ? undefined : a === 'Fail' ? (n === 0 ? -1 : undefined) : n < 10 ? n + 1 : undefined),
      properties: [reachesTen],
      fairness: (a) => (a === 'Inc' ? weak('Inc') : undefined),
    };
    const o = checkLiveness(model, { maxDepth: 3 });
    expect(o).toMatchObject({ status: 'violated', property: 'ReachesTen', cycleStart: 1 });
    expect(o.path!.actions).toEqual(['Fail']);
  });
});

describe('symmetry and partial-order reduction', () => {
  it('are not applied to a liveness check, and the run says so', () => {
    const o = checkLiveness(counter(3, [eventually('ReachesThree', (n) => n === 3)], weak('Inc')), { symmetry: true, por: true });
    expect(o.notes.some((n) => n.startsWith('--symmetry not applied'))).toBe(true);
    expect(o.notes.some((n) => n.startsWith('--por not applied'))).toBe(true);
  });
});

describe('a lasso in a report and a trace', () => {
  const spec = defineSpec({
    name: 'Flag',
    configs: {
      'weak-finish': { model: () => flag(weak('Finish'), [done]), expect: { violates: 'Done' } },
      'strong-finish': { model: () => flag(strong('Finish'), [done]), expect: 'holds' },
    },
  });

  it('carries the property kind and where the cycle starts, and replays: the loop closes', () => {
    const r = checkConfig(spec, 'weak-finish', 'flag.ts');
    expect(r).toMatchObject({ met: true, status: 'violated', property: 'Done', propertyKind: 'eventually' });
    expect(r.trace).toMatchObject({ cycleStart: 0, fairNotTaken: ['Finish'] });
    expect(replay(spec.configs['weak-finish']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('is no longer reproduced once the fix makes the cycle unfair', () => {
    const r = checkConfig(spec, 'weak-finish', 'flag.ts');
    expect(replay(spec.configs['strong-finish']!.model(), r.trace!).status).toBe('fixed');
  });

  it('diverges when the loop does not close', () => {
    const r = checkConfig(spec, 'weak-finish', 'flag.ts');
    const broken = { ...r.trace!, steps: r.trace!.steps.slice(0, 1) };
    expect(replay(spec.configs['weak-finish']!.model(), broken)).toMatchObject({ status: 'diverged' });
  });
});

describe('with --workers', () => {
  it('a configuration with liveness properties runs on one thread, and the report says so', async () => {
    const { runConfig } = await import('../../checker/check.ts');
    const spec = defineSpec({ name: 'Flag', configs: { weak: { model: () => flag(weak('Finish'), [done]), expect: { violates: 'Done' } } } });
    const r = await runConfig(spec, 'weak', 'flag.ts', { workers: 2 });
    expect(r).toMatchObject({ met: true, status: 'violated', property: 'Done', propertyKind: 'eventually' });
    expect(r.notes).toContain('--workers not applied: liveness is checked on one thread');
  });
});
