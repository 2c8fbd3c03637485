// The messages of a sharded transactional store: a client (acting as the two-phase-commit
// coordinator of its own transaction) sends each shard the micro-ops on its keys; the shard
// executes them under its locks and votes with the results (Executed) or refuses (a lock is held:
// no-wait locking, so no deadlock); the client then decides Commit or Abort.

import type { MicroOp } from '../../checker/transactions.ts';

/** A transaction's id: its client's id and its place in the client's script. */
export type TxnId = number;

export type StoreMsg =
  | { readonly type: 'Execute'; readonly txn: TxnId; readonly ops: readonly MicroOp[] }
  | { readonly type: 'Executed'; readonly txn: TxnId; readonly ops: readonly MicroOp[] }
  | { readonly type: 'Refused'; readonly txn: TxnId }
  | { readonly type: 'Commit'; readonly txn: TxnId }
  | { readonly type: 'Abort'; readonly txn: TxnId };

/** Micro-ops as a message shows them: `r x, append y 1`. */
export function showOps(ops: readonly MicroOp[]): string {
  return ops.map((op) => `${op.f} ${String(op.key)}${op.value === null ? '' : ` ${JSON.stringify(op.value)}`}`).join(', ');
}

export function formatStoreMsg(m: StoreMsg): string {
  switch (m.type) {
    case 'Execute':
    case 'Executed':
      return `${m.type}(t${m.txn}: ${showOps(m.ops)})`;
    default:
      return `${m.type}(t${m.txn})`;
  }
}
