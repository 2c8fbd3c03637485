// Exhaustive search: breadth-first (default; the counterexample is a shortest one) and
// depth-first (memory-light; finds deep states sooner, paths are not shortest).

import type { Model } from '../model.ts';
import { DEADLOCK, type Property } from '../properties.ts';
import type { ExploreOptions } from './options.ts';
import { random } from './random.ts';
import { withoutViolation, type Bound, type Outcome, type Path } from './outcome.ts';
import { StateStore } from './state-store.ts';
import { candidatesOf, canStep, expandable, holdsIn, successorOf } from './steps.ts';
import { canReduce, porBfs, porUnavailable } from './por.ts';
import { fingerprintOut } from '../fingerprint/hash.ts';
import { FingerprintIds } from '../liveness/fingerprint-ids.ts';

const CLOCK_EVERY = 1024;

interface Violation {
  property: string;
  id: number;
}

class Search<S, A> {
  readonly store: StateStore<S, A>;
  readonly invariants: Property<S>[];
  readonly unreached: Property<S>[];
  readonly boundsHit = new Set<Bound>();
  generated = 0;
  maxDepth = 0;
  /** With an edge sink: the id of every state by fingerprint, to name the target of every edge. */
  readonly ids: FingerprintIds | undefined;
  readonly started = Date.now();
  private lastProgress = this.started;
  private ticks = 0;

  constructor(
    readonly model: Model<S, A>,
    readonly options: ExploreOptions,
  ) {
    this.store = new StateStore(model, options.symmetry === true && model.symmetry !== undefined);
    this.invariants = model.properties.filter((p) => p.kind === 'always');
    this.unreached = model.properties.filter((p) => p.kind === 'sometimes');
    this.ids = options.edges ? new FingerprintIds() : undefined;
  }

  /** Checks the properties of a newly found state; returns the violated invariant's name. */
  check(s: S): string | undefined {
    for (const p of this.invariants) if (!holdsIn(p, s)) return p.name;
    for (let i = this.unreached.length - 1; i >= 0; i--) {
      if (holdsIn(this.unreached[i]!, s)) this.unreached.splice(i, 1);
    }
    return undefined;
  }

  successor(s: S, a: A): S | undefined {
    return successorOf(this.model, s, a);
  }

  actions(s: S): readonly A[] {
    return candidatesOf(this.model, s);
  }

  expandable(s: S): boolean {
    return expandable(this.model, s);
  }

  /** True when a bound other than depth says stop. */
  outOfBudget(queue: number, depth: number): boolean {
    const { maxStates, timeoutMs, onProgress } = this.options;
    if (maxStates !== undefined && this.store.size >= maxStates) {
      this.boundsHit.add('maxStates');
      return true;
    }
    if (++this.ticks % CLOCK_EVERY !== 0) return false;
    const now = Date.now();
    if (timeoutMs !== undefined && now - this.started >= timeoutMs) {
      this.boundsHit.add('timeout');
      return true;
    }
    if (onProgress && now - this.lastProgress >= 1000) {
      this.lastProgress = now;
      onProgress({ distinctStates: this.store.size, generatedStates: this.generated, depth, queue, ms: now - this.started });
    }
    return false;
  }

  outcome(violation: Violation | undefined): Outcome<S, A> {
    const base = {
      unreached: this.unreached.map((p) => p.name),
      boundsHit: [...this.boundsHit],
      distinctStates: this.store.size,
      generatedStates: this.generated,
      maxDepth: this.maxDepth,
      ms: Date.now() - this.started,
    };
    if (violation) {
      const path: Path<S, A> = this.store.path(violation.id);
      return { ...base, status: 'violated', property: violation.property, path };
    }
    return withoutViolation(base);
  }

  /** Adds the initial states; returns them with their ids, or a violation. */
  initial(): { states: { s: S; id: number }[]; violation?: Violation } {
    const states: { s: S; id: number }[] = [];
    const inits = this.model.init();
    for (let i = 0; i < inits.length; i++) {
      const s = inits[i]!;
      this.generated++;
      const id = this.store.addInitial(s, i);
      if (id < 0) continue;
      this.options.edges?.state(id, s);
      this.ids?.set(fingerprintOut[0]!, fingerprintOut[1]!, id);
      const broken = this.check(s);
      if (broken) return { states, violation: { property: broken, id } };
      states.push({ s, id });
    }
    return { states };
  }
}

