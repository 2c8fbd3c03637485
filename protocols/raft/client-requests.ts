// Client interaction (§8): only the leader takes requests. It appends the command to its log and
// answers once the entry is committed and applied (see `applyCommitted`); reads go through the
// log too, so they are linearizable.

import type { Draft, Id } from '../../checker/index.ts';
import type { Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import { newsForAll, type Ctx } from './rules.ts';
import type { ServerState } from './server-state.ts';
import { read } from './state-machine.ts';

type ClientRequest = Extract<Message, { type: 'ClientRequest' }>;

export function onClientRequest(s: Draft<ServerState>, from: Id, m: ClientRequest, ctx: Ctx, options: RaftOptions): void {
  // A follower or candidate refuses; the client tries another server.
  if (s.role !== 'leader') return ctx.send(from, { type: 'ClientReply', seq: m.seq, ok: false });
  if (options.bug === 'leader-reads-locally' && m.op.f === 'get') {
    // The bug: a deposed leader that has not heard of its successor answers from stale state.
    return ctx.send(from, { type: 'ClientReply', seq: m.seq, ok: true, result: read(s.stateMachine.data, m.op) });
  }
  const entry = { term: s.currentTerm, client: from, seq: m.seq, op: m.op };
  if (options.bug === 'leader-overwrites-unapplied') {
    // The bug: the new entry goes right after the last applied one, replacing what follows.
    s.log.splice(s.lastApplied, s.log.length - s.lastApplied, entry);
  } else {
    // If command received from client: append entry to local log.
    s.log.push(entry);
  }
  newsForAll(s, ctx, options);
}
