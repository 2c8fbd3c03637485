// Building a lasso from a fair component: the shortest path (in the product with the property's
// progress bit) to the component, then a cycle through it that visits every state of the component
// and takes one edge of every fair class taken inside it, so that the cycle's behaviour is fair
// exactly as the component is. A component of one state with no step inside is left by stuttering:
// the cycle is empty and the run stays in the last state for ever.

import type { StateGraph } from './graph.ts';
import { UNFAIR } from './fairness.ts';

/** The edges of a cycle from `entry` back to `entry` through every state of component `c`. */
export function cycleThrough(g: StateGraph, c: readonly number[], inComponent: (v: number) => boolean, entry: number): number[] {
  if (c.length === 1) return [];
  const { offsets, to, cls } = g;
  const needed = new Map<number, number>(); // class -> one edge of it inside c
  for (const v of c) {
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const k = cls[e]!;
      if (k !== UNFAIR && to[e] !== v && inComponent(to[e]!) && !needed.has(k)) needed.set(k, e);
    }
  }
  const cycle: number[] = [];
  const onCycle = new Set<number>([entry]);
  let at = entry;
  const walk = (target: number): void => {
    for (const e of pathWithin(g, at, target, inComponent)) {
      cycle.push(e);
      onCycle.add(to[e]!);
    }
    at = target;
  };
  for (const e of needed.values()) {
    walk(g.sourceOf(e));
    cycle.push(e);
    at = to[e]!;
    onCycle.add(at);
  }
  for (const v of c) if (!onCycle.has(v)) walk(v);
  walk(entry);
  return cycle;
}

/** The edges of a shortest path from `a` to `b` inside the component (empty when a = b). */
function pathWithin(g: StateGraph, a: number, b: number, inComponent: (v: number) => boolean): number[] {
  if (a === b) return [];
  const parent = new Map<number, number>([[a, -1]]);
  const queue = [a];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
      const w = g.to[e]!;
      if (parent.has(w) || !inComponent(w)) continue;
      parent.set(w, e);
      if (w === b) {
        const path: number[] = [];
        for (let x = b; x !== a; ) {
          const pe = parent.get(x)!;
          path.push(pe);
          x = g.sourceOf(pe);
        }
        return path.reverse();
      }
      queue.push(w);
    }
  }
  throw new Error('internal: a component is not strongly connected');
}
