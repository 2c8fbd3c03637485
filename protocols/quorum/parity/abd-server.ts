// ABD exactly as Stateright's `linearizable-register` example runs it, for state-count parity
// (BASELINES.md §2: 2 servers, 2 clients = 544). The server that receives a client's Put or Get
// coordinates both phases on the client's behalf: Query a majority (itself included) for the
// highest (seq, value); then Record to a majority — a higher seq and the new value for a write,
// the value read for a read (the write-back) — and reply once a majority acknowledged.

import type { Actor, Id } from '../../../checker/index.ts';
import { formatRegisterMsg, formatValue, isRegisterMsg, type RegisterMsg, type Value } from '../../register/messages.ts';
import { compareTimestamps, formatTimestamp, type Timestamp } from '../timestamp.ts';

export type AbdMsg =
  | { readonly type: 'Query'; readonly req: number }
  | { readonly type: 'AckQuery'; readonly req: number; readonly seq: Timestamp; readonly value: Value }
  | { readonly type: 'Record'; readonly req: number; readonly seq: Timestamp; readonly value: Value }
  | { readonly type: 'AckRecord'; readonly req: number };

export type Phase =
  | {
      readonly kind: 'query';
      readonly req: number;
      readonly requester: Id;
      /** The value to write, or null for a read. */
      readonly write: string | null;
      /** Replies so far, by server id (sorted). */
      readonly responses: readonly (readonly [Id, Timestamp, Value])[];
    }
  | {
      readonly kind: 'record';
      readonly req: number;
      readonly requester: Id;
      /** For a read: the value to return once recorded. */
      readonly read: { readonly value: Value } | null;
      readonly acks: readonly Id[];
    };

export interface AbdServerState {
  readonly seq: Timestamp;
  readonly value: Value;
  readonly phase: Phase | null;
}

function insertSorted<T extends readonly [Id, ...unknown[]]>(xs: T[], x: T): void {
  const i = xs.findIndex((y) => y[0] > x[0]);
  xs.splice(i < 0 ? xs.length : i, 0, x);
}

export function abdServer(): Actor<AbdServerState, RegisterMsg | AbdMsg> {
  return {
    name: 'server',
    init: (ctx) => ({ seq: [0, ctx.self], value: null, phase: null }),

    onMessage(s, from, msg, ctx) {
      const self = ctx.self;
      switch (msg.type) {
        case 'Put':
        case 'Get':
          if (s.phase !== null) return;
          ctx.broadcast({ type: 'Query', req: msg.req });
          s.phase = {
            kind: 'query',
            req: msg.req,
            requester: from,
            write: msg.type === 'Put' ? msg.value : null,
            responses: [[self, s.seq, s.value]],
          };
          return;
        case 'Query':
          ctx.send(from, { type: 'AckQuery', req: msg.req, seq: s.seq, value: s.value });
          return;
        case 'AckQuery': {
          const p = s.phase;
          if (p === null || p.kind !== 'query' || p.req !== msg.req) return;
          insertSorted(p.responses, [from, msg.seq, msg.value]);
          if (p.responses.length !== ctx.system.majority) return;
          const best = p.responses.reduce((a, b) => (compareTimestamps(b[1], a[1]) > 0 ? b : a));
          let seq = best[1];
          let value = best[2];
          let read: { value: Value } | null = null;
          if (p.write !== null) {
            seq = [seq[0] + 1, self];
            value = p.write;
          } else {
            read = { value };
          }
          ctx.broadcast({ type: 'Record', req: p.req, seq, value });
          // Record to itself.
          if (compareTimestamps(seq, s.seq) > 0) {
            s.seq = seq;
            s.value = value;
          }
          s.phase = { kind: 'record', req: p.req, requester: p.requester, read, acks: [self] };
          return;
        }
        case 'Record':
          ctx.send(from, { type: 'AckRecord', req: msg.req });
          if (compareTimestamps(msg.seq, s.seq) > 0) {
            s.seq = msg.seq;
            s.value = msg.value;
          }
          return;
        case 'AckRecord': {
          const p = s.phase;
          if (p === null || p.kind !== 'record' || p.req !== msg.req || p.acks.includes(from)) return;
          p.acks.push(from);
          p.acks.sort((a, b) => a - b);
          if (p.acks.length !== ctx.system.majority) return;
          ctx.send(p.requester, p.read === null ? { type: 'PutOk', req: p.req } : { type: 'GetOk', req: p.req, value: p.read.value });
          s.phase = null;
          return;
        }
        default:
          return;
      }
    },
  };
}

export function formatAbdMsg(m: RegisterMsg | AbdMsg): string {
  if (isRegisterMsg(m)) return formatRegisterMsg(m);
  switch (m.type) {
    case 'Query':
      return `Query(${m.req})`;
    case 'AckQuery':
      return `AckQuery(${m.req}, ${formatTimestamp(m.seq)}, ${formatValue(m.value)})`;
    case 'Record':
      return `Record(${m.req}, ${formatTimestamp(m.seq)}, ${formatValue(m.value)})`;
    case 'AckRecord':
      return `AckRecord(${m.req})`;
  }
}
