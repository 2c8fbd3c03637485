// Stateright's single-copy register server: one copy of the value, no replication. Linearizable
// with one server; with two, a client can read the other server's stale copy.

import type { Actor } from '../../checker/index.ts';
import type { RegisterMsg, Value } from './messages.ts';

export interface SingleCopyState {
  readonly value: Value;
}

export function singleCopyServer(): Actor<SingleCopyState, RegisterMsg> {
  return {
    name: 'server',
    init: () => ({ value: null }),
    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Put':
          s.value = msg.value;
          ctx.send(from, { type: 'PutOk', req: msg.req });
          return;
        case 'Get':
          ctx.send(from, { type: 'GetOk', req: msg.req, value: s.value });
          return;
        default:
          return;
      }
    },
  };
}
