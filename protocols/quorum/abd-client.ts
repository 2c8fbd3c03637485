// An ABD client runs each operation in two phases, each waiting for a majority of replicas:
//   write(v): query for the highest timestamp (c, _), then update with (c + 1, own id) and v;
//   read():   query for the highest (timestamp, value), then write that back before returning it,
//             so that no later read can return an older value.
// The `read-without-write-back` bug returns after the query: two reads can invert.

import type { Actor, Context, Draft, Id } from '../../checker/index.ts';
import type { Value } from '../register/messages.ts';
import type { RegisterInput, RegisterOutput } from '../register/register-spec.ts';
import type { AbdMessage } from './abd-messages.ts';
import type { AbdOptions } from './options.ts';
import { compareTimestamps, type Timestamp } from './timestamp.ts';
import { copyOp, formatOp, type Op } from './workload.ts';

export interface AbdClientState {
  readonly role: 'client';
  /** Index of the current operation in the script (= `req` of its messages). */
  readonly op: number;
  /** The operation to invoke next, when idle; null once the script is done. */
  readonly next: Op | null;
  readonly phase: 'idle' | 'query' | 'update';
  /** Query replies: (replica, timestamp, value), sorted by replica. */
  readonly replies: readonly (readonly [Id, Timestamp, Value])[];
  readonly acks: readonly Id[];
  /** For a read in its update phase: the value it will return. */
  readonly result: Value;
}

type Ctx = Context<AbdMessage, RegisterInput, RegisterOutput>;

const majority = (n: number): number => Math.floor(n / 2) + 1;

export function abdClient(options: AbdOptions): Actor<AbdClientState, AbdMessage, string, RegisterInput, RegisterOutput> {
  const script = (ctx: Ctx): readonly Op[] => options.workload[ctx.self - ctx.servers.length] ?? [];

  function finish(s: Draft<AbdClientState>, output: RegisterOutput, ctx: Ctx): void {
    ctx.complete(output);
    s.op += 1;
    s.next = script(ctx)[s.op] ?? null;
    s.phase = 'idle';
    s.replies = [];
    s.acks = [];
    s.result = null;
  }

  return {
    name: 'client',
    init: (ctx) => ({ role: 'client', op: 0, next: script(ctx)[0] ?? null, phase: 'idle', replies: [], acks: [], result: null }),

    // A client invokes its next operation whenever it likes.
    choices: (s) => (s.phase !== 'idle' || s.next === null ? [] : [formatOp(s.next)]),

    onChoice(s, _choice, ctx) {
      const op = copyOp(s.next!);
      ctx.invoke(op);
      s.next = null;
      s.phase = 'query';
      ctx.broadcast({ type: 'Query', req: s.op }, ctx.servers);
    },

    onMessage(s, from, msg, ctx) {
      const quorum = majority(ctx.servers.length);
      if (!('req' in msg) || msg.req !== s.op) return;
      if (msg.type === 'QueryReply' && s.phase === 'query') {
        const replies = s.replies as (readonly [Id, Timestamp, Value])[];
        if (replies.some(([r]) => r === from)) return;
        replies.push([from, msg.ts, msg.value]);
        replies.sort((a, b) => a[0] - b[0]);
        if (replies.length < quorum) return;
        const [, ts, value] = replies.reduce((a, b) => (compareTimestamps(b[1], a[1]) > 0 ? b : a));
        const op = script(ctx)[s.op]!;
        if (op.f === 'read' && options.bug === 'read-without-write-back') return finish(s, { value }, ctx);
        const update: { ts: Timestamp; value: Value } =
          op.f === 'write' ? { ts: [ts[0] + 1, ctx.self], value: op.value } : { ts: [ts[0], ts[1]], value };
        s.phase = 'update';
        s.result = op.f === 'read' ? value : null;
        ctx.broadcast({ type: 'Update', req: s.op, ...update }, ctx.servers);
      } else if (msg.type === 'UpdateAck' && s.phase === 'update') {
        const acks = s.acks as Id[];
        if (acks.includes(from)) return;
        acks.push(from);
        acks.sort((a, b) => a - b);
        if (acks.length < quorum) return;
        finish(s, script(ctx)[s.op]!.f === 'read' ? { value: s.result } : {}, ctx);
      }
    },
  };
}