export function bfs<S, A>(model: Model<S, A>, options: ExploreOptions = {}): Outcome<S, A> {
  const search = new Search(model, options);
  const first = search.initial();
  if (first.violation) return search.outcome(first.violation);
  const maxDepth = options.maxDepth ?? Infinity;
  const edges = options.edges;
  const ids = search.ids;
  let level: S[] = first.states.map((x) => x.s);
  let levelIds: number[] = first.states.map((x) => x.id);
  for (let depth = 0; level.length > 0; depth++) {
    search.maxDepth = depth;
    if (depth >= maxDepth) {
      if (level.some((s) => canStep(model, s))) search.boundsHit.add('maxDepth');
      // A state left at the depth bound is neither a dead end nor known to be on a cycle.
      if (edges) level.forEach((s, i) => (!search.expandable(s) || canStep(model, s)) && edges.unexpanded(levelIds[i]!));
      break;
    }
    const nextLevel: S[] = [];
    const nextIds: number[] = [];
    for (let i = 0; i < level.length; i++) {
      const s = level[i]!;
      // Let the frontier drop states as they are expanded.
      (level as (S | undefined)[])[i] = undefined;
      const parent = levelIds[i]!;
      if (!search.expandable(s)) {
        edges?.unexpanded(parent);
        continue;
      }
      const actions = search.actions(s);
      let enabled = false;
      for (let k = 0; k < actions.length; k++) {
        const t = search.successor(s, actions[k]!);
        if (t === undefined) continue;
        enabled = true;
        search.generated++;
        const id = search.store.add(t, parent, k);
        if (edges && ids) {
          // add() left the fingerprint of t in fingerprintOut.
          const to = id >= 0 ? ids.set(fingerprintOut[0]!, fingerprintOut[1]!, id) : ids.get(fingerprintOut[0]!, fingerprintOut[1]!);
          if (id >= 0) edges.state(id, t);
          edges.edge(parent, to, actions[k]!, k);
        }
        if (id < 0) continue;
        const broken = search.check(t);
        if (broken) {
          search.maxDepth = depth + 1;
          return search.outcome({ property: broken, id });
        }
        nextLevel.push(t);
        nextIds.push(id);
      }
      if (!enabled && model.checkDeadlock) return search.outcome({ property: DEADLOCK, id: parent });
      if (search.outOfBudget(level.length - i + nextLevel.length, depth)) {
        if (edges) {
          for (let j = i + 1; j < level.length; j++) edges.unexpanded(levelIds[j]!);
          for (const id of nextIds) edges.unexpanded(id);
        }
        return search.outcome(undefined);
      }
    }
    level = nextLevel;
    levelIds = nextIds;
  }
  return search.outcome(undefined);
}

interface Frame<S, A> {
  s: S;
  id: number;
  depth: number;
  actions: readonly A[];
  k: number;
  enabled: boolean;
}

export function dfs<S, A>(model: Model<S, A>, options: ExploreOptions = {}): Outcome<S, A> {
  const search = new Search(model, options);
  const first = search.initial();
  if (first.violation) return search.outcome(first.violation);
  const maxDepth = options.maxDepth ?? Infinity;
  const stack: Frame<S, A>[] = [];
  const push = (s: S, id: number, depth: number): void => {
    if (depth > search.maxDepth) search.maxDepth = depth;
    if (!search.expandable(s)) return;
    if (depth >= maxDepth) {
      if (canStep(model, s)) search.boundsHit.add('maxDepth');
      return;
    }
    stack.push({ s, id, depth, actions: search.actions(s), k: 0, enabled: false });
  };
  for (let i = first.states.length - 1; i >= 0; i--) push(first.states[i]!.s, first.states[i]!.id, 0);
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    if (f.k >= f.actions.length) {
      stack.pop();
      if (!f.enabled && model.checkDeadlock) return search.outcome({ property: DEADLOCK, id: f.id });
      continue;
    }
    const k = f.k++;
    const t = search.successor(f.s, f.actions[k]!);
    if (t === undefined) continue;
    f.enabled = true;
    search.generated++;
    const id = search.store.add(t, f.id, k);
    if (id < 0) continue;
    const broken = search.check(t);
    if (broken) return search.outcome({ property: broken, id });
    push(t, id, f.depth + 1);
    if (search.outOfBudget(stack.length, f.depth + 1)) return search.outcome(undefined);
  }
  return search.outcome(undefined);
}

export function explore<S, A>(model: Model<S, A>, options: ExploreOptions = {}): Outcome<S, A> {
  switch (options.strategy ?? 'bfs') {
    case 'dfs':
      return dfs(model, options);
    case 'random':
      return random(model, options);
    default:
      if (options.por === true && canReduce(model) && porUnavailable(model, options) === undefined) return porBfs(model, options);
      return bfs(model, options);
  }
}
