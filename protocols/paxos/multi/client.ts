// A key-value client of the replicated log: invokes its scripted operations one at a time (when it
// chooses to), sends each to the distinguished leader — or to every server when leaders may change
// (whoever leads will propose it) — and waits for the reply.

import type { Actor, KvInput, KvOutput } from '../../../checker/index.ts';
import type { Message } from './messages.ts';

export interface KvClientState {
  /** The current operation's number. */
  readonly seq: number;
  readonly waiting: boolean;
  readonly done: boolean;
}

/** `toAll`: send each request to every server (leaders may change), else to the first server. */
export function kvClient(workload: readonly (readonly KvInput[])[], toAll: boolean): Actor<KvClientState, Message, string, KvInput, KvOutput> {
  return {
    name: 'client',
    init: () => ({ seq: 0, waiting: false, done: false }),
    choices: (s) => (s.waiting || s.done ? [] : ['invoke']),
    onChoice(s, _choice, ctx) {
      const op = workload[ctx.system.clientIndex(ctx.self)]?.[s.seq];
      if (op === undefined) {
        s.done = true;
        return;
      }
      s.waiting = true;
      ctx.invoke(op);
      ctx.broadcast({ type: 'Request', command: { client: ctx.self, seq: s.seq, op } }, toAll ? ctx.servers : ctx.servers.slice(0, 1));
    },
    onMessage(s, _from, msg, ctx) {
      if (msg.type !== 'Reply' || !s.waiting || msg.seq !== s.seq) return;
      ctx.complete(msg.output);
      s.waiting = false;
      s.seq += 1;
      if (workload[ctx.system.clientIndex(ctx.self)]?.[s.seq] === undefined) s.done = true;
    },
  };
}
