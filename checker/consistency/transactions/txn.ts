// Histories of transactions, as the isolation checker reads them.
//
// A transaction is a list of micro-operations on keys, in one of two workloads (Elle's):
//
// - list-append: `append k v` adds v to the end of the list at k; `r k` returns the whole list
//   (null when the key was never written). Every appended value is unique per key, so a read
//   reveals the order of every append it includes.
// - rw-register: `w k v` overwrites k with v; `r k` returns the current value (null: the initial
//   version). Every written value is unique per key, so a read names the write it observed.
//
// A transaction completes `ok` (committed; its reads carry values), `fail` (it did not happen) or
// `info` (unknown: it may or may not have committed; its reads are unknown).

export type Workload = 'list-append' | 'rw-register';
export const WORKLOADS: readonly Workload[] = ['list-append', 'rw-register'];

export type Key = string | number;
export type Value = string | number;

export type MicroOp =
  | { readonly f: 'append'; readonly key: Key; readonly value: Value }
  | { readonly f: 'w'; readonly key: Key; readonly value: Value }
  /** list-append: a list or null; rw-register: a value or null (null also: not known yet). */
  | { readonly f: 'r'; readonly key: Key; readonly value: readonly Value[] | Value | null };

export type Completion = 'ok' | 'fail' | 'info';

export interface Txn {
  /** Shown as `T<id>`: the completion's index in the history (Jepsen's `:index` when given). */
  readonly id: number;
  readonly process: number | string;
  readonly type: Completion;
  readonly ops: readonly MicroOp[];
  /**
   * Real-time positions on one axis: the transaction precedes another in real time iff its
   * `complete` is below the other's `invoke`. `complete` is absent for `info` (never returned).
   */
  readonly invoke: number;
  readonly complete?: number;
  /** Where the transaction is in its file, for messages (e.g. `history.edn:12`). */
  readonly where?: string;
}

export interface TxnHistory {
  readonly workload: Workload;
  readonly txns: readonly Txn[];
}

export function txnName(t: Txn): string {
  return `T${t.id}`;
}

export function showValue(v: readonly Value[] | Value | null | undefined): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return `[${v.map((x) => showValue(x)).join(' ')}]`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function showKey(k: Key): string {
  return typeof k === 'string' && /^[A-Za-z_][\w-]*$/.test(k) ? k : JSON.stringify(k);
}

export function showMicroOp(op: MicroOp): string {
  return `${op.f} ${showKey(op.key)} ${showValue(op.value)}`;
}

export function showTxn(t: Txn): string {
  return `[${t.ops.map((op) => showMicroOp(op)).join(', ')}]`;
}
