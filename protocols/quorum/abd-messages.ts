// The messages of ABD (Attiya, Bar-Noy & Dolev, "Sharing Memory Robustly in Message-Passing
// Systems"), multi-writer form: a client queries the replicas, then updates them. `req` is the
// client's operation number, so a reply to an earlier operation is recognised as stale.

import { formatValue, type Value } from '../register/messages.ts';
import { formatTimestamp, type Timestamp } from './timestamp.ts';

export type AbdMessage =
  /** Phase 1: what timestamp and value do you hold? */
  | { readonly type: 'Query'; readonly req: number }
  | { readonly type: 'QueryReply'; readonly req: number; readonly ts: Timestamp; readonly value: Value }
  /** Phase 2: store this value unless you hold a newer one. */
  | { readonly type: 'Update'; readonly req: number; readonly ts: Timestamp; readonly value: Value }
  | { readonly type: 'UpdateAck'; readonly req: number };

export function formatAbdMessage(m: AbdMessage): string {
  switch (m.type) {
    case 'Query':
      return `Query#${m.req}`;
    case 'QueryReply':
      return `QueryReply#${m.req}(${formatValue(m.value)}@${formatTimestamp(m.ts)})`;
    case 'Update':
      return `Update#${m.req}(${formatValue(m.value)}@${formatTimestamp(m.ts)})`;
    case 'UpdateAck':
      return `UpdateAck#${m.req}`;
  }
}
