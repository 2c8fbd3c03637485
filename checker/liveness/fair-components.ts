// The fair-cycle search: which strongly connected parts of a subgraph a fair behaviour can stay in
// for ever. Iterative Tarjan (no recursion: state graphs are deep), then the fairness test per
// component, refining the component where strong fairness demands it (Emerson and Lei's scheme).
//
// A behaviour may stutter (TLA+'s [][Next]_vars), so every single state is a candidate too: staying
// in it for ever is fair when no fair class is enabled there. That is how a terminal state, or one
// where only faults and unfair choices remain, ends a counterexample ("then stuttering").
//
// A component C (the states a behaviour visits for ever, taking every edge inside C again and
// again; taking more edges never hurts, since enabledness depends only on the states):
// - a weak class enabled in every state of C must be taken inside C. If not, no part of C is fair
//   either (the class stays enabled everywhere and untaken in every part), so C is dropped;
// - a strong class enabled in some state of C must be taken inside C. If not, a fair part of C
//   must avoid the states where that class is enabled: they are removed and the rest is split
//   into components again.
// Self-loops are stuttering: they neither enable nor take a class.

import { UNFAIR } from './fairness.ts';
import type { StateGraph } from './graph.ts';

export interface FairComponents {
  /** Each fair component's states. */
  readonly components: readonly (readonly number[])[];
  /** The index of the fair component a state belongs to, or -1. */
  readonly componentOf: Int32Array;
}

/**
 * The fair components of the subgraph of `g` induced by the states with `allowed[v] === 1`
 * (unexpanded states must not be allowed: their edges, hence their enabled classes, are unknown).
 * `strong[c]` says whether class c is strongly fair (else weakly).
 */
export function fairComponents(g: StateGraph, allowed: Uint8Array, strong: readonly boolean[]): FairComponents {
  const n = g.states;
  const { offsets, to, cls } = g;
  const componentOf = new Int32Array(n).fill(-1);
  const components: number[][] = [];
  const member = new Int32Array(n).fill(-1); // the subproblem a state is in
  const visited = new Int32Array(n).fill(-1); // the subproblem in which Tarjan numbered it
  const onStack = new Int32Array(n).fill(-1);
  const index = new Int32Array(n);
  const low = new Int32Array(n);
  const ptr = new Int32Array(n);
  const inComponent = new Int32Array(n).fill(-1);
  const classes = strong.length;
  const enabledIn = new Int32Array(classes);
  const lastEnabler = new Int32Array(classes).fill(-1);
  const taken = new Uint8Array(classes);
  let componentStamp = 0;

  const roots: number[] = [];
  for (let v = 0; v < n; v++) if (allowed[v] === 1) roots.push(v);
  const work: number[][] = [roots];
  let problem = 0;

  /** Judges component `c`: fair, dropped, or refined into a smaller subproblem. */
  const judge = (c: number[]): void => {
    const stamp = componentStamp++;
    for (const v of c) inComponent[v] = stamp;
    const touched: number[] = [];
    for (const v of c) {
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const k = cls[e]!;
        const w = to[e]!;
        if (k === UNFAIR || w === v) continue;
        if (lastEnabler[k] !== v) {
          if (enabledIn[k] === 0 && taken[k] === 0) touched.push(k);
          lastEnabler[k] = v;
          enabledIn[k]!++;
        }
        if (inComponent[w] === stamp) taken[k] = 1;
      }
    }
    let weakFails = false;
    const strongFails: number[] = [];
    for (const k of touched) {
      if (taken[k] === 0) {
        if (!strong[k] && enabledIn[k] === c.length) weakFails = true;
        if (strong[k]) strongFails.push(k);
      }
    }
    for (const k of touched) {
      enabledIn[k] = 0;
      lastEnabler[k] = -1;
      taken[k] = 0;
    }
    if (weakFails) return;
    if (strongFails.length === 0) {
      const id = components.length;
      components.push(c);
      for (const v of c) componentOf[v] = id;
      return;
    }
    const failing = new Set(strongFails);
    const rest = c.filter((v) => {
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) if (to[e] !== v && failing.has(cls[e]!)) return false;
      return true;
    });
    if (rest.length > 0) work.push(rest);
  };

  const stack: number[] = [];
  const call: number[] = [];
  while (work.length > 0) {
    const nodes = work.pop()!;
    const id = problem++;
    for (const v of nodes) member[v] = id;
    let counter = 0;
    for (const root of nodes) {
      if (visited[root] === id) continue;
      const open = (v: number): void => {
        visited[v] = id;
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = id;
        ptr[v] = offsets[v]!;
        call.push(v);
      };
      open(root);
      while (call.length > 0) {
        const v = call[call.length - 1]!;
        if (ptr[v]! < offsets[v + 1]!) {
          const w = to[ptr[v]!++]!;
          if (member[w] !== id) continue;
          if (visited[w] !== id) open(w);
          else if (onStack[w] === id && index[w]! < low[v]!) low[v] = index[w]!;
          continue;
        }
        call.pop();
        if (call.length > 0) {
          const u = call[call.length - 1]!;
          if (low[v]! < low[u]!) low[u] = low[v]!;
        }
        if (low[v] === index[v]) {
          const c: number[] = [];
          let x: number;
          do {
            x = stack.pop()!;
            onStack[x] = -1;
            c.push(x);
          } while (x !== v);
          judge(c);
        }
      }
    }
  }
  return { components, componentOf };
}
