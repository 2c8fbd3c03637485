// What every search strategy keeps the same way, whatever its frontier (a queue of levels, a
// stack, a frontier shared between threads, random walks) and however it takes steps (every
// enabled action, or those outside a sleep set): the initial states, the invariants checked on
// each new state, the `sometimes` properties not yet reached, the bounds that cut the search short,
// the counts, the clock (timeout and progress) and the `Outcome`.

import type { Model } from '../model.ts';
import type { Property } from '../properties.ts';
import type { ExploreOptions } from './options.ts';
import { withoutViolation, type Bound, type Outcome, type Path, type Progress, type SearchStats } from './outcome.ts';
import { holdsIn } from './steps.ts';

/** Exhaustive searches look at the clock once per this many expanded states. */
export const CLOCK_EVERY = 1024;
/** Progress is reported about once a second. */
const PROGRESS_MS = 1000;

export interface Violation {
  readonly property: string;
  readonly id: number;
}

/** The initial states to expand (distinct, in `model.init()` order, with their ids), or the first that breaks an invariant. */
export interface Initial<S> {
  readonly states: S[];
  readonly ids: number[];
  readonly violation?: Violation;
}

export class Exploration<S, A> {
  readonly invariants: Property<S>[];
  readonly unreached: Property<S>[];
  readonly boundsHit = new Set<Bound>();
  /** Successors computed, duplicates included (and the initial states). */
  generated = 0;
  /** How deep the search went, in steps; each strategy says which states count. */
  maxDepth = 0;
  readonly started = Date.now();
  private lastProgress = this.started;
  private ticks = 0;
  // The counts as of the last look at the budget: what `now` tells an interrupted run.
  private size = 0;
  private depth = 0;
  private queue = 0;

  /** `clockEvery`: look at the clock on every that many calls of `outOfBudget`. */
  constructor(
    readonly model: Model<S, A>,
    readonly options: ExploreOptions<NoInfer<S>, NoInfer<A>>,
    private readonly clockEvery = CLOCK_EVERY,
  ) {
    this.invariants = model.properties.filter((p) => p.kind === 'always');
    this.unreached = model.properties.filter((p) => p.kind === 'sometimes');
    options.onStart?.(() => this.now());
  }

  /** The counts so far. */
  now(): Progress {
    const depth = Math.max(this.depth, this.maxDepth);
    return { distinctStates: this.size, generatedStates: this.generated, depth, queue: this.queue, ms: Date.now() - this.started };
  }

  /** Checks a newly found state: the violated invariant's name, else notes the `sometimes` properties it reaches. */
  check(s: S): string | undefined {
    for (const p of this.invariants) if (!holdsIn(p, s)) return p.name;
    for (let i = this.unreached.length - 1; i >= 0; i--) {
      if (holdsIn(this.unreached[i]!, s)) this.unreached.splice(i, 1);
    }
    return undefined;
  }

  /** The first invariant (in the model's order) that `s` breaks. */
  broken(s: S): string | undefined {
    for (const p of this.invariants) if (!holdsIn(p, s)) return p.name;
    return undefined;
  }

  /** Notes the `sometimes` properties that `s` satisfies. */
  reach(s: S): void {
    for (let i = this.unreached.length - 1; i >= 0; i--) {
      if (holdsIn(this.unreached[i]!, s)) this.unreached.splice(i, 1);
    }
  }

  /** Notes `sometimes` properties another thread found reached. */
  reachByName(names: readonly string[]): void {
    for (let i = this.unreached.length - 1; i >= 0; i--) {
      if (names.includes(this.unreached[i]!.name)) this.unreached.splice(i, 1);
    }
  }

  /**
   * Records the initial states through `add` (which returns the new state's id, or a negative
   * number for a state seen already) and checks each.
   */
  initial(add: (s: S, index: number) => number): Initial<S> {
    const states: S[] = [];
    const ids: number[] = [];
    const inits = this.model.init();
    for (let i = 0; i < inits.length; i++) {
      const s = inits[i]!;
      this.generated++;
      const id = add(s, i);
      if (id < 0) continue;
      const broken = this.check(s);
      if (broken !== undefined) return { states, ids, violation: { property: broken, id } };
      states.push(s);
      ids.push(id);
    }
    return { states, ids };
  }

  /**
   * True when a bound other than depth says stop: `size` distinct states reached `maxStates`, or
   * (looked at every `clockEvery` calls) the timeout passed. Reports progress on the way.
   */
  outOfBudget(size: number, depth: number, queue: number): boolean {
    const { maxStates, timeoutMs } = this.options;
    this.size = size;
    this.depth = depth;
    this.queue = queue;
    if (maxStates !== undefined && size >= maxStates) {
      this.boundsHit.add('maxStates');
      return true;
    }
    if (++this.ticks % this.clockEvery !== 0) return false;
    const now = Date.now();
    if (timeoutMs !== undefined && now - this.started >= timeoutMs) {
      this.boundsHit.add('timeout');
      return true;
    }
    this.progress(now, size, depth, queue);
    return false;
  }

  /** Whether the timeout has passed (noted as a bound when it has). */
  timedOut(now: number): boolean {
    const { timeoutMs } = this.options;
    if (timeoutMs === undefined || now - this.started < timeoutMs) return false;
    this.boundsHit.add('timeout');
    return true;
  }

  /** Reports progress if a second has passed since the last report. */
  progress(now: number, size: number, depth: number, queue: number): void {
    const { onProgress } = this.options;
    this.size = size;
    this.depth = depth;
    this.queue = queue;
    if (onProgress === undefined || now - this.lastProgress < PROGRESS_MS) return;
    this.lastProgress = now;
    onProgress({ distinctStates: size, generatedStates: this.generated, depth, queue, ms: now - this.started });
  }

  /** The counts of a search that found `size` distinct states. */
  stats(size: number): SearchStats {
    return {
      unreached: this.unreached.map((p) => p.name),
      boundsHit: [...this.boundsHit],
      distinctStates: size,
      generatedStates: this.generated,
      maxDepth: this.maxDepth,
      ms: Date.now() - this.started,
    };
  }

  /** The outcome of an exhaustive search: the violation found, else holds, vacuous or incomplete. */
  outcome(size: number, violated?: { readonly property: string; readonly path: Path<S, A> }): Outcome<S, A> {
    const stats = this.stats(size);
    if (violated) return { ...stats, status: 'violated', property: violated.property, path: violated.path };
    return withoutViolation(stats);
  }
}
