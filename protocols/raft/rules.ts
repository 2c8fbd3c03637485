// "Rules for Servers" (Figure 2): the role changes every handler shares, and the timers.

import type { Context, Draft, Id } from '../../checker/index.ts';
import { lastLogIndex } from './log.ts';
import type { Message } from './messages.ts';
import type { ServerState } from './server-state.ts';

export type Ctx = Context<Message>;

/** Armed while a server is follower or candidate: when it fires, the server starts an election. */
export const ELECTION_TIMEOUT = 'election';

/**
 * One per follower while leader: when it fires, the leader sends that follower AppendEntries
 * (entries from nextIndex, or none: a heartbeat). It is armed when there is news for the follower
 * and none is outstanding to it: the leader was elected, took a new entry, advanced commitIndex,
 * or the result of the last one shows the follower lags, refused, or has an old commitIndex. A
 * heartbeat that would tell an up-to-date follower nothing is left out (it changes nothing but
 * the network); so is re-sending after a loss (the model has no RPC timeout).
 */
export const heartbeatTimer = (peer: Id): string => `heartbeat to server${peer + 1}`;

/** There is news for every follower: arm the timers of those with no AppendEntries outstanding. */
export function heartbeatAll(s: Draft<ServerState>, ctx: Ctx): void {
  for (const p of ctx.peers) if (!s.awaiting.includes(p)) ctx.setTimer(heartbeatTimer(p));
}

/** The peer a heartbeat timer belongs to. */
export const heartbeatPeer = (timer: string, ctx: Ctx): Id | undefined => ctx.peers.find((p) => heartbeatTimer(p) === timer);

/** All servers: if an RPC request or response contains term T > currentTerm, set currentTerm = T
 *  and convert to follower. */
export function observeTerm(s: Draft<ServerState>, term: number, ctx: Ctx): void {
  if (term <= s.currentTerm) return;
  s.currentTerm = term;
  s.votedFor = null;
  becomeFollower(s, ctx);
}

export function becomeFollower(s: Draft<ServerState>, ctx: Ctx): void {
  if (s.role === 'follower') return;
  if (s.role === 'leader') for (const p of ctx.peers) ctx.cancelTimer(heartbeatTimer(p));
  s.role = 'follower';
  s.votesGranted = [];
  s.nextIndex = {};
  s.matchIndex = {};
  s.awaiting = [];
  ctx.setTimer(ELECTION_TIMEOUT);
}

/** Leaders, upon election: reinitialise nextIndex and matchIndex, and start sending heartbeats
 *  (the heartbeat timers may fire at once: the paper's initial empty AppendEntries). */
export function becomeLeader(s: Draft<ServerState>, ctx: Ctx): void {
  s.role = 'leader';
  s.votesGranted = [];
  for (const p of ctx.peers) {
    s.nextIndex[p] = lastLogIndex(s.log) + 1;
    s.matchIndex[p] = 0;
  }
  heartbeatAll(s, ctx);
  ctx.cancelTimer(ELECTION_TIMEOUT);
  s.ghost.elected.push(s.currentTerm);
  s.ghost.elected.sort((a, b) => a - b);
}
