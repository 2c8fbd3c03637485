// Small histories written as Elle's tests write them: completions only, one transaction a line,
// micro-ops as [f, key, value] tuples.

import { historyFromEvents, type TxnEvent } from '../../../checker/consistency/transactions/history-events.ts';
import type { MicroOp, TxnHistory, Value, Workload } from '../../../checker/consistency/transactions/txn.ts';

export type Op = ['append' | 'w', string, Value] | ['r', string, readonly Value[] | Value | null];

const micro = (ops: readonly Op[]): MicroOp[] =>
  ops.map(([f, key, value]) => (f === 'r' ? { f, key, value } : { f, key, value: value as Value }));

export const ok = (process: number, ...ops: Op[]): TxnEvent => ({ type: 'ok', process, ops: micro(ops), where: 'test' });
export const fail = (process: number, ...ops: Op[]): TxnEvent => ({ type: 'fail', process, ops: micro(ops), where: 'test' });
export const info = (process: number, ...ops: Op[]): TxnEvent => ({ type: 'info', process, ops: micro(ops), where: 'test' });
export const invoke = (process: number, ...ops: Op[]): TxnEvent => ({ type: 'invoke', process, ops: micro(ops), where: 'test' });

export const appendHistory = (...events: TxnEvent[]): TxnHistory => historyFromEvents(events, 'list-append');
export const registerHistory = (...events: TxnEvent[]): TxnHistory => historyFromEvents(events, 'rw-register');
export const historyOf = (workload: Workload, events: readonly TxnEvent[]): TxnHistory => historyFromEvents(events, workload);
