// Strongly connected components by Tarjan's algorithm, iteratively (an explicit stack instead of
// recursion, so a history of a million transactions cannot overflow the call stack).

import type { Graph } from './graph.ts';

/**
 * The components with at least two vertices (the graph has no self-loops, so only those hold
 * cycles), each a list of vertices, considering only edges with a relation in `mask`.
 */
export function stronglyConnectedComponents(g: Graph, mask: number): number[][] {
  const { n, start, to, rel } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callV = new Int32Array(n);
  const callE = new Int32Array(n);
  let depth = 0;
  let next = 0;
  const out: number[][] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    // Vertices without an edge in the mask are singleton components: skip the bookkeeping.
    callV[0] = root;
    callE[0] = start[root]!;
    depth = 1;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const v = callV[depth - 1]!;
      let e = callE[depth - 1]!;
      const end = start[v + 1]!;
      let descended = false;
      while (e < end) {
        const w = to[e]!;
        const r = rel[e]!;
        e++;
        if ((r & mask) === 0) continue;
        if (index[w] === -1) {
          callE[depth - 1] = e;
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          callV[depth] = w;
          callE[depth] = start[w]!;
          depth++;
          descended = true;
          break;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
      }
      if (descended) continue;
      // v is finished.
      depth--;
      if (low[v] === index[v]) {
        if (stack[sp - 1] === v) {
          sp--;
          onStack[v] = 0;
        } else {
          const component: number[] = [];
          let w: number;
          do {
            w = stack[--sp]!;
            onStack[w] = 0;
            component.push(w);
          } while (w !== v);
          out.push(component);
        }
      }
      if (depth > 0) {
        const parent = callV[depth - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return out;
}
