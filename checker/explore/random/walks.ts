// The random strategy (simulation): seeded random walks of bounded depth, for state spaces too big
// to exhaust. Each walk starts afresh from an initial state and picks uniformly among the enabled
// actions — under swarm testing, within the fault mix the walk drew — until the depth bound, a
// state with no enabled action, or a state whose every step leaves `within` (those successors are
// checked, not walked into). Walk k is seeded from (seed, k), so a run is exactly repeatable and
// shards split the walks without overlap.
//
// Random search never proves a property: a run that finds nothing is `incomplete` (bound `walks`
// or `timeout`), with coverage figures that say whether more walks would still find new states.
// A violating walk is shortened before it is reported: cycles are cut (a walk that returns to a
// state it was in skips the loop), then fast-check shrinks its schedule.

import { InputError } from '../../errors.ts';
import { fingerprintHex } from '../../fingerprint/hash.ts';
import type { Model } from '../../model.ts';
import { DEADLOCK } from '../../properties.ts';
import { CoverageTracker } from './coverage.ts';
import { Exploration } from '../exploration.ts';
import type { ExploreOptions } from '../options.ts';
import type { Outcome, Path } from '../outcome.ts';
import { freshSeed, Prng, walkSeed } from './prng.ts';
import type { RandomSummary } from './summary.ts';
import { scheduleOfCandidates, shrinkSchedule } from './schedule.ts';
import { shardWalks } from './shard.ts';
import { identifier } from '../state-store.ts';
import { brokenInvariant, candidatesOf, expandable, successorOf } from '../steps.ts';
import { classifier, describeMix, drawMix, isFaultClass, type ActionClass, type Mix } from './swarm.ts';

export const DEFAULT_WALKS = 1000;
export const DEFAULT_WALK_DEPTH = 100;

interface Walk<S, A> {
  readonly init: number;
  readonly states: S[];
  readonly actions: A[];
  readonly candidates: number[];
}

interface Found<S, A> {
  readonly walk: Walk<S, A>;
  readonly property: string;
  readonly index: number;
  readonly ms: number;
}

/**
 * Draws the walk's next step, by rejection: a class of action by the mix's weights, then a
 * candidate of that class uniformly; one that is not enabled is dropped and the draw repeated.
 * Among the enabled actions of a class the choice is uniform, and only the actions drawn are
 * computed (uniform mix: every candidate weighs the same). A successor outside the model's
 * `within` constraint is checked (a violation there is taken as the step) but not walked into:
 * the walk draws again, so that walks stay inside the constraint as far as they can, as the
 * exhaustive search expands only states inside it. 'bounded': every enabled step leaves it.
 */
function pick<S, A>(model: Model<S, A>, s: S, step: number, rng: Prng, mix: Mix, classify: ((a: A) => ActionClass) | undefined): { action: A; state: S; candidate: number } | 'none' | 'banned-only' | 'bounded' {
  const cands = candidatesOf(model, s);
  const pools = new Map<ActionClass, number[]>();
  const banned: number[] = [];
  for (let k = 0; k < cands.length; k++) {
    const c: ActionClass = mix !== undefined && classify ? classify(cands[k]!) : 'step';
    if (mix !== undefined && (mix.weights.get(c) ?? 1) === 0) {
      banned.push(k);
      continue;
    }
    const pool = pools.get(c);
    if (pool) pool.push(k);
    else pools.set(c, [k]);
  }
  let leftConstraint = false;
  // Before the walk's fault point, faults wait while anything else is enabled.
  let deferFaults = mix !== undefined && step < mix.faultsFrom;
  const weight = (c: ActionClass, pool: number[]): number => {
    if (pool.length === 0) return 0;
    if (mix === undefined) return pool.length;
    if (deferFaults && isFaultClass(c)) return 0;
    return mix.weights.get(c) ?? 1;
  };
  for (;;) {
    let total = 0;
    for (const [c, pool] of pools) total += weight(c, pool);
    if (total === 0 && deferFaults) {
      deferFaults = false;
      continue;
    }
    if (total === 0) break;
    let r = rng.float() * total;
    let chosen: number[] | undefined;
    for (const [c, pool] of pools) {
      const w = weight(c, pool);
      if (w === 0) continue;
      chosen = pool;
      if (r < w) break;
      r -= w;
    }
    const pool = chosen!;
    const j = rng.int(pool.length);
    const k = pool[j]!;
    pool[j] = pool[pool.length - 1]!;
    pool.pop();
    const t = successorOf(model, s, cands[k]!);
    if (t === undefined) continue;
    if (!expandable(model, t) && brokenInvariant(model, t) === undefined) {
      leftConstraint = true;
      continue;
    }
    return { action: cands[k]!, state: t, candidate: k };
  }
  if (leftConstraint) return 'bounded';
  // Nothing the mix allows is enabled; is anything enabled at all (for deadlock)?
  return banned.some((k) => successorOf(model, s, cands[k]!) !== undefined) ? 'banned-only' : 'none';
}

/** Cuts every loop out of a walk: from a state that recurs, continue from its last occurrence. */
export function cutCycles<S, A>(walk: Walk<S, A>): Walk<S, A> {
  const fps = walk.states.map(fingerprintHex);
  const last = new Map<string, number>();
  fps.forEach((fp, i) => last.set(fp, i));
  const out: Walk<S, A> = { init: walk.init, states: [walk.states[0]!], actions: [], candidates: [] };
  let i = last.get(fps[0]!)!;
  while (i < walk.actions.length) {
    out.actions.push(walk.actions[i]!);
    out.candidates.push(walk.candidates[i]!);
    out.states.push(walk.states[i + 1]!);
    i = last.get(fps[i + 1]!)!;
  }
  return out;
}

