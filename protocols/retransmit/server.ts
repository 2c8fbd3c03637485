// The server answers every request it receives, repeated ones included (answering is idempotent).

import type { Actor } from '../../checker/index.ts';
import type { Message } from './messages.ts';

/** The server keeps nothing: it answers each request as it comes. */
export type ServerState = Readonly<Record<string, never>>;

export const server: Actor<ServerState, Message> = {
  name: 'server',
  init: () => ({}),
  onMessage(_s, from, msg, ctx) {
    if (msg.type === 'Request') ctx.send(from, { type: 'Reply' });
  },
};
