// Log replication (§5.3): the leader's AppendEntries RPC, its receiver, and the result.

import type { Draft, Id } from '../../checker/index.ts';
import { advanceCommitIndex, applyCommitted } from './commit.ts';
import { lastLogIndex, termAt } from './log.ts';
import type { Message } from './messages.ts';
import type { RaftOptions } from './options.ts';
import { becomeFollower, ELECTION_TIMEOUT, newsFor, observeTerm, type Ctx } from './rules.ts';
import type { ServerState } from './server-state.ts';

type AppendEntries = Extract<Message, { type: 'AppendEntries' }>;
type AppendEntriesResult = Extract<Message, { type: 'AppendEntriesResult' }>;

/** AppendEntries receiver (Figure 2, steps 1–5). */
export function onAppendEntries(s: Draft<ServerState>, from: Id, m: AppendEntries, ctx: Ctx): void {
  observeTerm(s, m.term, ctx);
  const reply = (success: boolean, matchIndex: number): void =>
    ctx.send(from, { type: 'AppendEntriesResult', term: s.currentTerm, success, matchIndex, leaderCommit: m.leaderCommit });
  const reject = (): void => reply(false, 0);
  // 1. Reply false if term < currentTerm. (A leader never hears from another leader of its own
  //    term while Election Safety holds; if it does, it refuses.)
  if (m.term < s.currentTerm || s.role === 'leader') return reject();
  // Candidates: if AppendEntries is received from the new leader, convert to follower.
  becomeFollower(s, ctx);
  // Followers: it is from the current leader, so no election is due: restart the election timeout.
  ctx.setTimer(ELECTION_TIMEOUT);
  // 2. Reply false if the log does not contain an entry at prevLogIndex whose term matches.
  if (termAt(s.log, m.prevLogIndex) !== m.prevLogTerm) return reject();
  m.entries.forEach((entry, i) => {
    const index = m.prevLogIndex + 1 + i;
    // 3. If an existing entry conflicts with a new one (same index, different terms), delete the
    //    existing entry and all that follow it.
    if (index <= lastLogIndex(s.log) && termAt(s.log, index) !== entry.term) s.log.splice(index - 1);
    // 4. Append any new entries not already in the log.
    if (index > lastLogIndex(s.log)) s.log.push(entry);
  });
  const lastNewEntry = m.prevLogIndex + m.entries.length;
  // 5. If leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry).
  if (m.leaderCommit > s.commitIndex) s.commitIndex = Math.max(s.commitIndex, Math.min(m.leaderCommit, lastNewEntry));
  applyCommitted(s, ctx);
  reply(true, lastNewEntry);
}

/** Leaders: on success update nextIndex and matchIndex for the follower; if AppendEntries fails
 *  because of log inconsistency, decrement nextIndex and retry. */
export function onAppendEntriesResult(s: Draft<ServerState>, from: Id, m: AppendEntriesResult, ctx: Ctx, options: RaftOptions): void {
  observeTerm(s, m.term, ctx);
  if (s.role !== 'leader' || m.term !== s.currentTerm || !s.awaiting.includes(from)) return;
  s.awaiting = s.awaiting.filter((p) => p !== from);
  if (m.success) {
    s.matchIndex[from] = Math.max(s.matchIndex[from]!, m.matchIndex);
    s.nextIndex[from] = Math.max(s.nextIndex[from]!, m.matchIndex + 1);
    advanceCommitIndex(s, ctx, options);
  } else {
    // Never below what the follower is known to hold.
    s.nextIndex[from] = Math.max(s.matchIndex[from]! + 1, s.nextIndex[from]! - 1);
  }
  const news = !m.success || s.nextIndex[from]! <= lastLogIndex(s.log) || m.leaderCommit < s.commitIndex;
  if (news) newsFor(s, from, ctx, options);
}
