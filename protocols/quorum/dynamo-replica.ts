// A Dynamo replica: keeps the highest version it has seen.

import type { Actor } from '../../checker/index.ts';
import type { Value } from '../register/messages.ts';
import type { DynamoMessage } from './dynamo-messages.ts';

export interface DynamoReplicaState {
  readonly version: number;
  readonly value: Value;
}

export function dynamoReplica(): Actor<DynamoReplicaState, DynamoMessage> {
  const store = (s: { version: number; value: Value }, version: number, value: Value): void => {
    if (version <= s.version) return;
    s.version = version;
    s.value = value;
  };
  return {
    name: 'replica',
    durable: ['version', 'value'],
    init: () => ({ version: 0, value: null }),
    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Put':
          store(s, msg.version, msg.value);
          ctx.send(from, { type: 'PutAck', req: msg.req });
          return;
        case 'Get':
          ctx.send(from, { type: 'GetReply', req: msg.req, version: s.version, value: s.value });
          return;
        case 'Repair':
          store(s, msg.version, msg.value);
          return;
        default:
          return;
      }
    },
  };
}
