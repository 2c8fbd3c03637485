// Process-order and real-time edges, for the session and strict models.
//
// Process order: each process's transactions in the order it ran them; an indeterminate (info)
// transaction may take effect after its process moved on, so it gets no outgoing process edge
// (its predecessor is linked to its successor instead). Real time: T1 → T2 when
// T1 completed before T2 was invoked. Real time is a quadratic relation; only its transitive
// reduction is added (a sweep over the events keeps the frontier of completed transactions not
// yet followed by a later completion), which preserves every cycle through real-time edges.
// Failed transactions are left out: they did not happen.

import { PROCESS, REALTIME, type EdgeList } from './graph.ts';
import type { Txn } from './txn.ts';

export function addProcessEdges(txns: readonly Txn[], edges: EdgeList): void {
  const byProcess = new Map<number | string, number[]>();
  for (let t = 0; t < txns.length; t++) {
    if (txns[t]!.type === 'fail') continue;
    const p = txns[t]!.process;
    let list = byProcess.get(p);
    if (list === undefined) byProcess.set(p, (list = []));
    list.push(t);
  }
  for (const list of byProcess.values()) {
    list.sort((a, b) => txns[a]!.invoke - txns[b]!.invoke);
    let lastOk = -1;
    for (const t of list) {
      if (lastOk >= 0) edges.add(lastOk, t, PROCESS);
      if (txns[t]!.type === 'ok') lastOk = t;
    }
  }
}

export function addRealtimeEdges(txns: readonly Txn[], edges: EdgeList): void {
  // Invocations and completions, each sorted by position (histories list transactions roughly in
  // completion order, so these sorts are nearly linear), then swept together; at equal positions
  // invocations go first.
  const invokes: number[] = [];
  const completes: number[] = [];
  for (let t = 0; t < txns.length; t++) {
    const txn = txns[t]!;
    if (txn.type === 'fail') continue;
    invokes.push(t);
    if (txn.complete !== undefined) completes.push(t);
  }
  invokes.sort((a, b) => txns[a]!.invoke - txns[b]!.invoke);
  completes.sort((a, b) => txns[a]!.complete! - txns[b]!.complete!);
  let frontier: number[] = [];
  const predecessors: (number[] | undefined)[] = new Array(txns.length);
  let c = 0;
  for (const t of invokes) {
    const at = txns[t]!.invoke;
    for (; c < completes.length && txns[completes[c]!]!.complete! < at; c++) frontier = complete(completes[c]!, frontier, predecessors);
    if (frontier.length === 0) continue;
    for (const p of frontier) edges.add(p, t, REALTIME);
    predecessors[t] = frontier;
  }
}

/** t completes: it replaces its predecessors in the frontier (whatever follows t follows them). */
function complete(t: number, frontier: number[], predecessors: (number[] | undefined)[]): number[] {
  const before = predecessors[t];
  predecessors[t] = undefined;
  if (before === undefined) return [...frontier, t];
  const next = frontier.filter((p) => !before.includes(p));
  next.push(t);
  return next;
}
