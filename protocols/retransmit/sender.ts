// The sender: sends its request, and resends it each time its retransmission timer fires until
// the reply comes (at most `retries` times, so that the model stays finite).

import type { Actor } from '../../checker/index.ts';
import type { Message } from './messages.ts';
import type { RetransmitOptions } from './options.ts';

export interface SenderState {
  readonly answered: boolean;
  /** Resends so far. */
  readonly resent: number;
}

const RETRANSMIT = 'retransmit';
export const SERVER = 0;

export function sender(options: RetransmitOptions): Actor<SenderState, Message> {
  const retransmits = options.bug !== 'no-retransmission';
  return {
    name: 'sender',
    init(ctx) {
      ctx.send(SERVER, { type: 'Request' });
      if (retransmits && options.retries > 0) ctx.setTimer(RETRANSMIT);
      return { answered: false, resent: 0 };
    },
    onMessage(s, _from, msg, ctx) {
      if (msg.type !== 'Reply' || s.answered) return;
      s.answered = true;
      ctx.cancelTimer(RETRANSMIT);
    },
    onTimer(s, _timer, ctx) {
      if (s.answered) return;
      s.resent++;
      ctx.send(SERVER, { type: 'Request' });
      if (s.resent < options.retries) ctx.setTimer(RETRANSMIT);
    },
  };
}
