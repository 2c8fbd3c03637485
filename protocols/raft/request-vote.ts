// Leader election (§5.2, §5.4.1): the election timeout, the RequestVote RPC and its result.

import type { Draft, Id } from '../../checker/index.ts';
import { atLeastAsUpToDate, lastLogIndex, lastLogTerm } from './log.ts';
import type { Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import { becomeLeader, ELECTION_TIMEOUT, observeTerm, type Ctx } from './rules.ts';
import type { ServerState } from './server-state.ts';

type RequestVote = Extract<Message, { type: 'RequestVote' }>;
type RequestVoteResult = Extract<Message, { type: 'RequestVoteResult' }>;

/**
 * Followers and candidates: if the election timeout elapses, start an election: increment
 * currentTerm, vote for self, send RequestVote to all other servers. (Not beyond `maxTerm`, nor
 * out of turn when the configuration scripts the elections: then the timer is simply re-armed.)
 */
export function onElectionTimeout(s: Draft<ServerState>, ctx: Ctx, options: RaftOptions): void {
  ctx.setTimer(ELECTION_TIMEOUT);
  if (s.role === 'leader' || s.currentTerm >= options.maxTerm) return;
  if (options.elections !== undefined && options.elections[s.currentTerm] !== ctx.self) return;
  s.role = 'candidate';
  s.currentTerm += 1;
  s.votedFor = ctx.self;
  s.votesGranted = [ctx.self];
  if (ctx.system.majority === 1) {
    becomeLeader(s, ctx, options);
    return;
  }
  ctx.broadcast({ type: 'RequestVote', term: s.currentTerm, lastLogIndex: lastLogIndex(s.log), lastLogTerm: lastLogTerm(s.log) });
}

/** RequestVote receiver: grant the vote if the term is current, this server has not voted for
 *  another candidate in it, and the candidate's log is at least as up-to-date as its own. */
export function onRequestVote(s: Draft<ServerState>, from: Id, m: RequestVote, ctx: Ctx, options: RaftOptions): void {
  observeTerm(s, m.term, ctx);
  const logOk = options.bug === 'no-up-to-date-check' || atLeastAsUpToDate(m.lastLogTerm, m.lastLogIndex, s.log);
  const voteGranted = m.term === s.currentTerm && (s.votedFor === null || s.votedFor === from) && logOk;
  if (voteGranted) {
    s.votedFor = from;
    // Followers: granting a vote restarts the election timeout.
    ctx.setTimer(ELECTION_TIMEOUT);
  }
  ctx.send(from, { type: 'RequestVoteResult', term: s.currentTerm, voteGranted });
}

/** Candidates: if votes are received from a majority of servers, become leader. */
export function onRequestVoteResult(s: Draft<ServerState>, from: Id, m: RequestVoteResult, ctx: Ctx, options: RaftOptions): void {
  observeTerm(s, m.term, ctx);
  if (s.role !== 'candidate' || m.term !== s.currentTerm || !m.voteGranted || s.votesGranted.includes(from)) return;
  s.votesGranted.push(from);
  s.votesGranted.sort((a, b) => a - b);
  if (s.votesGranted.length >= ctx.system.majority) becomeLeader(s, ctx, options);
}
