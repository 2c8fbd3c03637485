// Dynamo-style replication (DeCandia et al., "Dynamo", §4.5): a coordinator sends every request to
// all N replicas and answers after W write acknowledgements or R read replies. Versions order the
// values (a single writer numbers its writes, standing in for vector clocks).

import { formatValue, type Value } from '../register/messages.ts';

export type DynamoMessage =
  | { readonly type: 'Put'; readonly req: number; readonly version: number; readonly value: Value }
  | { readonly type: 'PutAck'; readonly req: number }
  | { readonly type: 'Get'; readonly req: number }
  | { readonly type: 'GetReply'; readonly req: number; readonly version: number; readonly value: Value }
  /** Read repair: a newer version for a replica that replied with an older one. */
  | { readonly type: 'Repair'; readonly version: number; readonly value: Value };

export function formatDynamoMessage(m: DynamoMessage): string {
  switch (m.type) {
    case 'Put':
      return `Put#${m.req}(${formatValue(m.value)} v${m.version})`;
    case 'PutAck':
      return `PutAck#${m.req}`;
    case 'Get':
      return `Get#${m.req}`;
    case 'GetReply':
      return `GetReply#${m.req}(${formatValue(m.value)} v${m.version})`;
    case 'Repair':
      return `Repair(${formatValue(m.value)} v${m.version})`;
  }
}
