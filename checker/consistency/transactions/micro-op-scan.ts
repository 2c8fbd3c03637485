// Walking a history's micro-operations, as both workloads' analyses do: every write (an append or
// a register write) with whether its own transaction overwrites it, and every read of a committed
// transaction.

import { InputError } from '../../errors.ts';
import { txnName, type Key, type MicroOp, type Txn } from './txn.ts';

type WriteOp = Extract<MicroOp, { f: 'append' | 'w' }>;
type ReadOp = Extract<MicroOp, { f: 'r' }>;

/**
 * Calls `visit` on each write micro-op `f` of every transaction, in history order, with whether a
 * later micro-op of the same transaction writes the key again (the write is then intermediate:
 * never the transaction's final version of the key).
 */
export function forEachWrite(txns: readonly Txn[], f: WriteOp['f'], visit: (t: number, op: WriteOp, intermediate: boolean) => void): void {
  for (let t = 0; t < txns.length; t++) {
    const ops = txns[t]!.ops;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j]!;
      if (op.f !== f) continue;
      visit(t, op as WriteOp, writesAgain(ops, j, op.key, f));
    }
  }
}

function writesAgain(ops: readonly MicroOp[], j: number, key: Key, f: WriteOp['f']): boolean {
  for (let i = j + 1; i < ops.length; i++) if (ops[i]!.f === f && ops[i]!.key === key) return true;
  return false;
}

/** Calls `visit` on each read of every committed transaction, with the read's index in its transaction. */
export function forEachCommittedRead(txns: readonly Txn[], visit: (t: number, j: number, op: ReadOp) => void): void {
  for (let t = 0; t < txns.length; t++) {
    const txn = txns[t]!;
    if (txn.type !== 'ok') continue;
    const ops = txn.ops;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j]!;
      if (op.f === 'r') visit(t, j, op);
    }
  }
}

/** Both workloads need every written value unique per key: `txn` repeats `other`'s write. */
export function valueNotUnique(txn: Txn, write: string, other: Txn, verb: string): InputError {
  return new InputError(`${txn.where ?? txnName(txn)}: ${write}, which ${txnName(other)} also ${verb} (values must be unique per key)`);
}
