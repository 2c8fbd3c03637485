// Isolation as a property of explored models. Client actors record transactions as operations:
// the input is the transaction's micro-ops as the client plans them (reads with value null), the
// output the micro-ops as executed (reads with what they returned) or 'fail' when it aborted; an
// operation still pending is indeterminate (info). `txnHistoryOf` turns the recorded history into
// a history of transactions, and the predicates judge it:
//
//     always('Serializable', (s) => serializable(txnHistoryOf(s.history)))
//
// Both are memoised: conversions on the recorded history's identity (most steps leave it
// untouched), verdicts on the history's fingerprint (exploration reaches the same history along
// many paths), in bounded maps.

import type { ClientHistory } from '../../actor/client-history.ts';
import { historyOf } from '../../actor/client-history.ts';
import { fingerprintHex } from '../../fingerprint/hash.ts';
import type { History } from '../history.ts';
import { checkTransactions } from './check.ts';
import type { ConsistencyModel } from './models.ts';
import type { Key, MicroOp, Txn, TxnHistory, Value, Workload } from './txn.ts';

/** What a client invokes: the transaction's micro-ops, reads not yet known (value null). */
export type TxnInput = readonly MicroOp[];
/** What it completes with: the micro-ops as executed, reads filled in; or 'fail' if it aborted. */
export type TxnResult = readonly MicroOp[] | 'fail';

export const append = (key: Key, value: Value): MicroOp => ({ f: 'append', key, value });
export const write = (key: Key, value: Value): MicroOp => ({ f: 'w', key, value });
export const read = (key: Key, value: readonly Value[] | Value | null = null): MicroOp => ({ f: 'r', key, value });

const converted = new WeakMap<object, TxnHistory>();

/**
 * The history of transactions recorded by client actors (the system state's `history`, or the
 * operations `historyOf` gives). The workload is list-append if any transaction appends, else
 * rw-register, unless given.
 */
export function txnHistoryOf(history: ClientHistory<TxnInput, TxnResult> | History<TxnInput, TxnResult>, workload?: Workload): TxnHistory {
  const known = converted.get(history);
  if (known !== undefined && (workload === undefined || known.workload === workload)) return known;
  const isClientHistory = history.length > 0 && Array.isArray(history[0]);
  const ops: History<TxnInput, TxnResult> = isClientHistory
    ? historyOf(history as ClientHistory<TxnInput, TxnResult>)
    : (history as History<TxnInput, TxnResult>);
  const txns: Txn[] = ops.map((op, i): Txn => {
    if (op.ret === undefined) return { id: i, process: op.client, type: 'info', ops: op.input, invoke: op.call };
    if (op.output === 'fail') return { id: i, process: op.client, type: 'fail', ops: op.input, invoke: op.call, complete: op.ret };
    return { id: i, process: op.client, type: 'ok', ops: op.output ?? op.input, invoke: op.call, complete: op.ret };
  });
  const inferred = workload ?? (txns.some((t) => t.ops.some((m) => m.f === 'append')) ? 'list-append' : 'rw-register');
  const result: TxnHistory = { workload: inferred, txns };
  converted.set(history, result);
  return result;
}

export interface IsolationPredicateOptions {
  /** How many verdicts to remember; the oldest are forgotten first. */
  readonly memoSize?: number;
}

/**
 * A predicate that holds unless the history is invalid under `model` (a history where nothing
 * committed yet holds: nothing contradicts the model).
 */
export function isolatedUnder(model: ConsistencyModel, options: IsolationPredicateOptions = {}): (history: TxnHistory) => boolean {
  const limit = options.memoSize ?? 10_000;
  const byIdentity = new WeakMap<TxnHistory, boolean>();
  const byFingerprint = new Map<string, boolean>();
  return (history) => {
    const seen = byIdentity.get(history);
    if (seen !== undefined) return seen;
    const key = fingerprintHex(history);
    let holds = byFingerprint.get(key);
    if (holds === undefined) {
      holds = checkTransactions(history, { models: [model], examplesPerType: 1 }).result !== 'invalid';
      if (byFingerprint.size >= limit) byFingerprint.delete(byFingerprint.keys().next().value!);
      byFingerprint.set(key, holds);
    }
    byIdentity.set(history, holds);
    return holds;
  };
}

export const readCommitted = isolatedUnder('read-committed');
export const repeatableRead = isolatedUnder('repeatable-read');
export const snapshotIsolated = isolatedUnder('snapshot-isolation');
export const serializable = isolatedUnder('serializable');
export const strictSerializable = isolatedUnder('strict-serializable');
