// The explored state graph, stored compactly for the fair-cycle search: per edge a source, a
// target (the search's state ids), the index of the action in `actions(source)` and a fairness
// class; per state whether the search expanded it. Edges arrive in any order and are laid out by
// source (compressed sparse rows) once the search is over.
//
// Memory: 13 bytes an edge while collecting (three Int32Arrays and a Uint16Array, grown by half),
// 10 bytes an edge once laid out (the sources are dropped); 1 byte a state.

import { UNFAIR } from './fairness.ts';

function grown<T extends Int32Array | Uint16Array | Uint8Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const b = make(Math.max(need, Math.ceil(a.length * 1.5) + 16));
  b.set(a);
  return b;
}

/** Collects edges while the search runs. */
export class EdgeList {
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private via = new Int32Array(1024);
  private cls = new Uint16Array(1024);
  private unexpandedMark = new Uint8Array(1024);
  size = 0;
  states = 0;

  /** A state with this id exists. */
  addState(id: number): void {
    if (id >= this.states) this.states = id + 1;
  }

  add(from: number, to: number, via: number, cls: number): void {
    const n = this.size;
    if (n === this.from.length) {
      const need = n + 1;
      this.from = grown(this.from, need, (k) => new Int32Array(k));
      this.to = grown(this.to, need, (k) => new Int32Array(k));
      this.via = grown(this.via, need, (k) => new Int32Array(k));
      this.cls = grown(this.cls, need, (k) => new Uint16Array(k));
    }
    if (cls > 0xffff) throw new Error('more than 65,535 fairness classes');
    this.from[n] = from;
    this.to[n] = to;
    this.via[n] = via;
    this.cls[n] = cls;
    this.size = n + 1;
  }

  markUnexpanded(id: number): void {
    this.unexpandedMark = grown(this.unexpandedMark, id + 1, (k) => new Uint8Array(k));
    this.unexpandedMark[id] = 1;
  }

  /** Lays the edges out by source. */
  build(): StateGraph {
    const n = this.states;
    const m = this.size;
    const offsets = new Int32Array(n + 1);
    for (let e = 0; e < m; e++) offsets[this.from[e]! + 1]!++;
    for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
    const fill = offsets.slice(0, n);
    const to = new Int32Array(m);
    const via = new Int32Array(m);
    const cls = new Uint16Array(m);
    for (let e = 0; e < m; e++) {
      const k = fill[this.from[e]!]!++;
      to[k] = this.to[e]!;
      via[k] = this.via[e]!;
      cls[k] = this.cls[e]!;
    }
    const unexpanded = new Uint8Array(n);
    unexpanded.set(this.unexpandedMark.subarray(0, Math.min(n, this.unexpandedMark.length)));
    return new StateGraph(n, offsets, to, via, cls, unexpanded);
  }
}

/** The state graph, edges by source: those of `v` are `offsets[v]` up to `offsets[v + 1]`. */
export class StateGraph {
  constructor(
    readonly states: number,
    readonly offsets: Int32Array,
    readonly to: Int32Array,
    readonly via: Int32Array,
    readonly cls: Uint16Array,
    /** 1: the search did not expand the state; its edges are unknown. */
    readonly unexpanded: Uint8Array,
  ) {}

  get edges(): number {
    return this.to.length;
  }

  get bytes(): number {
    return this.offsets.byteLength + this.to.byteLength + this.via.byteLength + this.cls.byteLength + this.unexpanded.byteLength;
  }

  /** The source of edge `e`: the last state whose edges start at or before `e`. */
  sourceOf(e: number): number {
    let lo = 0;
    let hi = this.states - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= e) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Whether a fair class is enabled in `v`: some step of the class leaves `v` (a self-loop is
   * stuttering, which enables nothing).
   */
  anyFairEnabled(v: number): boolean {
    for (let e = this.offsets[v]!; e < this.offsets[v + 1]!; e++) {
      if (this.cls[e] !== UNFAIR && this.to[e] !== v) return true;
    }
    return false;
  }
}
