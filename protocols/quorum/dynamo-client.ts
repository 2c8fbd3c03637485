// A Dynamo client acting as its own coordinator: each request goes to all N replicas; a write
// returns after W acknowledgements, a read after R replies, with the highest version among them.
// With R + W > N every read quorum meets every write quorum, so a read sees the last completed
// write; otherwise it may not.

import type { Actor, Context, Draft, Id, RegisterInput, RegisterOutput } from '../../checker/index.ts';
import type { Value } from '../register/messages.ts';
import type { DynamoMessage } from './dynamo-messages.ts';
import type { DynamoOptions } from './options.ts';
import { formatOp, type Op } from './workload.ts';

export interface DynamoClientState {
  /** Index of the current operation in the script (= `req` of its messages). */
  readonly op: number;
  /** The operation to invoke next, when the client is idle; null once the script is done. */
  readonly next: Op | null;
  /** Whether the current operation was invoked and awaits its quorum. */
  readonly waiting: boolean;
  /** The writer's last version. */
  readonly version: number;
  /** Read replies (replica, version, value) or write acks (replica, 0, null), sorted by replica. */
  readonly replies: readonly (readonly [Id, number, Value])[];
}

type Ctx = Context<DynamoMessage, RegisterInput, RegisterOutput>;

export function dynamoClient(options: DynamoOptions): Actor<DynamoClientState, DynamoMessage, string, RegisterInput, RegisterOutput> {
  const script = (ctx: Ctx): readonly Op[] => options.workload[ctx.system.clientIndex(ctx.self)] ?? [];

  function finish(s: Draft<DynamoClientState>, output: RegisterOutput, ctx: Ctx): void {
    ctx.complete(output);
    s.op += 1;
    s.next = script(ctx)[s.op] ?? null;
    s.waiting = false;
    s.replies = [];
  }

  return {
    name: 'client',
    init: (ctx) => ({ op: 0, next: script(ctx)[0] ?? null, waiting: false, version: 0, replies: [] }),

    // A client invokes its next operation whenever it likes: a read may start after a write
    // completed, or while the write is in flight.
    choices: (s) => (s.waiting || s.next === null ? [] : [formatOp(s.next)]),

    onChoice(s, _choice, ctx) {
      const op = s.next!;
      s.waiting = true;
      s.next = null;
      ctx.invoke(op);
      if (op.f === 'write') {
        s.version += 1;
        ctx.broadcast({ type: 'Put', req: s.op, version: s.version, value: op.value }, ctx.servers);
      } else {
        ctx.broadcast({ type: 'Get', req: s.op }, ctx.servers);
      }
    },

    onMessage(s, from, msg, ctx) {
      if (!s.waiting || !('req' in msg) || msg.req !== s.op) return;
      const replies = s.replies;
      if (replies.some(([r]) => r === from)) return;
      if (msg.type === 'PutAck') {
        replies.push([from, 0, null]);
        replies.sort((a, b) => a[0] - b[0]);
        if (replies.length >= options.writeQuorum) finish(s, {}, ctx);
      } else if (msg.type === 'GetReply') {
        replies.push([from, msg.version, msg.value]);
        replies.sort((a, b) => a[0] - b[0]);
        if (replies.length < options.readQuorum) return;
        const [, version, value] = replies.reduce((a, b) => (b[1] > a[1] ? b : a));
        if (options.readRepair) {
          for (const [r, v] of replies) if (v < version) ctx.send(r, { type: 'Repair', version, value });
        }
        finish(s, { value }, ctx);
      }
    },
  };
}
