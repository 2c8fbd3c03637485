// A client: proposes its value through one server and returns the value that was chosen. Its
// history is a write-once register's: propose(v) returns the first value ever proposed-and-chosen.

import type { Actor } from '../../checker/index.ts';
import type { Message } from './messages.ts';
import type { ProposeInput, ProposeOutput } from './write-once-spec.ts';

export interface ClientState {
  readonly role: 'client';
  readonly value: string;
  readonly chosen: string | null;
}

/** Client k proposes the k-th letter ('a', 'b', …) through server k mod S. */
export const clientValue = (k: number): string => String.fromCharCode(97 + k);

export function client(): Actor<ClientState, Message, never, ProposeInput, ProposeOutput> {
  return {
    name: 'client',
    init(ctx) {
      const k = ctx.self - ctx.servers.length;
      const value = clientValue(k);
      ctx.send(ctx.servers[k % ctx.servers.length]!, { type: 'Propose', value });
      ctx.invoke({ f: 'propose', value });
      return { role: 'client', value, chosen: null };
    },
    onMessage(s, _from, msg, ctx) {
      if (msg.type !== 'Chosen' || s.chosen !== null) return;
      s.chosen = msg.value;
      ctx.complete({ value: msg.value });
    },
  };
}
