// Exhaustive search: breadth-first (default; the counterexample is a shortest one) and
// depth-first (memory-light; finds deep states sooner, paths are not shortest).
//
// Every strategy shares its bookkeeping (exploration.ts); what varies is the frontier and how the
// steps out of a state are taken. Breadth-first searches run level by level (`levelSearch`) with
// a `Successors` policy: every enabled action (`AllSteps`, here) or those outside a sleep set
// (por.ts). Depth-first keeps a stack of partly expanded states and takes one step at a time, so
// that a state's first successor is explored before its second is computed. The parallel search
// (parallel/) shares a level-synchronous frontier between threads; random walks (random/) keep
// no frontier at all.

import { InputError } from '../errors.ts';
import { fingerprintOut } from '../fingerprint/hash.ts';
import type { Model } from '../model.ts';
import { DEADLOCK } from '../properties.ts';
import type { EdgeSink } from './edge-sink.ts';
import { DeterminismCheck } from './determinism.ts';
import type { Frontier } from './frontier.ts';
import { Exploration, type Violation } from './exploration.ts';
import { DEAD_END, EXPANDED, levelSearch, VIOLATED, type Successors } from './level-search.ts';
import type { ExploreOptions } from './options.ts';
import type { Outcome, Path } from './outcome.ts';
import { canReduce, porBfs, porUnavailable } from './por.ts';
import { random } from './random/walks.ts';
import { StateStore } from './state-store.ts';
import { candidatesOf, canStep, expandable, successorOf } from './steps.ts';

/** `AllSteps.take`: the successor was seen before. */
const SEEN = -1;

/** Every enabled action of a state, each successor recorded with a parent pointer (state-store.ts). */
export class AllSteps<S, A> implements Successors<S, A> {
  readonly store: StateStore<S, A>;
  violation: Violation | undefined;
  /** Re-executes a sample of the expansions (determinism.ts). */
  readonly determinism: DeterminismCheck<S, A>;
  /** Set while a sampled expansion runs: told each successor's fingerprint. */
  private recheck: DeterminismCheck<S, A> | undefined;
  private readonly edges: EdgeSink<S, A> | undefined;

  constructor(private readonly run: Exploration<S, A>) {
    const { model, options } = run;
    this.edges = options.edges;
    const store = new StateStore(model, options.symmetry === true && model.symmetry !== undefined, this.edges !== undefined);
    this.store = store;
    this.determinism = new DeterminismCheck(model, store.identity(), (id) => store.chain(id));
  }

  get size(): number {
    return this.store.size;
  }

  addInitial(s: S, index: number): number {
    const id = this.store.addInitial(s, index);
    if (id >= 0) this.edges?.state(id, s);
    return id;
  }

  due(): boolean {
    return true;
  }

  expand(s: S, parent: number, next: Frontier<S>): typeof EXPANDED | typeof DEAD_END | typeof VIOLATED {
    const { model } = this.run;
    const actions = candidatesOf(model, s);
    const recheck = this.determinism.due() ? this.determinism : undefined;
    if (recheck === undefined && this.edges === undefined) return this.expandAll(s, parent, actions, next);
    this.recheck = recheck;
    let enabled = false;
    for (let k = 0; k < actions.length; k++) {
      const a = actions[k]!;
      const t = successorOf(model, s, a);
      if (t === undefined) {
        recheck?.disabled(k);
        continue;
      }
      enabled = true;
      const id = this.take(parent, t, a, k);
      if (id === SEEN) continue;
      if (id === VIOLATED) {
        this.recheck = undefined;
        return VIOLATED;
      }
      next.push(t, id);
    }
    this.recheck = undefined;
    recheck?.verify(s, parent, actions.length);
    return enabled ? EXPANDED : DEAD_END;
  }

  /**
   * `expand` when no step is to be reported or re-executed, in two passes: every successor is
   * computed and hashed, then their places in the visited set are read all at once (a prefetch,
   * fingerprint-set.ts), and only then looked up in turn. The lookups, each a likely cache miss
   * in a table of many MB, then wait for memory once per state expanded, not once per successor.
   * Successors are recorded, counted and checked in action order, as one pass would: a model that
   * throws does so after the steps before it are taken. A step that returns its state unchanged
   * (a stutter, as TLA+ actions often take) leads to the state being expanded, recorded already:
   * it is counted, not hashed.
   */
  private expandAll(s: S, parent: number, actions: readonly A[], next: Frontier<S>): typeof EXPANDED | typeof DEAD_END | typeof VIOLATED {
    const { model } = this.run;
    const successors = this.successors;
    let m = 0;
    let threw = false;
    let thrown: unknown;
    try {
      for (let k = 0; k < actions.length; k++) {
        const t = successorOf(model, s, actions[k]!);
        if (t === undefined) continue;
        if (m === this.via.length) this.growPending();
        successors[m] = t;
        this.via[m] = k;
        if (t !== s) {
          this.store.fingerprint(t);
          this.his[m] = fingerprintOut[0]!;
          this.los[m] = fingerprintOut[1]!;
        }
        m++;
      }
    } catch (e) {
      threw = true;
      thrown = e;
    }
    const { his, los, via } = this;
    this.store.prefetch(his, los, m);
    for (let i = 0; i < m; i++) {
      const t = successors[i]!;
      this.run.generated++;
      if (t === s) continue;
      const id = this.store.addFingerprint(his[i]!, los[i]!, parent, via[i]!);
      if (id < 0) continue;
      const broken = this.run.check(t);
      if (broken !== undefined) {
        this.violation = { property: broken, id };
        return VIOLATED;
      }
      next.push(t, id);
    }
    if (threw) throw thrown;
    return m > 0 ? EXPANDED : DEAD_END;
  }

