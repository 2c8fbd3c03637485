// Committing and applying entries (§5.3, §5.4.2).

import type { Draft } from '../../checker/index.ts';
import { lastLogIndex } from './log.ts';
import type { RaftOptions } from './options.ts';
import { newsForAll, type Ctx } from './rules.ts';
import type { ServerState } from './server-state.ts';
import { execute } from './state-machine.ts';

/**
 * Leaders: if there exists an N > commitIndex such that a majority of matchIndex[i] >= N and
 * log[N].term == currentTerm, set commitIndex = N. Only entries of the current term are committed
 * by counting replicas; earlier ones are committed with them (§5.4.2, Figure 8).
 */
export function advanceCommitIndex(s: Draft<ServerState>, ctx: Ctx, options: RaftOptions): void {
  for (let n = lastLogIndex(s.log); n > s.commitIndex; n--) {
    const currentTermOnly = options.bug !== 'commit-previous-term';
    if (currentTermOnly && s.log[n - 1]!.term !== s.currentTerm) continue;
    const replicas = 1 + ctx.peers.filter((p) => (s.matchIndex[p] ?? 0) >= n).length;
    if (replicas < ctx.system.majority) continue;
    for (let i = s.commitIndex + 1; i <= n; i++) recordCommitted(s, i);
    s.commitIndex = n;
    applyCommitted(s, ctx, options.bug);
    newsForAll(s, ctx, options);
    return;
  }
}

/** Ghost: remember that the leader of this term committed entry `index`. */
function recordCommitted(s: Draft<ServerState>, index: number): void {
  const c = { index, term: s.log[index - 1]!.term, inTerm: s.currentTerm };
  const committed = s.ghost.committed;
  if (committed.some((x) => x.index === c.index && x.term === c.term && x.inTerm === c.inTerm)) return;
  committed.push(c);
  committed.sort((a, b) => a.index - b.index || a.term - b.term || a.inTerm - b.inTerm);
}

/**
 * All servers: if commitIndex > lastApplied, increment lastApplied and apply log[lastApplied] to
 * the state machine. The leader that appended the entry (it is of its term) answers the client
 * (unless `bug` is 'commit-without-reply').
 */
export function applyCommitted(s: Draft<ServerState>, ctx: Ctx, bug?: RaftOptions['bug']): void {
  while (s.lastApplied < s.commitIndex) {
    s.lastApplied += 1;
    const entry = s.log[s.lastApplied - 1]!;
    const result = execute(s.stateMachine, entry.client, entry.seq, entry.op);
    recordApplied(s, s.lastApplied, entry.term);
    if (s.role === 'leader' && entry.term === s.currentTerm && bug !== 'commit-without-reply') {
      ctx.send(entry.client, { type: 'ClientReply', seq: entry.seq, ok: true, result });
    }
  }
}

/** Ghost: remember which entry this server applied at `index`. */
function recordApplied(s: Draft<ServerState>, index: number, term: number): void {
  const applied = s.ghost.applied;
  while (applied.length < index) applied.push([]);
  const terms = applied[index - 1]!;
  if (terms.includes(term)) return;
  terms.push(term);
  terms.sort((a, b) => a - b);
}
