// A client of the multi-version store: for each scripted transaction it takes a start timestamp
// from the oracle, sends each shard its micro-ops with that snapshot (the prepare), and if every
// shard executed them, takes a commit timestamp and sends Commit with it; otherwise it aborts.
// A read-only transaction commits without a commit timestamp: it installed nothing.

import type { Actor, Context, Draft } from '../../checker/index.ts';
import type { Key, TxnInput, TxnResult } from '../../checker/transactions.ts';
import { allVotes, executedParts, inTxnOrder, invocation, kept, splitByShard, txnId, type ScriptedTxn, type Votes } from './script.ts';
import type { SnapshotMsg } from './snapshot-messages.ts';

export interface SnapshotClientState {
  /** The script position of the running transaction (= the script's length when done). */
  readonly next: number;
  readonly phase: 'begin' | 'execute' | 'commit' | 'done';
  /** The running transaction's start timestamp: its snapshot. */
  readonly start: number;
  readonly votes: Votes;
}

type Ctx = Context<SnapshotMsg, TxnInput, TxnResult>;

export function snapshotClient(scripts: readonly (readonly ScriptedTxn[])[], keys: readonly Key[]): Actor<SnapshotClientState, SnapshotMsg, never, TxnInput, TxnResult> {
  const scriptOf = (ctx: Ctx): readonly ScriptedTxn[] => scripts[ctx.system.clientIndex(ctx.self)] ?? [];
  const oracle = (ctx: Ctx) => ctx.system.playing('oracle')[0]!;
  const shards = (ctx: Ctx) => ctx.system.playing('shard');

  /** Asks the oracle for the start timestamp of the transaction at `position`, if there is one. */
  const begin = (position: number, ctx: Ctx): SnapshotClientState['phase'] => {
    const txn = scriptOf(ctx)[position];
    if (txn === undefined) return 'done';
    ctx.send(oracle(ctx), { type: 'Begin', txn: txnId(ctx.self, position) });
    ctx.invoke(invocation(txn));
    return 'begin';
  };
  const finish = (s: Draft<SnapshotClientState>, ctx: Ctx): void => {
    s.next += 1;
    s.votes = {};
    s.phase = begin(s.next, ctx);
  };

  return {
    name: 'client',
    init: (ctx) => ({ next: 0, phase: begin(0, ctx), start: 0, votes: {} }),
    onMessage(s, from, msg, ctx) {
      if (!('txn' in msg) || msg.txn !== txnId(ctx.self, s.next)) return;
      const txn = scriptOf(ctx)[s.next]!;
      if (msg.type === 'Began' && s.phase === 'begin') {
        s.start = msg.ts;
        s.phase = 'execute';
        for (const [at, ops] of splitByShard(txn.ops, shards(ctx).length, keys)) {
          ctx.send(shards(ctx)[at]!, { type: 'Execute', txn: msg.txn, start: msg.ts, ops });
          s.votes[at] = null;
        }
      } else if ((msg.type === 'Executed' || msg.type === 'Refused') && s.phase === 'execute') {
        s.votes[shards(ctx).indexOf(from)] = msg.type === 'Refused' ? 'refused' : kept(msg.ops);
        const votes = allVotes(s.votes);
        if (votes === null) return;
        const executed = executedParts(votes);
        if (txn.rollback === true || executed.length < votes.length) {
          for (const [at] of executed) ctx.send(shards(ctx)[at]!, { type: 'Abort', txn: msg.txn });
          ctx.complete('fail');
          finish(s, ctx);
        } else if (txn.ops.every((op) => op.f === 'r')) {
          ctx.complete(inTxnOrder(txn.ops, executed, shards(ctx).length, keys));
          finish(s, ctx);
        } else {
          s.phase = 'commit';
          ctx.send(oracle(ctx), { type: 'GetCommitTs', txn: msg.txn });
        }
      } else if (msg.type === 'CommitTs' && s.phase === 'commit') {
        const executed = executedParts(allVotes(s.votes) ?? []);
        for (const [at] of executed) ctx.send(shards(ctx)[at]!, { type: 'Commit', txn: msg.txn, ts: msg.ts });
        ctx.complete(inTxnOrder(txn.ops, executed, shards(ctx).length, keys));
        finish(s, ctx);
      }
    },
  };
}
