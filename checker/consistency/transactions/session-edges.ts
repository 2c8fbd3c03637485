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
  // Events: 2t = invoke of t, 2t+1 = completion of t; at equal positions invocations go first.
  const events: number[] = [];
  for (let t = 0; t < txns.length; t++) {
    const txn = txns[t]!;
    if (txn.type === 'fail') continue;
    events.push(2 * t);
    if (txn.complete !== undefined) events.push(2 * t + 1);
  }
  const at = (e: number): number => (e % 2 === 0 ? txns[e >> 1]!.invoke : txns[e >> 1]!.complete!);
  events.sort((x, y) => at(x) - at(y) || (x % 2) - (y % 2));
  let frontier: number[] = [];
  const predecessors = new Map<number, number[]>();
  for (const e of events) {
    const t = e >> 1;
    if (e % 2 === 0) {
      if (frontier.length === 0) continue;
      for (const p of frontier) edges.add(p, t, REALTIME);
      predecessors.set(t, frontier);
    } else {
      const before = predecessors.get(t);
      predecessors.delete(t);
      // Those that precede t also precede whatever t precedes: t replaces them in the frontier.
      frontier = before === undefined ? [...frontier, t] : [...frontier.filter((p) => !before.includes(p)), t];
    }
  }
}
