// The dependency graph over transactions: vertices are transactions (their index in the
// history), each edge carries a bit set of relations. Built by appending edges to flat typed
// arrays, then compacted into adjacency arrays (CSR) with duplicate edges merged, which keeps a
// graph of 100k transactions to a handful of allocations.

export const WW = 1;
export const WR = 2;
export const RW = 4;
export const PROCESS = 8;
export const REALTIME = 16;
export const DATA = WW | WR | RW;

export type Rel = 'ww' | 'wr' | 'rw' | 'process' | 'realtime';
export const REL_BITS: Readonly<Record<Rel, number>> = { ww: WW, wr: WR, rw: RW, process: PROCESS, realtime: REALTIME };
export const RELS: readonly Rel[] = ['ww', 'wr', 'rw', 'process', 'realtime'];

export class EdgeList {
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private rel = new Uint8Array(1024);
  size = 0;

  add(a: number, b: number, rel: number): void {
    if (a === b) return;
    if (this.size === this.from.length) {
      const n = this.size * 2;
      const from = new Int32Array(n);
      from.set(this.from);
      this.from = from;
      const to = new Int32Array(n);
      to.set(this.to);
      this.to = to;
      const r = new Uint8Array(n);
      r.set(this.rel);
      this.rel = r;
    }
    this.from[this.size] = a;
    this.to[this.size] = b;
    this.rel[this.size] = rel;
    this.size++;
  }

  /** The graph on `n` vertices: per vertex, its successors (ascending) and each edge's relations. */
  toGraph(n: number): Graph {
    const count = new Int32Array(n + 1);
    for (let i = 0; i < this.size; i++) count[this.from[i]! + 1]!++;
    for (let v = 0; v < n; v++) count[v + 1]! += count[v]!;
    const fill = count.slice(0, n);
    const to = new Int32Array(this.size);
    const rel = new Uint8Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const at = fill[this.from[i]!]!++;
      to[at] = this.to[i]!;
      rel[at] = this.rel[i]!;
    }
    // Merge parallel edges: sort each vertex's run by target (insertion sort: runs are short),
    // OR their relations together.
    const start = new Int32Array(n + 1);
    let w = 0;
    for (let v = 0; v < n; v++) {
      start[v] = w;
      const lo = count[v]!;
      const hi = count[v + 1]!;
      for (let i = lo + 1; i < hi; i++) {
        const t = to[i]!;
        const r = rel[i]!;
        let j = i - 1;
        while (j >= lo && to[j]! > t) {
          to[j + 1] = to[j]!;
          rel[j + 1] = rel[j]!;
          j--;
        }
        to[j + 1] = t;
        rel[j + 1] = r;
      }
      for (let i = lo; i < hi; i++) {
        if (w > start[v]! && to[w - 1] === to[i]) rel[w - 1]! |= rel[i]!;
        else {
          to[w] = to[i]!;
          rel[w] = rel[i]!;
          w++;
        }
      }
    }
    start[n] = w;
    return { n, start, to: to.subarray(0, w), rel: rel.subarray(0, w) };
  }
}

export interface Graph {
  readonly n: number;
  /** Vertex v's edges are indexes start[v] … start[v+1]-1 of `to` and `rel`. */
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly rel: Uint8Array;
}

export function relNames(bits: number): Rel[] {
  return RELS.filter((r) => (bits & REL_BITS[r]) !== 0);
}
