// The server answers every request it receives, repeated ones included (answering is idempotent).

import type { Actor } from '../../checker/index.ts';
import type { Message } from './messages.ts';

export interface ServerState {
  readonly role: 'server';
}

export const server: Actor<ServerState, Message> = {
  name: 'server',
  init: () => ({ role: 'server' }),
  onMessage(_s, from, msg, ctx) {
    if (msg.type === 'Request') ctx.send(from, { type: 'Reply' });
  },
};
