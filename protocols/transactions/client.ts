// A client of the store runs a script of transactions, one at a time, and coordinates each by
// two-phase commit: it sends every shard involved the micro-ops on its keys (Execute, which is
// also the prepare), and once every shard has voted, commits if all executed them, else aborts.
// The transaction is recorded as invoked when the Executes go out and as completed (ok with what
// it read, or fail) at the decision.

import type { Actor } from '../../checker/index.ts';
import type { Key, MicroOp, TxnInput, TxnResult } from '../../checker/transactions.ts';
import type { StoreMsg, TxnId } from './messages.ts';
import { shardOf } from './shard.ts';

export interface ScriptedTxn {
  readonly ops: readonly MicroOp[];
  /** The application rolls the transaction back once it has executed (e.g. a failed check). */
  readonly rollback?: boolean;
}

export interface ClientState {
  readonly role: 'client';
  /** The script position of the running transaction (= the script's length when done). */
  readonly next: number;
  /** Per shard involved: its executed micro-ops, 'refused', or null while awaited. */
  readonly votes: Readonly<Record<string, readonly MicroOp[] | 'refused' | null>>;
}

/** A transaction's id: unique per client and script position. */
const txnId = (client: number, position: number): TxnId => client * 16 + position;

export function storeClient(scripts: readonly (readonly ScriptedTxn[])[], keys: readonly Key[]): Actor<ClientState, StoreMsg, never, TxnInput, TxnResult> {
  const scriptOf = (self: number, servers: number): readonly ScriptedTxn[] => scripts[self - servers] ?? [];
  const begin = (position: number, ctx: Parameters<NonNullable<Actor<ClientState, StoreMsg, never, TxnInput, TxnResult>['onMessage']>>[3]): Record<string, null> => {
    const script = scriptOf(ctx.self, ctx.servers.length);
    const votes: Record<string, null> = {};
    const txn = script[position];
    if (txn === undefined) return votes;
    const byShard = new Map<number, MicroOp[]>();
    for (const op of txn.ops) {
      const s = shardOf(op.key, ctx.servers.length, keys);
      byShard.set(s, [...(byShard.get(s) ?? []), op]);
    }
    for (const [s, ops] of byShard) {
      ctx.send(ctx.servers[s]!, { type: 'Execute', txn: txnId(ctx.self, position), ops });
      votes[s] = null;
    }
    ctx.invoke(txn.ops.map((op) => (op.f === 'r' ? { f: 'r', key: op.key, value: null } : op)));
    return votes;
  };
  return {
    name: 'client',
    init: (ctx) => ({ role: 'client', next: 0, votes: begin(0, ctx) }),
    onMessage(s, from, msg, ctx) {
      if (msg.type !== 'Executed' && msg.type !== 'Refused') return;
      if (msg.txn !== txnId(ctx.self, s.next)) return;
      const shardIndex = ctx.servers.indexOf(from);
      s.votes[shardIndex] = msg.type === 'Refused' ? 'refused' : ([...msg.ops] as (typeof s.votes)[string]);
      const votes = Object.entries(s.votes);
      if (votes.some(([, v]) => v === null)) return;
      const txn = scriptOf(ctx.self, ctx.servers.length)[s.next]!;
      const executed = votes.filter(([, v]) => v !== 'refused');
      if (txn.rollback === true || executed.length < votes.length) {
        for (const [shardAt] of executed) ctx.send(ctx.servers[Number(shardAt)]!, { type: 'Abort', txn: msg.txn });
        ctx.complete('fail');
      } else {
        for (const [shardAt] of executed) ctx.send(ctx.servers[Number(shardAt)]!, { type: 'Commit', txn: msg.txn });
        // The executed micro-ops in the transaction's own order: each shard's in the order sent.
        const queues = new Map(votes.map(([at, v]) => [Number(at), [...(v as readonly MicroOp[])]]));
        ctx.complete(txn.ops.map((op) => queues.get(shardOf(op.key, ctx.servers.length, keys))!.shift()!));
      }
      s.next += 1;
      s.votes = begin(s.next, ctx);
    },
  };
}
