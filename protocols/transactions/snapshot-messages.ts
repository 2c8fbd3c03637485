// The messages of the multi-version store with snapshot isolation: a timestamp oracle hands out
// start and commit timestamps; shards read at the transaction's start timestamp and check
// write-write conflicts when the transaction's micro-ops arrive (its prepare).

import type { MicroOp } from '../../checker/transactions.ts';
import { showOps, type TxnId } from './messages.ts';

export type SnapshotMsg =
  | { readonly type: 'Begin'; readonly txn: TxnId }
  | { readonly type: 'Began'; readonly txn: TxnId; readonly ts: number }
  | { readonly type: 'Execute'; readonly txn: TxnId; readonly start: number; readonly ops: readonly MicroOp[] }
  | { readonly type: 'Executed'; readonly txn: TxnId; readonly ops: readonly MicroOp[] }
  | { readonly type: 'Refused'; readonly txn: TxnId }
  | { readonly type: 'GetCommitTs'; readonly txn: TxnId }
  | { readonly type: 'CommitTs'; readonly txn: TxnId; readonly ts: number }
  | { readonly type: 'Commit'; readonly txn: TxnId; readonly ts: number }
  | { readonly type: 'Abort'; readonly txn: TxnId };

export function formatSnapshotMsg(m: SnapshotMsg): string {
  switch (m.type) {
    case 'Execute':
    case 'Executed':
      return `${m.type}(t${m.txn}: ${showOps(m.ops)})`;
    case 'Began':
    case 'CommitTs':
    case 'Commit':
      return `${m.type}(t${m.txn}, ts ${m.ts})`;
    default:
      return `${m.type}(t${m.txn})`;
  }
}
