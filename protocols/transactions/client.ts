// A client of the store runs a script of transactions, one at a time, and coordinates each by
// two-phase commit: it sends every shard involved the micro-ops on its keys (Execute, which is
// also the prepare), and once every shard has voted, commits if all executed them, else aborts.
// The transaction is recorded as invoked when the Executes go out and as completed (ok with what
// it read, or fail) at the decision.

import type { Actor, Context } from '../../checker/index.ts';
import type { Key, TxnInput, TxnResult } from '../../checker/transactions.ts';
import type { StoreMsg } from './messages.ts';
import { allVotes, executedParts, inTxnOrder, invocation, kept, splitByShard, txnId, type ScriptedTxn, type Votes } from './script.ts';

export interface ClientState {
  /** The script position of the running transaction (= the script's length when done). */
  readonly next: number;
  readonly votes: Votes;
}

type Ctx = Context<StoreMsg, TxnInput, TxnResult>;

export function storeClient(scripts: readonly (readonly ScriptedTxn[])[], keys: readonly Key[]): Actor<ClientState, StoreMsg, never, TxnInput, TxnResult> {
  const scriptOf = (ctx: Ctx): readonly ScriptedTxn[] => scripts[ctx.system.clientIndex(ctx.self)] ?? [];
  const shards = (ctx: Ctx) => ctx.system.playing('shard');

  /** Sends the transaction at `position` to its shards (none once the script is done); its votes, all awaited. */
  const begin = (position: number, ctx: Ctx): Record<string, null> => {
    const votes: Record<string, null> = {};
    const txn = scriptOf(ctx)[position];
    if (txn === undefined) return votes;
    for (const [at, ops] of splitByShard(txn.ops, shards(ctx).length, keys)) {
      ctx.send(shards(ctx)[at]!, { type: 'Execute', txn: txnId(ctx.self, position), ops });
      votes[at] = null;
    }
    ctx.invoke(invocation(txn));
    return votes;
  };

  return {
    name: 'client',
    init: (ctx) => ({ next: 0, votes: begin(0, ctx) }),
    onMessage(s, from, msg, ctx) {
      if (msg.type !== 'Executed' && msg.type !== 'Refused') return;
      if (msg.txn !== txnId(ctx.self, s.next)) return;
      s.votes[shards(ctx).indexOf(from)] = msg.type === 'Refused' ? 'refused' : kept(msg.ops);
      const votes = allVotes(s.votes);
      if (votes === null) return;
      const txn = scriptOf(ctx)[s.next]!;
      const executed = executedParts(votes);
      if (txn.rollback === true || executed.length < votes.length) {
        for (const [at] of executed) ctx.send(shards(ctx)[at]!, { type: 'Abort', txn: msg.txn });
        ctx.complete('fail');
      } else {
        for (const [at] of executed) ctx.send(shards(ctx)[at]!, { type: 'Commit', txn: msg.txn });
        ctx.complete(inTxnOrder(txn.ops, executed, shards(ctx).length, keys));
      }
      s.next += 1;
      s.votes = begin(s.next, ctx);
    },
  };
}
