// From a history's events to transactions, the step every reader (JSON, Jepsen EDN) shares.
//
// Two styles are accepted, as Elle accepts them:
// - invoke/completion pairs (Jepsen's histories): each process invokes a transaction, then
//   completes it with ok, fail or info. An invocation still open at the end is info. Positions are
//   the events' places in the history, so real-time order is event order.
// - completions only (as Elle's own tests are written): no invoke events at all; each
//   transaction then occupies its own point in the order, so it precedes every later one.

import { InputError } from '../../errors.ts';
import type { Completion, MicroOp, Txn, TxnHistory, Value, Workload } from './txn.ts';

export interface TxnEvent {
  readonly type: 'invoke' | Completion;
  readonly process: number | string;
  readonly ops: readonly MicroOp[];
  /** Jepsen's `:index`, when the file gives one. */
  readonly index?: number;
  /** Where the event is, e.g. `file.json:7`. */
  readonly where: string;
}

export function historyFromEvents(events: readonly TxnEvent[], workload: Workload): TxnHistory {
  for (const e of events) validateOps(e, workload);
  const paired = events.some((e) => e.type === 'invoke');
  const txns: Txn[] = [];
  if (!paired) {
    events.forEach((e, i) => {
      const pos = 2 * i;
      const base = { id: e.index ?? i, process: e.process, type: e.type as Completion, ops: e.ops, invoke: pos, where: e.where };
      txns.push(e.type === 'info' ? base : { ...base, complete: pos });
    });
    return { workload, txns };
  }
  const open = new Map<number | string, { event: TxnEvent; at: number }>();
  events.forEach((e, i) => {
    if (e.type === 'invoke') {
      const prior = open.get(e.process);
      if (prior !== undefined) {
        throw new InputError(`${e.where}: process ${String(e.process)} invokes a transaction while its one at ${prior.event.where} has not completed`);
      }
      open.set(e.process, { event: e, at: i });
      return;
    }
    const inv = open.get(e.process);
    if (inv === undefined) throw new InputError(`${e.where}: process ${String(e.process)} completes a transaction it did not invoke`);
    open.delete(e.process);
    if (e.type === 'ok' && e.ops.length !== inv.event.ops.length) {
      throw new InputError(`${e.where}: the completion has ${e.ops.length} micro-operations, its invocation at ${inv.event.where} ${inv.event.ops.length}`);
    }
    // A failed or indeterminate transaction's reads are unknown; what it tried to write is what the
    // invocation says.
    const ops = e.type === 'ok' ? e.ops : inv.event.ops;
    const base = { id: e.index ?? i, process: e.process, type: e.type, ops, invoke: inv.at, where: e.where };
    txns.push(e.type === 'info' ? base : { ...base, complete: i });
  });
  for (const { event, at } of open.values()) {
    txns.push({ id: event.index ?? at, process: event.process, type: 'info', ops: event.ops, invoke: at, where: event.where });
  }
  return { workload, txns };
}

function validateOps(e: TxnEvent, workload: Workload): void {
  for (const op of e.ops) {
    const fault = microOpFault(op, workload);
    if (fault !== undefined) throw new InputError(`${e.where}: ${fault}`);
  }
}

function isValue(v: unknown): v is Value {
  return (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string';
}

/** Why a micro-operation does not belong to `workload`, or undefined. */
export function microOpFault(op: MicroOp, workload: Workload): string | undefined {
  const v: unknown = op.value;
  if (workload === 'list-append') {
    if (op.f === 'w') return `a write (w) in a list-append history; expected append or r`;
    if (op.f === 'append') return isValue(v) ? undefined : `append ${String(op.key)}: the value must be a number or a string`;
    if (v === null) return undefined;
    if (!Array.isArray(v) || !v.every(isValue)) return `r ${String(op.key)}: a list-append read returns a list of values or nil`;
    return undefined;
  }
  if (op.f === 'append') return `an append in an rw-register history; expected w or r`;
  if (op.f === 'r' && v === null) return undefined;
  return isValue(v) ? undefined : `${op.f} ${String(op.key)}: an rw-register value must be a number, a string or nil`;
}
