// Per-state bookkeeping for an exhaustive search: the visited set plus a parent pointer and the
// index of the action that led to each state. Paths are rebuilt by re-running those actions from
// the initial state, as TLC does, so full states need not be kept.
//
// Memory: the fingerprint table (10.7-16 bytes a state, fingerprint-set.ts) plus 8 bytes of parent
// pointer and action index (parent-links.ts; 8 bytes a state).

import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { FingerprintSet } from '../fingerprint/fingerprint-set.ts';
import { VisitedSet } from '../fingerprint/visited-set.ts';
import type { Model } from '../model.ts';
import type { Path } from './outcome.ts';
import { NO_PARENT, ParentLinks } from './parent-links.ts';
/** A local alias: one lookup instead of one per state if the module is compiled to CommonJS. */
const out = fingerprintOut;

/** How a state is identified in the visited set: its view, canonicalised under symmetry. */
export function identifier<S>(model: Model<S, unknown>, symmetry: boolean): ((s: S) => unknown) | undefined {
  const view = model.view?.bind(model);
  const canon = symmetry ? model.symmetry?.bind(model) : undefined;
  if (canon && view) return (s) => view(canon(s));
  if (canon) return canon;
  if (view) return view;
  return undefined;
}

export class StateStore<S, A> {
  private readonly visited = new FingerprintSet(1 << 14);
  /** Indexed stores only: the visited set that also finds the id of a state seen before. */
  private readonly indexed: VisitedSet | undefined;
  private readonly links = new ParentLinks();
  private readonly identify: ((s: S) => unknown) | undefined;

  /** `indexed`: `add` also names the state seen before (4 more bytes a slot; for edge sinks). */
  constructor(
    private readonly model: Model<S, A>,
    symmetry: boolean,
    indexed = false,
  ) {
    this.identify = identifier(model, symmetry);
    this.indexed = indexed ? new VisitedSet(1 << 14) : undefined;
  }

  get size(): number {
    return this.indexed === undefined ? this.visited.size : this.indexed.size;
  }

  /**
   * Records `s`; returns its new id, or a negative number when an equal state was seen before
   * (in an indexed store, -1 - that state's id; otherwise -1).
   */
  add(s: S, parent: number, via: number): number {
    this.fingerprint(s);
    return this.addFingerprint(out[0]!, out[1]!, parent, via);
  }

  /** Hashes what the visited set keeps of `s` into `fingerprintOut`. */
  fingerprint(s: S): void {
    fingerprintState(this.identify === undefined ? s : this.identify(s));
  }

  /** Reads ahead the places of the first `n` fingerprints (his[i], los[i]) in the visited set (`FingerprintSet.touch`). */
  prefetch(his: Int32Array, los: Int32Array, n: number): void {
    if (this.indexed === undefined) this.visited.touch(his, los, n);
  }

  /** Records a state by its fingerprint; returns as `add` does. */
  addFingerprint(hi: number, lo: number, parent: number, via: number): number {
    if (this.indexed !== undefined) {
      const id = this.indexed.add(hi, lo);
      if (id >= 0) this.links.set(id, parent, via);
      return id;
    }
    if (!this.visited.add(hi, lo)) return -1;
    const id = this.visited.size - 1;
    this.links.set(id, parent, via);
    return id;
  }

  addInitial(s: S, initIndex: number): number {
    return this.add(s, NO_PARENT, initIndex);
  }

  /** Rebuilds the path to state `id` by re-running the recorded actions. */
  path(id: number): Path<S, A> {
    const { init, steps } = this.links.chain(id);
    return replayChain(this.model, init, steps);
  }

  /** The initial-state index and action indices that lead to state `id`. */
  chain(id: number): { init: number; steps: number[] } {
    return this.links.chain(id);
  }

  /** What the visited set hashes of a state. */
  identity(): (s: S) => unknown {
    return this.identify ?? ((s: S) => s);
  }
}

/** Re-runs a path given as an initial-state index and action indices (into `actions(state)`). */
export function replayChain<S, A>(model: Model<S, A>, init: number, steps: readonly number[]): Path<S, A> {
  let s: S = model.init()[init]!;
  const states: S[] = [s];
  const actions: A[] = [];
  for (const k of steps) {
    const { action, state } = replayStep(model, s, k);
    actions.push(action);
    states.push(state);
    s = state;
  }
  return { init, actions, states };
}

/** Re-runs one recorded step: action `k` of `actions(s)`, which must still be enabled. */
export function replayStep<S, A>(model: Model<S, A>, s: S, k: number): { action: A; state: S } {
  const action = model.actions(s)[k]!;
  const state = model.next(s, action);
  if (state === undefined) throw new Error('internal: a recorded action is no longer enabled (is the model deterministic?)');
  return { action, state };
}
