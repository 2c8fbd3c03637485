// A client: invokes its operations one at a time, each at a server of its choosing. A server that
// is not the leader refuses, and the client tries again at a server of its choosing; the leader
// answers once the command is applied. A request that is never answered stays pending.

import type { Actor, Id } from '../../checker/index.ts';
import type { Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import { formatOp, type KvOp, type KvResult } from './state-machine.ts';

export interface ClientState {
  /** This client's operations (fixed by the configuration). */
  readonly ops: readonly KvOp[];
  /** The servers this client may send to. */
  readonly contacts: readonly Id[];
  /** The index of the current operation, which is also its request number. */
  readonly seq: number;
  /** idle: the operation is not invoked yet; waiting: a server has the request; refused: a
   *  server said it is not the leader. */
  readonly status: 'idle' | 'waiting' | 'refused';
}

/** E.g. `invoke put(x, "1") at server2`: invoke (or retry) the current operation at a server. */
export type ClientChoice = string;

export function client(options: RaftOptions): Actor<ClientState, Message, ClientChoice, KvOp, KvResult> {
  const servers: Id[] = Array.from({ length: options.servers }, (_, i) => i);
  const label = (s: ClientState, op: KvOp, server: Id): ClientChoice =>
    `${s.status === 'refused' ? 'retry' : 'invoke'} ${formatOp(op)} at server${server + 1}`;

  return {
    name: 'client',
    // Clients follow the servers, in order: client c runs options.clients[c].
    init(ctx) {
      const c = ctx.system.clientIndex(ctx.self);
      return { ops: options.clients[c] ?? [], contacts: options.contacts?.[c] ?? servers, seq: 0, status: 'idle' };
    },

    choices(s) {
      const op = s.ops[s.seq];
      if (s.status === 'waiting' || op === undefined) return [];
      return s.contacts.map((server) => label(s, op, server));
    },

    onChoice(s, choice, ctx) {
      const op = s.ops[s.seq];
      const server = s.contacts.find((id) => op !== undefined && label(s, op, id) === choice);
      if (op === undefined || server === undefined) return;
      if (s.status === 'idle') ctx.invoke(op);
      s.status = 'waiting';
      ctx.send(server, { type: 'ClientRequest', seq: s.seq, op });
    },

    onMessage(s, _from, m, ctx) {
      if (m.type !== 'ClientReply' || s.status !== 'waiting' || m.seq !== s.seq) return;
      if (!m.ok) {
        s.status = 'refused';
        return;
      }
      ctx.complete(m.result);
      s.seq += 1;
      s.status = 'idle';
    },
  };
}
