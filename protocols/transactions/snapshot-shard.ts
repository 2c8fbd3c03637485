// A shard of the multi-version store. Each key keeps its committed appends with their commit
// timestamps; a transaction reads the versions committed at or before its start timestamp (its
// snapshot) plus its own appends. First committer wins: a transaction appending to a key that
// another committed to after its snapshot, or that an undecided transaction has appended to, is
// refused. A read of a key with an undecided append is refused too: that transaction may commit
// below the reader's snapshot, and its versions are not installed yet.
//
// Bug variant:
//   si-no-write-conflict-check  appends are not checked against later commits (lost update)

import type { Actor } from '../../checker/index.ts';
import type { MicroOp, Value } from '../../checker/transactions.ts';
import type { TxnId } from './messages.ts';
import type { SnapshotMsg } from './snapshot-messages.ts';

export type SnapshotBug = 'si-no-write-conflict-check';

export interface SnapshotShardState {
  /** Per key, its committed appends in commit order, each with its commit timestamp. */
  readonly versions: Readonly<Record<string, readonly (readonly [Value, number])[]>>;
  /** Per undecided transaction, its appends (installed at Commit). */
  readonly pending: Readonly<Record<string, readonly (readonly [string, Value])[]>>;
}

export function snapshotShard(bug?: SnapshotBug): Actor<SnapshotShardState, SnapshotMsg> {
  return {
    name: 'shard',
    init: () => ({ versions: {}, pending: {} }),
    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Execute': {
          const locked = (key: string): boolean => Object.entries(s.pending).some(([t, w]) => Number(t) !== msg.txn && w.some(([k]) => k === key));
          const touched = new Set(msg.ops.map((op) => String(op.key)));
          const writes = new Set(msg.ops.filter((op) => op.f !== 'r').map((op) => String(op.key)));
          const laterCommit = (key: string): boolean => (s.versions[key] ?? []).some(([, ts]) => ts > msg.start);
          const refused = [...touched].some((k) => locked(k)) || (bug !== 'si-no-write-conflict-check' && [...writes].some((k) => laterCommit(k)));
          if (refused) {
            ctx.send(from, { type: 'Refused', txn: msg.txn });
            return;
          }
          const own: [string, Value][] = [];
          const done: MicroOp[] = [];
          for (const op of msg.ops) {
            const key = String(op.key);
            if (op.f === 'r') {
              const snapshot = (s.versions[key] ?? []).filter(([, ts]) => ts <= msg.start).map(([v]) => v);
              done.push({ f: 'r', key: op.key, value: [...snapshot, ...own.filter(([k]) => k === key).map(([, v]) => v)] });
            } else {
              own.push([key, op.value]);
              done.push(op);
            }
          }
          if (own.length > 0) s.pending[msg.txn] = own;
          ctx.send(from, { type: 'Executed', txn: msg.txn, ops: done });
          return;
        }
        case 'Commit':
          for (const [key, value] of s.pending[msg.txn] ?? []) s.versions[key] = [...(s.versions[key] ?? []), [value, msg.ts]];
          delete s.pending[msg.txn];
          return;
        case 'Abort':
          delete s.pending[msg.txn];
          return;
        default:
          return;
      }
    },
  };
}