  // The successors of the state being expanded (expandAll), with their fingerprints and actions.
  private successors: S[] = [];
  private his: Int32Array = new Int32Array(64);
  private los: Int32Array = new Int32Array(64);
  private via: Int32Array = new Int32Array(64);

  private growPending(): void {
    const n = this.via.length * 2;
    const grown = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.his = grown(this.his);
    this.los = grown(this.los);
    this.via = grown(this.via);
  }

  /** The step `parent` → `t` by `a`, the `k`-th action: `t`'s new id, SEEN, or VIOLATED. */
  take(parent: number, t: S, a: A, k: number): number {
    this.run.generated++;
    const id = this.store.add(t, parent, k);
    this.recheck?.enabled(k);
    const edges = this.edges;
    if (edges !== undefined) {
      if (id >= 0) edges.state(id, t);
      edges.edge(parent, id >= 0 ? id : -1 - id, a, k);
    }
    if (id < 0) return SEEN;
    const broken = this.run.check(t);
    if (broken === undefined) return id;
    this.violation = { property: broken, id };
    return VIOLATED;
  }

  path(id: number): Path<S, A> {
    return this.store.path(id);
  }
}

export function bfs<S, A>(model: Model<S, A>, options: ExploreOptions<NoInfer<S>, NoInfer<A>> = {}): Outcome<S, A> {
  const run = new Exploration(model, options);
  return levelSearch(run, new AllSteps(run));
}

/** A state on the depth-first stack, with the actions of it taken so far. */
interface Frame<S, A> {
  s: S;
  id: number;
  depth: number;
  actions: readonly A[];
  k: number;
  enabled: boolean;
}

/** Depth-first: `maxDepth` is the greatest depth at which a state was first found (and not found violating). */
export function dfs<S, A>(model: Model<S, A>, options: ExploreOptions<NoInfer<S>, NoInfer<A>> = {}): Outcome<S, A> {
  const run = new Exploration(model, options);
  const steps = new AllSteps(run);
  const edges = options.edges;
  const violated = (v: Violation): Outcome<S, A> => run.outcome(steps.size, { property: v.property, path: steps.path(v.id) });
  const first = run.initial((s, i) => steps.addInitial(s, i));
  if (first.violation) return violated(first.violation);
  const maxDepth = options.maxDepth ?? Infinity;
  const stack: Frame<S, A>[] = [];
  const push = (s: S, id: number, depth: number): void => {
    if (depth > run.maxDepth) run.maxDepth = depth;
    if (!expandable(model, s)) {
      edges?.unexpanded(id);
      return;
    }
    if (depth >= maxDepth) {
      if (canStep(model, s)) run.boundsHit.add('maxDepth');
      edges?.unexpanded(id);
      return;
    }
    // Its actions are taken one at a time, between other states' steps: a sampled state is
    // re-executed whole, up front (determinism.ts).
    if (steps.determinism.due()) steps.determinism.twice(s, id);
    stack.push({ s, id, depth, actions: candidatesOf(model, s), k: 0, enabled: false });
  };
  /** Stopping early: the states on the stack are not (fully) expanded. */
  const stop = (v?: Violation): Outcome<S, A> => {
    if (edges) for (const f of stack) edges.unexpanded(f.id);
    return v ? violated(v) : run.outcome(steps.size);
  };
  for (let i = first.states.length - 1; i >= 0; i--) push(first.states[i]!, first.ids[i]!, 0);
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.k >= f.actions.length) {
      stack.pop();
      if (!f.enabled && model.checkDeadlock) return stop({ property: DEADLOCK, id: f.id });
      continue;
    }
    const k = f.k++;
    const a = f.actions[k]!;
    const t = successorOf(model, f.s, a);
    if (t === undefined) continue;
    f.enabled = true;
    const id = steps.take(f.id, t, a, k);
    if (id === SEEN) continue;
    if (id === VIOLATED) {
      edges?.unexpanded(steps.violation!.id);
      return stop(steps.violation);
    }
    push(t, id, f.depth + 1);
    if (run.outOfBudget(steps.size, f.depth + 1, stack.length)) return stop();
  }
  return run.outcome(steps.size);
}

/** Explores `model` with the strategy `options` name (bfs unless said otherwise). */
export function explore<S, A>(model: Model<S, A>, options: ExploreOptions<NoInfer<S>, NoInfer<A>> = {}): Outcome<S, A> {
  const strategy = options.strategy ?? 'bfs';
  if (options.edges !== undefined && (strategy === 'random' || options.por === true)) {
    throw new InputError(`an edge sink needs an exhaustive search without reduction (bfs or dfs), not ${strategy === 'random' ? 'random walks' : 'partial-order reduction'}`);
  }
  switch (strategy) {
    case 'dfs':
      return dfs(model, options);
    case 'random':
      return random(model, options);
    default:
      if (options.por === true && canReduce(model) && porUnavailable(model, options) === undefined) return porBfs(model, options);
      return bfs(model, options);
  }
}
