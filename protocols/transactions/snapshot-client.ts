// A client of the multi-version store: for each scripted transaction it takes a start timestamp
// from the oracle, sends each shard its micro-ops with that snapshot (the prepare), and if every
// shard executed them, takes a commit timestamp and sends Commit with it; otherwise it aborts.
// A read-only transaction commits without a commit timestamp: it installed nothing.

import type { Actor, Context } from '../../checker/index.ts';
import type { Key, MicroOp, TxnInput, TxnResult } from '../../checker/transactions.ts';
import type { ScriptedTxn } from './client.ts';
import type { TxnId } from './messages.ts';
import { shardOf } from './shard.ts';
import type { SnapshotMsg } from './snapshot-messages.ts';

export interface SnapshotClientState {
  readonly role: 'client';
  readonly next: number;
  readonly phase: 'begin' | 'execute' | 'commit' | 'done';
  readonly start: number;
  /** Per shard involved: its executed micro-ops, 'refused', or null while awaited. */
  readonly votes: Readonly<Record<string, readonly MicroOp[] | 'refused' | null>>;
}

type Ctx = Context<SnapshotMsg, TxnInput, TxnResult>;

const txnId = (client: number, position: number): TxnId => client * 16 + position;

/** Servers: the oracle first, then the shards. */
export function snapshotClient(scripts: readonly (readonly ScriptedTxn[])[], keys: readonly Key[]): Actor<SnapshotClientState, SnapshotMsg, never, TxnInput, TxnResult> {
  const shards = (ctx: Ctx): number => ctx.servers.length - 1;
  const shardId = (ctx: Ctx, s: number): number => ctx.servers[1 + s]!;
  const scriptOf = (ctx: Ctx): readonly ScriptedTxn[] => scripts[ctx.self - ctx.servers.length] ?? [];
  const begin = (position: number, ctx: Ctx): SnapshotClientState['phase'] => {
    const txn = scriptOf(ctx)[position];
    if (txn === undefined) return 'done';
    ctx.send(ctx.servers[0]!, { type: 'Begin', txn: txnId(ctx.self, position) });
    ctx.invoke(txn.ops.map((op) => (op.f === 'r' ? { f: 'r', key: op.key, value: null } : op)));
    return 'begin';
  };
  const finish = (s: { next: number; phase: SnapshotClientState['phase']; votes: Record<string, unknown> }, ctx: Ctx): void => {
    s.next += 1;
    s.votes = {};
    s.phase = begin(s.next, ctx);
  };
  const executed = (ops: readonly MicroOp[], votes: Readonly<Record<string, readonly MicroOp[] | 'refused' | null>>, ctx: Ctx): MicroOp[] => {
    const queues = new Map(Object.entries(votes).map(([at, v]) => [Number(at), [...(v as readonly MicroOp[])]]));
    return ops.map((op) => queues.get(shardOf(op.key, shards(ctx), keys))!.shift()!);
  };
  return {
    name: 'client',
    init: (ctx) => ({ role: 'client', next: 0, phase: begin(0, ctx), start: 0, votes: {} }),
    onMessage(s, from, msg, ctx) {
      if (!('txn' in msg) || msg.txn !== txnId(ctx.self, s.next)) return;
      const txn = scriptOf(ctx)[s.next]!;
      if (msg.type === 'Began' && s.phase === 'begin') {
        const byShard = new Map<number, MicroOp[]>();
        for (const op of txn.ops) {
          const at = shardOf(op.key, shards(ctx), keys);
          byShard.set(at, [...(byShard.get(at) ?? []), op]);
        }
        s.start = msg.ts;
        s.phase = 'execute';
        for (const [at, ops] of byShard) {
          ctx.send(shardId(ctx, at), { type: 'Execute', txn: msg.txn, start: msg.ts, ops });
          s.votes[at] = null;
        }
      } else if ((msg.type === 'Executed' || msg.type === 'Refused') && s.phase === 'execute') {
        const at = ctx.servers.indexOf(from) - 1;
        s.votes[at] = msg.type === 'Refused' ? 'refused' : ([...msg.ops] as (typeof s.votes)[string]);
        const votes = Object.entries(s.votes);
        if (votes.some(([, v]) => v === null)) return;
        const ok = votes.filter(([, v]) => v !== 'refused');
        if (txn.rollback === true || ok.length < votes.length) {
          for (const [shardAt] of ok) ctx.send(shardId(ctx, Number(shardAt)), { type: 'Abort', txn: msg.txn });
          ctx.complete('fail');
          finish(s, ctx);
        } else if (txn.ops.every((op) => op.f === 'r')) {
          ctx.complete(executed(txn.ops, s.votes, ctx));
          finish(s, ctx);
        } else {
          s.phase = 'commit';
          ctx.send(ctx.servers[0]!, { type: 'GetCommitTs', txn: msg.txn });
        }
      } else if (msg.type === 'CommitTs' && s.phase === 'commit') {
        for (const at of Object.keys(s.votes)) ctx.send(shardId(ctx, Number(at)), { type: 'Commit', txn: msg.txn, ts: msg.ts });
        ctx.complete(executed(txn.ops, s.votes, ctx));
        finish(s, ctx);
      }
    },
  };
}
