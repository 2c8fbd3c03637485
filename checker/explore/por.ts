// Partial-order reduction (`--por`): breadth-first search with sleep sets (Godefroid, 1996).
//
// Two actions are independent when, wherever both are enabled, neither disables the other and
// both orders lead to the same state; in an actor system, steps of two different server nodes are
// (checker/actor/system.ts says which pairs exactly). After exploring a then b from s, the search
// need not explore b then a: when it takes b from s, a goes into the successor's sleep set, and
// actions in a state's sleep set are not taken from it (their result is reached the other way).
//
// What this reduces, and why it is sound. Sleep sets prune transitions, not states: every
// reachable state is still visited, so every property (any predicate over the whole state, safety
// or `sometimes`) is checked on exactly the states a full search checks, and the verdict is the
// same; what shrinks is the number of successors computed and hashed (`generatedStates`). Combined
// with a visited set they need one rule (the classical one): a state reached again with a sleep set
// that lacks some action of the sleep set it was expanded with is expanded again with the
// intersection, so no pruned transition is lost. Persistent (ample) sets would also prune states,
// but in an actor system any node may later send a message to the node an ample set was built
// from, and that new delivery does not commute with the ones the set holds: a persistent set is
// only sound with knowledge of who can send to whom in the future, which protocols do not declare.
// And a pruned state must be one no property can tell apart from its neighbours (the visibility
// condition): properties here are opaque predicates over every node's state, so any step may be
// visible, and skipping the intermediate state of two commuting steps could skip the one state
// where Atomicity fails. Reducing states would need properties to declare what they read.
//
// Not applied (the search is a plain bfs, and `check` says so) where it would not be sound: see
// `porUnavailable`.
//
// Counterexamples replay as usual (parent pointers of the first visit). A state first reached
// through a re-expansion may be reached later than its distance from the initial state, so a
// counterexample is valid but not always a shortest one.

import { InputError } from '../errors.ts';
import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { VisitedSet } from '../fingerprint/visited-set.ts';
import type { Model } from '../model.ts';
import { DeterminismCheck } from './determinism.ts';
import type { Frontier } from './frontier.ts';
import { Exploration, type Violation } from './exploration.ts';
import type { ExploreOptions } from './options.ts';
import type { Outcome, Path } from './outcome.ts';
import { NO_PARENT, ParentLinks } from './parent-links.ts';
import { DEAD_END, EXPANDED, levelSearch, VIOLATED, type Successors } from './level-search.ts';
import { identifier, replayChain } from './state-store.ts';
import { candidatesOf, successorOf } from './steps.ts';

/** What partial-order reduction needs of a model: which actions commute. */
export interface Commuting<A> {
  /** True only if a and b commute and neither disables the other, in every state. */
  independent(a: A, b: A): boolean;
  /** A key that identifies an action (equal keys: the same action). */
  actionKey(a: A): number | string;
}

export function canReduce<S, A>(model: Model<S, A>): model is Model<S, A> & Commuting<A> {
  const m = model as Partial<Commuting<A>>;
  return typeof m.independent === 'function' && typeof m.actionKey === 'function';
}

/**
 * Why sleep sets would not be sound for this search, or undefined when they are. A state
 * constraint (`within`) breaks the argument that a pruned order is explored the other way: that
 * way may pass through a state the constraint does not expand (Raft's leader-change would lose
 * states). Sleep sets restricted to the sound ones there (only steps taken from the parent into
 * states the constraint expands, nothing inherited) are re-expanded so often that they compute more
 * successors than a plain search.
 * Under symmetry a state met again may be a renamed copy of the one stored, whose sleep set names
 * other nodes' actions.
 */
export function porUnavailable<S, A>(model: Model<S, A>, options: ExploreOptions<S, A>): string | undefined {
  if (!canReduce(model)) return 'the model does not say which of its actions commute';
  if (model.within !== undefined) return 'the model has a state constraint (within), which commuting steps may leave';
  if (options.symmetry === true && model.symmetry !== undefined) return 'it does not combine with symmetry';
  return undefined;
}

type Sleep<A> = Map<number | string, A>;

/** Breadth-first search that takes from each state only the actions outside its sleep set. */
export function porBfs<S, A>(model: Model<S, A> & Commuting<A>, options: ExploreOptions<NoInfer<S>, NoInfer<A>> = {}): Outcome<S, A> {
  // Sleep sets skip transitions: a graph built from what is left would miss edges.
  if (options.edges !== undefined) throw new InputError('an edge sink needs an exhaustive search without reduction (bfs or dfs), not partial-order reduction');
  const run = new Exploration(model, options);
  return levelSearch(run, new SleepSets(run, model));
}

