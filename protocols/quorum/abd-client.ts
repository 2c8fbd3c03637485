// An ABD client runs each operation in two phases, each waiting for a majority of replicas:
//   write(v): query for the highest timestamp (c, _), then update with (c + 1, own id) and v;
//   read():   query for the highest (timestamp, value), then write that back before returning it,
//             so that no later read can return an older value.
// The `read-without-write-back` bug returns after the query: two reads can invert.

import type { Actor, Context, Draft, Id, RegisterInput, RegisterOutput } from '../../checker/index.ts';
import type { Value } from '../register/messages.ts';
import type { AbdMessage } from './abd-messages.ts';
import type { AbdOptions } from './options.ts';
import { compareTimestamps, type Timestamp } from './timestamp.ts';
import { formatOp, type Op } from './workload.ts';

export interface AbdClientState {
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

export function abdClient(options: AbdOptions): Actor<AbdClientState, AbdMessage, string, RegisterInput, RegisterOutput> {
  const script = (ctx: Ctx): readonly Op[] => options.workload[ctx.system.clientIndex(ctx.self)] ?? [];

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
    init: (ctx) => ({ op: 0, next: script(ctx)[0] ?? null, phase: 'idle', replies: [], acks: [], result: null }),

    // A client invokes its next operation whenever it likes.
    choices: (s) => (s.phase !== 'idle' || s.next === null ? [] : [formatOp(s.next)]),

    onChoice(s, _choice, ctx) {
      ctx.invoke(s.next!);
      s.next = null;
      s.phase = 'query';
      ctx.broadcast({ type: 'Query', req: s.op }, ctx.servers);
    },

    onMessage(s, from, msg, ctx) {
      const quorum = ctx.system.majority;
      if (!('req' in msg) || msg.req !== s.op) return;
      if (msg.type === 'QueryReply' && s.phase === 'query') {
        if (s.replies.some(([r]) => r === from)) return;
        s.replies.push([from, msg.ts, msg.value]);
        s.replies.sort((a, b) => a[0] - b[0]);
        if (s.replies.length < quorum) return;
        const [, ts, value] = s.replies.reduce((a, b) => (compareTimestamps(b[1], a[1]) > 0 ? b : a));
        const op = script(ctx)[s.op]!;
        if (op.f === 'read' && options.bug === 'read-without-write-back') return finish(s, { value }, ctx);
        const update: { ts: Timestamp; value: Value } =
          op.f === 'write' ? { ts: [ts[0] + 1, ctx.self], value: op.value } : { ts, value };
        s.phase = 'update';
        s.result = op.f === 'read' ? value : null;
        ctx.broadcast({ type: 'Update', req: s.op, ...update }, ctx.servers);
      } else if (msg.type === 'UpdateAck' && s.phase === 'update') {
        if (s.acks.includes(from)) return;
        s.acks.push(from);
        s.acks.sort((a, b) => a - b);
        if (s.acks.length < quorum) return;
        finish(s, script(ctx)[s.op]!.f === 'read' ? { value: s.result } : {}, ctx);
      }
    },
  };
}
