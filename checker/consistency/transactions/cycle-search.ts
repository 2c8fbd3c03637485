// Finding a shortest cycle of a given anomaly kind inside one strongly connected component.
//
// A kind is a base (what data dependencies the cycle has) and a variant (whether it needs
// process-order or real-time edges):
//   G0             only write-write (ww) edges
//   G1c            ww and write-read (wr) edges, at least one wr
//   G-single       exactly one read-write (rw) anti-dependency, the rest ww/wr
//   G-nonadjacent  two or more rw edges, no two of them adjacent (cyclically)
//   G2-item        two or more rw edges, some two of them adjacent
//   -process       process-order edges allowed, at least one taken (no real-time edges)
//   -realtime      process and real-time edges allowed, at least one real-time edge taken
// The kinds are disjoint, so each cycle has exactly one kind, as Elle classifies them.
//
// Each kind is a small automaton over the edges' relations. A breadth-first search over (vertex,
// automaton state) pairs from a start vertex finds the shortest closed walk through it that the
// automaton accepts; the shortest over all start vertices of the component is a shortest cycle of
// the kind. Walks that repeat a vertex are not cycles and are passed over. Searches stop early at
// the best length found so far, and give up (reporting `exhaustive: false`) past a work budget.

import { PROCESS, REALTIME, RW, WR, WW, type Graph } from './graph.ts';

export type CycleBase = 'G0' | 'G1c' | 'G-single' | 'G-nonadjacent' | 'G2-item';
export type CycleVariant = '' | '-process' | '-realtime';
export const CYCLE_BASES: readonly CycleBase[] = ['G0', 'G1c', 'G-single', 'G-nonadjacent', 'G2-item'];
export const CYCLE_VARIANTS: readonly CycleVariant[] = ['', '-process', '-realtime'];

export interface CycleKind {
  readonly base: CycleBase;
  readonly variant: CycleVariant;
}

export function kindName(k: CycleKind): string {
  return `${k.base}${k.variant}`;
}

/** One step of a found cycle: from vertex `from` along relation bit `rel` to `to`. */
export interface CycleStep {
  readonly from: number;
  readonly to: number;
  readonly rel: number;
}

export interface FoundCycle {
  readonly steps: readonly CycleStep[];
  /** False when the work budget ran out before every start vertex was tried. */
  readonly exhaustive: boolean;
}

const REL_ORDER = [WW, WR, RW, PROCESS, REALTIME];

// Raw automaton state bits.
const STARTED = 1;
const WR_SEEN = 2;
const LAST_RW = 4;
const FIRST_RW = 8;
const ADJACENT = 16;
const VARIANT_SEEN = 32;
const COUNT_SHIFT = 6; // two bits: rw edges taken, capped at 2

interface Automaton {
  readonly allowed: number;
  /** next[state * 5 + relIndex]: the next compact state, or -1. */
  readonly next: Int16Array;
  readonly accept: Uint8Array;
  readonly states: number;
}

function allowedRels(k: CycleKind): number {
  let a = k.base === 'G0' ? WW : k.base === 'G1c' ? WW | WR : WW | WR | RW;
  if (k.variant === '-process') a |= PROCESS;
  if (k.variant === '-realtime') a |= PROCESS | REALTIME;
  return a;
}

function rawStep(k: CycleKind, s: number, rel: number): number {
  if ((allowedRels(k) & rel) === 0) return -1;
  const isRw = rel === RW;
  const first = (s & STARTED) === 0;
  let count = s >> COUNT_SHIFT;
  let t = STARTED;
  if (k.base === 'G1c' && ((s & WR_SEEN) !== 0 || rel === WR)) t |= WR_SEEN;
  if (isRw) count = Math.min(2, count + 1);
  if (k.base === 'G-single' && count > 1) return -1;
  if (k.base === 'G-nonadjacent') {
    if (first && isRw) return -1; // a nonadjacent cycle can always be started at a non-rw edge
    if ((s & LAST_RW) !== 0 && isRw) return -1;
  }
  if (k.base === 'G-nonadjacent' || k.base === 'G2-item') {
    if (isRw) t |= LAST_RW;
  }
  if (k.base === 'G2-item') {
    if ((s & ADJACENT) !== 0 || ((s & LAST_RW) !== 0 && isRw)) t |= ADJACENT;
    if ((first && isRw) || (!first && (s & FIRST_RW) !== 0)) t |= FIRST_RW;
  }
  if (k.base === 'G-single' || k.base === 'G-nonadjacent' || k.base === 'G2-item') t |= count << COUNT_SHIFT;
  const marker = k.variant === '-process' ? PROCESS : k.variant === '-realtime' ? REALTIME : 0;
  if ((s & VARIANT_SEEN) !== 0 || (marker !== 0 && rel === marker)) t |= VARIANT_SEEN;
  return t;
}

function rawAccepts(k: CycleKind, s: number): boolean {
  if ((s & STARTED) === 0) return false;
  if (k.variant !== '' && (s & VARIANT_SEEN) === 0) return false;
  const count = s >> COUNT_SHIFT;
  switch (k.base) {
    case 'G0':
      return true;
    case 'G1c':
      return (s & WR_SEEN) !== 0;
    case 'G-single':
      return count === 1;
    case 'G-nonadjacent':
      return count === 2;
    case 'G2-item':
      return count === 2 && ((s & ADJACENT) !== 0 || ((s & LAST_RW) !== 0 && (s & FIRST_RW) !== 0));
  }
}

