// A shard of the store: the lists at its keys, with strict two-phase locking. Shared locks for
// reads, exclusive locks for appends, all held until the transaction's Commit or Abort (strict
// 2PL, hence serializable). Appends are made in place and undone on Abort. Locking is no-wait: a
// transaction that finds a conflicting lock is refused and its client aborts it.
//
// Bug variants, each a classic way to lose isolation:
//   no-read-locks               reads take no lock and return the committed values (read skew)
//   read-uncommitted            reads take no lock and return values in place, committed or not
//   release-locks-before-commit locks are released once the shard has voted, before the decision

import type { Actor } from '../../checker/index.ts';
import type { MicroOp, Value } from '../../checker/transactions.ts';
import type { StoreMsg, TxnId } from './messages.ts';

export type ShardBug = 'no-read-locks' | 'read-uncommitted' | 'release-locks-before-commit';

interface Lock {
  readonly exclusive: TxnId | null;
  readonly shared: TxnId[];
}

export interface ShardState {
  /** Each key's list, uncommitted appends included. */
  readonly lists: Readonly<Record<string, readonly Value[]>>;
  /** Per transaction not yet decided, the appends it made here (to undo on Abort). */
  readonly undo: Readonly<Record<string, readonly (readonly [string, Value])[]>>;
  readonly locks: Readonly<Record<string, Lock>>;
}

const FREE: Lock = { exclusive: null, shared: [] };

export function shard(bug?: ShardBug): Actor<ShardState, StoreMsg> {
  const readsLock = bug !== 'no-read-locks' && bug !== 'read-uncommitted';
  return {
    name: 'shard',
    init: () => ({ lists: {}, undo: {}, locks: {} }),
    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Execute': {
          const wanted = locksWanted(msg.ops, readsLock);
          const conflict = [...wanted].some(([key, exclusive]) => conflicts(s.locks[key] ?? FREE, msg.txn, exclusive));
          if (conflict) {
            ctx.send(from, { type: 'Refused', txn: msg.txn });
            return;
          }
          for (const [key, exclusive] of wanted) s.locks[key] = acquire(s.locks[key] ?? FREE, msg.txn, exclusive);
          const done: MicroOp[] = [];
          for (const op of msg.ops) {
            const key = String(op.key);
            if (op.f === 'r') {
              const list = s.lists[key] ?? [];
              // Reading what is committed means leaving out the appends of undecided others.
              const visible = bug === 'no-read-locks' ? list.filter((v) => !appendedByOthers(s.undo, key, v, msg.txn)) : list;
              done.push({ f: 'r', key: op.key, value: [...visible] });
            } else {
              s.lists[key] = [...(s.lists[key] ?? []), op.value];
              s.undo[msg.txn] = [...(s.undo[msg.txn] ?? []), [key, op.value]];
              done.push(op);
            }
          }
          if (bug === 'release-locks-before-commit') release(s, msg.txn);
          ctx.send(from, { type: 'Executed', txn: msg.txn, ops: done });
          return;
        }
        case 'Commit':
          delete s.undo[msg.txn];
          release(s, msg.txn);
          return;
        case 'Abort':
          for (const [key, value] of s.undo[msg.txn] ?? []) s.lists[key] = s.lists[key]!.filter((v) => v !== value);
          delete s.undo[msg.txn];
          release(s, msg.txn);
          return;
        default:
          return;
      }
    },
  };
}

/** Per key, whether the transaction needs it exclusively (it appends) or shared (it only reads). */
function locksWanted(ops: readonly MicroOp[], readsLock: boolean): Map<string, boolean> {
  const wanted = new Map<string, boolean>();
  for (const op of ops) {
    const key = String(op.key);
    if (op.f !== 'r') wanted.set(key, true);
    else if (readsLock && !wanted.has(key)) wanted.set(key, false);
  }
  return wanted;
}

function conflicts(lock: Lock, txn: TxnId, exclusive: boolean): boolean {
  if (lock.exclusive !== null && lock.exclusive !== txn) return true;
  return exclusive && lock.shared.some((t) => t !== txn);
}

function acquire(lock: Lock, txn: TxnId, exclusive: boolean): Lock {
  if (exclusive) return { exclusive: txn, shared: lock.shared.filter((t) => t !== txn) };
  return lock.exclusive === txn || lock.shared.includes(txn) ? lock : { exclusive: lock.exclusive, shared: [...lock.shared, txn].sort((a, b) => a - b) };
}

function release(s: { locks: Record<string, Lock> }, txn: TxnId): void {
  for (const key of Object.keys(s.locks)) {
    const lock = s.locks[key]!;
    const next = { exclusive: lock.exclusive === txn ? null : lock.exclusive, shared: lock.shared.filter((t) => t !== txn) };
    if (next.exclusive === null && next.shared.length === 0) delete s.locks[key];
    else s.locks[key] = next;
  }
}

function appendedByOthers(undo: Readonly<Record<string, readonly (readonly [string, Value])[]>>, key: string, value: Value, txn: TxnId): boolean {
  return Object.entries(undo).some(([t, appends]) => Number(t) !== txn && appends.some(([k, v]) => k === key && v === value));
}
