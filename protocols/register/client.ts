// The register test client of Stateright's examples (`RegisterActor::Client`, put_count 1), step
// for step, so that state counts can be compared with Stateright's:
//
//   client i (ids after the S servers, client index k) sends Put(i, 'A' + k) to server i mod S at start;
//   on the matching PutOk it sends Get(2i) to server (i + 1) mod S; on the matching GetOk it is done.
//
// The invocation is recorded when the request is sent, the return when the reply is delivered.

import type { Actor, RegisterInput, RegisterOutput } from '../../checker/index.ts';
import type { RegisterMsg, Value } from './messages.ts';

export interface ClientState {
  /** The request id whose reply the client waits for. */
  readonly awaiting: number | null;
  /** Operations started (Stateright's `op_count`: 3 once the Get has returned). */
  readonly ops: number;
}

export function registerClient<M extends { readonly type: string }>(): Actor<ClientState, RegisterMsg | M, never, RegisterInput, RegisterOutput> {
  return {
    name: 'client',

    init(ctx) {
      const id = ctx.self;
      const servers = ctx.servers.length;
      const value = String.fromCharCode('A'.charCodeAt(0) + ctx.system.clientIndex(id));
      ctx.send(ctx.servers[id % servers]!, { type: 'Put', req: id, value });
      ctx.invoke({ f: 'write', value });
      return { awaiting: id, ops: 1 };
    },

    onMessage(s, _from, msg, ctx) {
      const m = msg as RegisterMsg;
      if (s.awaiting === null || !('req' in m) || m.req !== s.awaiting) return;
      if (m.type === 'PutOk') {
        const id = ctx.self;
        const req = (s.ops + 1) * id;
        ctx.complete({});
        ctx.send(ctx.servers[(id + s.ops) % ctx.servers.length]!, { type: 'Get', req });
        ctx.invoke({ f: 'read' });
        s.awaiting = req;
        s.ops += 1;
      } else if (m.type === 'GetOk') {
        ctx.complete({ value: m.value satisfies Value });
        s.awaiting = null;
        s.ops += 1;
      }
    },
  };
}
