// "Rules for Servers" (Figure 2): the role changes every handler shares, the timers, and when a
// leader sends AppendEntries.

import type { Context, Draft, Id } from '../../checker/index.ts';
import { lastLogIndex, termAt } from './log.ts';
import type { Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import type { ServerState } from './server-state.ts';

export type Ctx = Context<Message>;

/**
 * Armed while a server is follower or candidate: when it fires, the server starts an election.
 * Re-armed (restarted) when a follower hears AppendEntries from the current leader or grants a
 * vote. In the explorer re-arming an armed timer changes nothing (timers carry no deadline); in a
 * real run it draws a fresh duration, which is what keeps a follower of a live leader a follower.
 */
export const ELECTION_TIMEOUT = 'election';

/**
 * One per follower while leader: when it fires, the leader sends that follower AppendEntries
 * (entries from nextIndex, or none: a heartbeat).
 *
 * With 'on-news' heartbeats (the default) it is armed only when there is news for the follower and
 * none is outstanding to it (see `newsFor`). A heartbeat that would tell an up-to-date follower
 * nothing is left out (it changes nothing but the network); so is re-sending after a loss (no RPC
 * timeout).
 *
 * With 'periodic' heartbeats it stays armed from election on, and when it fires the leader sends
 * AppendEntries even if one is outstanding: the heartbeat during idle periods, and the resend of a
 * request or result that was lost. News is sent at once instead.
 */
export const heartbeatTimer = (peer: Id): string => `heartbeat to server${peer + 1}`;

/** The peer a heartbeat timer belongs to. */
export const heartbeatPeer = (timer: string, ctx: Ctx): Id | undefined => ctx.peers.find((p) => heartbeatTimer(p) === timer);

/** Leaders: send AppendEntries with the log entries starting at nextIndex (none: a heartbeat). */
export function sendAppendEntries(s: Draft<ServerState>, peer: Id, ctx: Ctx): void {
  if (!s.awaiting.includes(peer)) {
    s.awaiting.push(peer);
    s.awaiting.sort((a, b) => a - b);
  }
  const prevLogIndex = s.nextIndex[peer]! - 1;
  ctx.send(peer, {
    type: 'AppendEntries',
    term: s.currentTerm,
    prevLogIndex,
    prevLogTerm: termAt(s.log, prevLogIndex)!,
    entries: s.log.slice(prevLogIndex),
    leaderCommit: s.commitIndex,
  });
}

/**
 * Leaders: there is news for `peer` (the leader was elected, took a new entry, advanced
 * commitIndex, or the result of the last AppendEntries shows the follower lags, refused, or has an
 * old commitIndex). Unless an AppendEntries is outstanding to it, send one: at once with periodic
 * heartbeats, else when its heartbeat timer, armed now, fires.
 */
export function newsFor(s: Draft<ServerState>, peer: Id, ctx: Ctx, options: RaftOptions): void {
  if (s.awaiting.includes(peer)) return;
  if (options.heartbeats === 'periodic') sendAppendEntries(s, peer, ctx);
  else ctx.setTimer(heartbeatTimer(peer));
}

/** There is news for every follower. */
export function newsForAll(s: Draft<ServerState>, ctx: Ctx, options: RaftOptions): void {
  for (const p of ctx.peers) newsFor(s, p, ctx, options);
}

/** Leaders: a follower's heartbeat timer fired: send it AppendEntries; with periodic heartbeats,
 *  even if one is outstanding, and keep the timer armed. */
export function onHeartbeatTimeout(s: Draft<ServerState>, peer: Id, ctx: Ctx, options: RaftOptions): void {
  if (s.role !== 'leader') return;
  sendAppendEntries(s, peer, ctx);
  if (options.heartbeats === 'periodic') ctx.setTimer(heartbeatTimer(peer));
}

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

/** Leaders, upon election: reinitialise nextIndex and matchIndex, and send initial empty
 *  AppendEntries (heartbeat) to each server: with 'on-news' heartbeats by arming the heartbeat
 *  timers (which may fire at once), with periodic ones at once, the timers armed to repeat them. */
export function becomeLeader(s: Draft<ServerState>, ctx: Ctx, options: RaftOptions): void {
  s.role = 'leader';
  s.votesGranted = [];
  for (const p of ctx.peers) {
    s.nextIndex[p] = lastLogIndex(s.log) + 1;
    s.matchIndex[p] = 0;
  }
  if (options.heartbeats === 'periodic') for (const p of ctx.peers) ctx.setTimer(heartbeatTimer(p));
  newsForAll(s, ctx, options);
  ctx.cancelTimer(ELECTION_TIMEOUT);
  s.ghost.elected.push(s.currentTerm);
  s.ghost.elected.sort((a, b) => a - b);
}
