// What a client of either store runs: a script of transactions, one at a time. A transaction's
// micro-ops are split over the shards that hold their keys, each shard executes its part in the
// order sent, and the client puts the executed parts back in the transaction's own order.

import type { Draft } from '../../checker/index.ts';
import type { Key, MicroOp, TxnInput } from '../../checker/transactions.ts';
import type { TxnId } from './messages.ts';

export interface ScriptedTxn {
  readonly ops: readonly MicroOp[];
  /** The application rolls the transaction back once it has executed (e.g. a failed check). */
  readonly rollback?: boolean;
}

/** Per shard involved (its index among the shards): its executed micro-ops, 'refused', or null while awaited. */
export type Votes = Readonly<Record<string, readonly MicroOp[] | 'refused' | null>>;

/** A transaction's id: unique per client node and script position. */
export const txnId = (client: number, position: number): TxnId => client * 16 + position;

/** The shard (its index among the shards) that holds `key`: the keys are dealt out in order. */
export function shardOf(key: Key, shards: number, keys: readonly Key[]): number {
  return keys.indexOf(key) % shards;
}

/** The transaction as invoked: its reads' values are not known yet. */
export function invocation(txn: ScriptedTxn): TxnInput {
  return txn.ops.map((op) => (op.f === 'r' ? { f: 'r', key: op.key, value: null } : op));
}

/** The transaction's micro-ops by the shard that holds their keys, each shard's in order. */
export function splitByShard(ops: readonly MicroOp[], shards: number, keys: readonly Key[]): Map<number, MicroOp[]> {
  const byShard = new Map<number, MicroOp[]>();
  for (const op of ops) {
    const at = shardOf(op.key, shards, keys);
    byShard.set(at, [...(byShard.get(at) ?? []), op]);
  }
  return byShard;
}

/**
 * A shard's executed part as the client keeps it in its state. Immer's draft types want what a
 * handler stores to be mutable; a part is never changed once received, so it is kept as it came.
 */
export const kept = (part: readonly MicroOp[]): Draft<readonly MicroOp[]> => part as Draft<readonly MicroOp[]>;

/** Every shard's vote once all are in (null while some is awaited). */
export function allVotes(votes: Votes): [shard: number, vote: readonly MicroOp[] | 'refused'][] | null {
  const all: [number, readonly MicroOp[] | 'refused'][] = [];
  for (const [at, vote] of Object.entries(votes)) {
    if (vote === null) return null;
    all.push([Number(at), vote]);
  }
  return all;
}

/** The shards that executed their part, with what they executed. */
export function executedParts(votes: readonly (readonly [number, readonly MicroOp[] | 'refused'])[]): [shard: number, ops: readonly MicroOp[]][] {
  return votes.filter((v): v is [number, readonly MicroOp[]] => v[1] !== 'refused');
}

/** The executed micro-ops in the transaction's own order, from each shard's part (in the order sent). */
export function inTxnOrder(ops: readonly MicroOp[], parts: readonly (readonly [number, readonly MicroOp[]])[], shards: number, keys: readonly Key[]): MicroOp[] {
  const queues = new Map(parts.map(([at, done]) => [at, [...done]]));
  return ops.map((op) => queues.get(shardOf(op.key, shards, keys))!.shift()!);
}
