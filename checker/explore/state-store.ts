// Per-state bookkeeping for an exhaustive search: the visited set plus a parent pointer and the
// index of the action that led to each state. Paths are rebuilt by re-running those actions from
// the initial state, as TLC does, so full states need not be kept.

import { fingerprintParts, lastHi } from '../fingerprint/hash.ts';
import { VisitedSet } from '../fingerprint/visited-set.ts';
import type { Model } from '../model.ts';
import type { Path } from './outcome.ts';

const NO_PARENT = -1;

export class StateStore<S, A> {
  readonly visited = new VisitedSet();
  private parents = new Int32Array(1 << 16);
  /** For a state with a parent: the index of its action in `actions(parent)`; else its init index. */
  private via = new Int32Array(1 << 16);
  private readonly identify: (s: S) => unknown;

  constructor(
    private readonly model: Model<S, A>,
    symmetry: boolean,
  ) {
    const view = model.view?.bind(model);
    const canon = symmetry ? model.symmetry?.bind(model) : undefined;
    if (canon && view) this.identify = (s) => view(canon(s));
    else if (canon) this.identify = canon;
    else if (view) this.identify = view;
    else this.identify = (s) => s;
  }

  get size(): number {
    return this.visited.size;
  }

  /** Records `s`; returns its new id, or -1 when an equal state was seen before. */
  add(s: S, parent: number, via: number): number {
    const lo = fingerprintParts(this.identify(s));
    const id = this.visited.add(lastHi, lo);
    if (id < 0) return -1;
    if (id >= this.parents.length) {
      const parents = new Int32Array(this.parents.length * 2);
      parents.set(this.parents);
      this.parents = parents;
      const vias = new Int32Array(this.via.length * 2);
      vias.set(this.via);
      this.via = vias;
    }
    this.parents[id] = parent;
    this.via[id] = via;
    return id;
  }

  addInitial(s: S, initIndex: number): number {
    return this.add(s, NO_PARENT, initIndex);
  }

  /** Rebuilds the path to state `id` by re-running the recorded actions. */
  path(id: number): Path<S, A> {
    const chain: number[] = [];
    let cur = id;
    while (this.parents[cur] !== NO_PARENT) {
      chain.push(this.via[cur]!);
      cur = this.parents[cur]!;
    }
    const init = this.via[cur]!;
    let s: S = this.model.init()[init]!;
    const states: S[] = [s];
    const actions: A[] = [];
    for (let i = chain.length - 1; i >= 0; i--) {
      const a = this.model.actions(s)[chain[i]!]!;
      const t = this.model.next(s, a);
      if (t === undefined) throw new Error('internal: a recorded action is no longer enabled (is the model deterministic?)');
      actions.push(a);
      states.push(t);
      s = t;
    }
    return { init, actions, states };
  }
}
