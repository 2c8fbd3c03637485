// An ABD replica: holds the newest (timestamp, value) it has seen.

import type { Actor } from '../../checker/index.ts';
import type { Value } from '../register/messages.ts';
import type { AbdMessage } from './abd-messages.ts';
import { compareTimestamps, type Timestamp } from './timestamp.ts';

export interface AbdReplicaState {
  readonly ts: Timestamp;
  readonly value: Value;
}

export function abdReplica(): Actor<AbdReplicaState, AbdMessage> {
  return {
    name: 'replica',
    durable: ['ts', 'value'],
    init: () => ({ ts: [0, 0], value: null }),
    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Query':
          ctx.send(from, { type: 'QueryReply', req: msg.req, ts: s.ts, value: s.value });
          return;
        case 'Update':
          if (compareTimestamps(msg.ts, s.ts) > 0) {
            s.ts = msg.ts;
            s.value = msg.value;
          }
          ctx.send(from, { type: 'UpdateAck', req: msg.req });
          return;
        default:
          return;
      }
    },
  };
}