const automata = new Map<string, Automaton>();

function automatonOf(k: CycleKind): Automaton {
  const name = kindName(k);
  const known = automata.get(name);
  if (known !== undefined) return known;
  const ids = new Map<number, number>([[0, 0]]);
  const raws = [0];
  const edges: [number, number, number][] = [];
  for (let i = 0; i < raws.length; i++) {
    REL_ORDER.forEach((rel, r) => {
      const t = rawStep(k, raws[i]!, rel);
      if (t < 0) return;
      let id = ids.get(t);
      if (id === undefined) {
        id = raws.length;
        ids.set(t, id);
        raws.push(t);
      }
      edges.push([i, r, id]);
    });
  }
  const next = new Int16Array(raws.length * 5).fill(-1);
  for (const [i, r, id] of edges) next[i * 5 + r] = id;
  const accept = Uint8Array.from(raws, (s) => (rawAccepts(k, s) ? 1 : 0));
  const a = { allowed: allowedRels(k), next, accept, states: raws.length };
  automata.set(name, a);
  return a;
}

/** Whether the component has an edge with each relation the kind cannot do without. */
function hasRequiredRels(g: Graph, members: readonly number[], inComponent: Int32Array, id: number, k: CycleKind): boolean {
  let seen = 0;
  for (const v of members) {
    for (let e = g.start[v]!; e < g.start[v + 1]!; e++) if (inComponent[g.to[e]!] === id) seen |= g.rel[e]!;
  }
  const needs = (k.base === 'G1c' ? WR : k.base === 'G0' ? WW : RW) | (k.variant === '-process' ? PROCESS : k.variant === '-realtime' ? REALTIME : 0);
  return (seen & needs) === needs;
}

export interface SearchBudget {
  /** Product states to visit over the whole search before giving up. */
  remaining: number;
}

/**
 * A shortest cycle of kind `k` among `members` (a strongly connected component whose vertices
 * are marked `id` in `inComponent`), or undefined when there is none (or the budget ran out
 * before one was found: then `budget.remaining` is 0).
 */
export function shortestCycle(
  g: Graph,
  members: readonly number[],
  inComponent: Int32Array,
  id: number,
  k: CycleKind,
  budget: SearchBudget,
): FoundCycle | undefined {
  if (!hasRequiredRels(g, members, inComponent, id, k)) return undefined;
  const a = automatonOf(k);
  const S = a.states;
  const n = members.length;
  const local = new Map<number, number>();
  members.forEach((v, i) => local.set(v, i));
  const size = n * S;
  const seen = new Int32Array(size).fill(-1);
  const parent = new Int32Array(size);
  const parentRel = new Uint8Array(size);
  const queue = new Int32Array(size);
  const depthOf = new Int32Array(size);
  let best: CycleStep[] | undefined;
  let exhaustive = true;
  for (let si = 0; si < n; si++) {
    if (budget.remaining <= 0) {
      exhaustive = false;
      break;
    }
    const source = members[si]!;
    const limit = best === undefined ? Infinity : best.length - 1; // walks longer than this cannot improve
    let head = 0;
    let tail = 0;
    const s0 = si * S;
    seen[s0] = si;
    depthOf[s0] = 0;
    queue[tail++] = s0;
    let found: CycleStep[] | undefined;
    search: while (head < tail) {
      const cur = queue[head++]!;
      const d = depthOf[cur]!;
      if (d >= limit) break;
      budget.remaining--;
      const lv = (cur / S) | 0;
      const st = cur - lv * S;
      const v = members[lv]!;
      for (let e = g.start[v]!; e < g.start[v + 1]!; e++) {
        const w = g.to[e]!;
        if (inComponent[w] !== id) continue;
        const rels = g.rel[e]! & a.allowed;
        if (rels === 0) continue;
        const lw = w === source ? si : local.get(w)!;
        for (let r = 0; r < 5; r++) {
          const bit = 1 << r;
          if ((rels & bit) === 0) continue;
          const t = a.next[st * 5 + r]!;
          if (t < 0) continue;
          if (w === source) {
            if (a.accept[t] === 1) {
              const steps = pathTo(cur, S, members, parent, parentRel, s0);
              steps.push({ from: v, to: w, rel: bit });
              if (isSimple(steps)) {
                found = steps;
                break search;
              }
            }
            continue;
          }
          const ns = lw * S + t;
          if (seen[ns] === si) continue;
          seen[ns] = si;
          parent[ns] = cur;
          parentRel[ns] = bit;
          depthOf[ns] = d + 1;
          queue[tail++] = ns;
        }
      }
    }
    if (found !== undefined && (best === undefined || found.length < best.length)) {
      best = found;
      if (best.length === 2) break; // no cycle is shorter
    }
  }
  if (best === undefined) return undefined;
  return { steps: best, exhaustive };
}

function pathTo(state: number, S: number, members: readonly number[], parent: Int32Array, parentRel: Uint8Array, root: number): CycleStep[] {
  const steps: CycleStep[] = [];
  let cur = state;
  while (cur !== root) {
    const p = parent[cur]!;
    steps.push({ from: members[(p / S) | 0]!, to: members[(cur / S) | 0]!, rel: parentRel[cur]! });
    cur = p;
  }
  return steps.reverse();
}

function isSimple(steps: readonly CycleStep[]): boolean {
  const seen = new Set<number>();
  for (const s of steps) {
    if (seen.has(s.from)) return false;
    seen.add(s.from);
  }
  return true;
}
