// A Raft server as an actor: Figure 2's handlers wired to messages and timers, with Figure 2's
// persistent state as its durable fields.

import type { Actor, Draft } from '../../checker/index.ts';
import { onAppendEntries, onAppendEntriesResult } from './append-entries.ts';
import { onClientRequest } from './client-requests.ts';
import { sameEntry, type Entry } from './log.ts';
import type { Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import { onElectionTimeout, onRequestVote, onRequestVoteResult } from './request-vote.ts';
import { ELECTION_TIMEOUT, heartbeatPeer, onHeartbeatTimeout, type Ctx } from './rules.ts';
import { noGhost, type ServerState } from './server-state.ts';
import { emptyStore } from './state-machine.ts';

/** A server that has just started (term 0, empty log) or restarted from its persistent state. */
function follower(durable: Partial<ServerState>, ctx: Ctx): ServerState {
  ctx.setTimer(ELECTION_TIMEOUT);
  return {
    role: 'follower',
    currentTerm: durable.currentTerm ?? 0,
    votedFor: durable.votedFor ?? null,
    log: durable.log ?? [],
    commitIndex: 0,
    lastApplied: 0,
    stateMachine: emptyStore(),
    votesGranted: [],
    nextIndex: {},
    matchIndex: {},
    awaiting: [],
    ghost: durable.ghost ?? noGhost(),
  };
}

export function server(options: RaftOptions): Actor<ServerState, Message> {
  const persistent: (keyof ServerState & string)[] =
    options.bug === 'votedfor-not-durable' ? ['currentTerm', 'log'] : ['currentTerm', 'votedFor', 'log'];
  return {
    name: 'server',
    // Figure 2's persistent state, and the observer's record (which the protocol never reads).
    durable: [...persistent, 'ghost'],

    init: (ctx) => follower({}, ctx),
    recover: (durable, ctx) => follower(durable, ctx),

    onMessage(s, from, m, ctx) {
      monitorLeaderAppendOnly(s, () => {
        switch (m.type) {
          case 'RequestVote':
            return onRequestVote(s, from, m, ctx, options);
          case 'RequestVoteResult':
            return onRequestVoteResult(s, from, m, ctx, options);
          case 'AppendEntries':
            return onAppendEntries(s, from, m, ctx);
          case 'AppendEntriesResult':
            return onAppendEntriesResult(s, from, m, ctx, options);
          case 'ClientRequest':
            return onClientRequest(s, from, m, ctx, options);
          case 'ClientReply':
            return;
        }
      });
    },

    onTimer(s, timer, ctx) {
      monitorLeaderAppendOnly(s, () => {
        if (timer === ELECTION_TIMEOUT) return onElectionTimeout(s, ctx, options);
        const peer = heartbeatPeer(timer, ctx);
        if (peer !== undefined) onHeartbeatTimeout(s, peer, ctx, options);
      });
    },
  };
}

/**
 * Leader Append-Only is a property of a step: a leader never overwrites or deletes entries in its
 * log. The monitor compares the log before and after each step the server takes as leader of the
 * same term, and records a violation in the ghost state for the property to report.
 */
function monitorLeaderAppendOnly(s: Draft<ServerState>, step: () => void): void {
  const wasLeader = s.role === 'leader';
  const term = s.currentTerm;
  const before: Entry[] = wasLeader ? s.log.map((e) => ({ ...e })) : [];
  step();
  if (!wasLeader || s.role !== 'leader' || s.currentTerm !== term) return;
  const kept = before.every((e, i) => s.log[i] !== undefined && sameEntry(e, s.log[i]!));
  if (!kept) s.ghost.rewroteLogAsLeader = true;
}