export function random<S, A>(model: Model<S, A>, options: ExploreOptions<NoInfer<S>, NoInfer<A>> = {}): Outcome<S, A> {
  if (options.edges !== undefined) throw new InputError('an edge sink needs an exhaustive search (bfs or dfs), not random walks');
  // The clock is looked at before every walk.
  const run = new Exploration(model, options, 1);
  const seed = (options.seed ?? freshSeed()) >>> 0;
  const walks = options.walks ?? DEFAULT_WALKS;
  const depth = options.walkDepth ?? options.maxDepth ?? DEFAULT_WALK_DEPTH;
  const swarm = options.swarm ?? true;
  const classify = classifier(model);
  const identify = identifier(model, options.symmetry === true) ?? ((s: S) => s);
  const coverage = new CoverageTracker(identify as (s: unknown) => unknown);
  const inits = model.init();
  let steps = 0;
  let walksRun = 0;

  const summary = (extra: Partial<RandomSummary> = {}): RandomSummary => ({
    seed,
    ...(options.shard ? { shard: options.shard } : {}),
    walks: walksRun,
    steps,
    walkDepth: depth,
    coverage: coverage.summary(),
    ...extra,
  });

  const outcome = (found: Found<S, A> | undefined): Outcome<S, A> => {
    if (!found) {
      if (run.boundsHit.size === 0) run.boundsHit.add('walks');
      return { ...run.stats(coverage.size), status: 'incomplete', random: summary() };
    }
    const { path, tries } = shorten(model, found, options.shrink ?? true);
    const random = summary({
      violatingWalk: found.index,
      msToViolation: found.ms,
      foundLength: found.walk.actions.length,
      shrunkLength: path.actions.length,
      ...(tries !== undefined ? { shrinkTries: tries } : {}),
    });
    return { ...run.stats(coverage.size), status: 'violated', property: found.property, path, random };
  };

  // An initial state that breaks an invariant needs no walk.
  const first = run.initial((s, i) => {
    coverage.see(s, false);
    return i;
  });
  if (first.violation) {
    const i = first.violation.id;
    return outcome({ walk: { init: i, states: [inits[i]!], actions: [], candidates: [] }, property: first.violation.property, index: -1, ms: Date.now() - run.started });
  }

  const { first: firstWalk, stride } = shardWalks(options.shard);
  for (let k = firstWalk; k < walks; k += stride) {
    if (run.outOfBudget(coverage.size, run.maxDepth, Math.ceil((walks - k) / stride))) break;
    const rng = new Prng(walkSeed(seed, k));
    const mix = classify ? drawMix(rng, swarm, depth) : undefined;
    const { walk, violated } = walkOnce(run, coverage, inits, rng.int(inits.length), depth, rng, mix, classify);
    steps += walk.actions.length;
    walksRun++;
    run.maxDepth = Math.max(run.maxDepth, walk.actions.length);
    options.onWalk?.({
      index: k,
      init: walk.init,
      candidates: walk.candidates,
      mix: mix ? describeMix(mix) : 'uniform',
      ...(violated !== undefined ? { violated } : {}),
    });
    if (violated !== undefined) return outcome({ walk, property: violated, index: k, ms: Date.now() - run.started });
  }
  return outcome(undefined);
}

/** One walk from `inits[init]`, at most `depth` steps: the walk, and the property its last state violates. */
function walkOnce<S, A>(run: Exploration<S, A>, coverage: CoverageTracker, inits: readonly S[], init: number, depth: number, rng: Prng, mix: Mix, classify: ((a: A) => ActionClass) | undefined): { walk: Walk<S, A>; violated?: string } {
  const { model } = run;
  let s: S = inits[init]!;
  const walk: Walk<S, A> = { init, states: [s], actions: [], candidates: [] };
  coverage.see(s, false);
  run.reach(s);
  let violated: string | undefined;
  for (let d = 0; d < depth && expandable(model, s); d++) {
    const step = pick(model, s, d, rng, mix, classify);
    if (step === 'none' || step === 'banned-only' || step === 'bounded') {
      if (step === 'none' && model.checkDeadlock) violated = DEADLOCK;
      break;
    }
    run.generated++;
    walk.actions.push(step.action);
    walk.candidates.push(step.candidate);
    walk.states.push(step.state);
    s = step.state;
    coverage.see(s, true);
    run.reach(s);
    violated = run.broken(s);
    if (violated !== undefined) break;
  }
  coverage.endWalk();
  return violated !== undefined ? { walk, violated } : { walk };
}

/** The path to report for a violating walk: cycles cut, then the schedule shrunk by fast-check. */
function shorten<S, A>(model: Model<S, A>, found: Found<S, A>, shrink: boolean): { path: Path<S, A>; tries?: number } {
  const asPath = (w: Walk<S, A>): Path<S, A> => ({ init: w.init, actions: w.actions, states: w.states });
  if (!shrink || found.walk.actions.length === 0) return { path: asPath(found.walk) };
  // A deadlock is a property of the last state alone, so cutting cycles keeps it too.
  const cut = cutCycles(found.walk);
  if (found.property === DEADLOCK) return { path: asPath(cut) };
  const schedule = scheduleOfCandidates(model, cut.init, cut.states, cut.candidates);
  const shrunk = shrinkSchedule(model, schedule, found.property);
  return { path: shrunk.run.path, tries: shrunk.tries };
}