/** The successors of a state under sleep sets, with the visited set and parent pointers they need. */
class SleepSets<S, A> implements Successors<S, A> {
  private readonly identify: (s: S) => unknown;
  private readonly visited = new VisitedSet(1 << 14);
  private readonly links = new ParentLinks();
  /** Per state: the sleep set it is to be expanded with (action keys with their actions). */
  private readonly sleepOf = new Map<number, Sleep<A>>();
  /**
   * Per expanded state: the size of the sleep set it was last expanded with. A state's sleep set
   * only ever shrinks (to its intersection with a new arrival's), so an equal size means the same
   * set, and a smaller one means that some actions it slept through must now be taken.
   */
  private readonly expandedWith = new Map<number, number>();
  /** Whether the state being expanded was expanded before (then it is no deadlock to report again). */
  private again = false;
  violation: Violation | undefined;
  /** Re-executes a sample of the expansions (determinism.ts). */
  private readonly determinism: DeterminismCheck<S, A>;

  constructor(
    private readonly run: Exploration<S, A>,
    private readonly model: Model<S, A> & Commuting<A>,
  ) {
    this.identify = identifier(model, run.options.symmetry === true) ?? ((s: S) => s);
    this.determinism = new DeterminismCheck(model, this.identify, (id) => this.links.chain(id));
  }

  get size(): number {
    return this.visited.size;
  }

  addInitial(s: S, index: number): number {
    const v = this.visit(s, new Map(), NO_PARENT, index);
    return v?.fresh ? v.id : -1;
  }

  due(id: number): boolean {
    const size = this.sleepOf.get(id)!.size;
    const before = this.expandedWith.get(id);
    if (before !== undefined && before === size) return false;
    this.expandedWith.set(id, size);
    this.again = before !== undefined;
    return true;
  }

  expand(s: S, id: number, next: Frontier<S>): typeof EXPANDED | typeof DEAD_END | typeof VIOLATED {
    const { model, run } = this;
    const sleep = this.sleepOf.get(id)!;
    // Sleeping actions are not taken here: a sampled state is re-executed whole.
    if (this.determinism.due()) this.determinism.twice(s, id);
    const actions = candidatesOf(model, s);
    const done: [number | string, A][] = [];
    let enabled = false;
    for (let k = 0; k < actions.length; k++) {
      const a = actions[k]!;
      const key = model.actionKey(a);
      if (sleep.has(key)) {
        enabled ||= model.checkDeadlock === true && successorOf(model, s, a) !== undefined;
        continue;
      }
      const t = successorOf(model, s, a);
      if (t === undefined) continue;
      enabled = true;
      run.generated++;
      // The successor's sleep set: what was asleep here or explored before a, if independent of a.
      const childSleep: Sleep<A> = new Map();
      for (const [bk, b] of sleep) if (model.independent(a, b)) childSleep.set(bk, b);
      for (const [bk, b] of done) if (model.independent(a, b)) childSleep.set(bk, b);
      done.push([key, a]);
      const v = this.visit(t, childSleep, id, k);
      if (v === undefined) continue;
      if (v.fresh) {
        const broken = run.check(t);
        if (broken !== undefined) {
          this.violation = { property: broken, id: v.id };
          return VIOLATED;
        }
      }
      next.push(t, v.id);
    }
    return enabled || this.again ? EXPANDED : DEAD_END;
  }

  path(id: number): Path<S, A> {
    const { init, steps } = this.links.chain(id);
    return replayChain(this.model, init, steps);
  }

  /** Reaching `t` with sleep set `sleep`: a new state, a revisit that needs re-expansion, or neither. */
  private visit(t: S, sleep: Sleep<A>, parent: number, k: number): { id: number; fresh: boolean } | undefined {
    fingerprintState(this.identify(t));
    const id = this.visited.add(fingerprintOut[0]!, fingerprintOut[1]!);
    if (id >= 0) {
      this.links.set(id, parent, k);
      this.sleepOf.set(id, sleep);
      return { id, fresh: true };
    }
    const old = -1 - id;
    const current = this.sleepOf.get(old)!;
    let shrunk = false;
    for (const key of current.keys()) {
      if (!sleep.has(key)) {
        current.delete(key);
        shrunk = true;
      }
    }
    // Expanded already with a sleep set no larger than the new one: nothing was pruned that this
    // arrival would take. Not expanded yet: it will be, with the smaller set, from the queue.
    if (!shrunk || !this.expandedWith.has(old)) return undefined;
    return { id: old, fresh: false };
  }
}
