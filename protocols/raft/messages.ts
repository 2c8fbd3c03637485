// The messages of Raft (Figure 2's two RPCs and their results) and of its clients.

import { formatEntry, type Entry } from './log.ts';
import { formatOp, type KvOp, type KvResult } from './state-machine.ts';

export type Message =
  /** Invoked by candidates to gather votes (§5.2). */
  | { readonly type: 'RequestVote'; readonly term: number; readonly lastLogIndex: number; readonly lastLogTerm: number }
  | { readonly type: 'RequestVoteResult'; readonly term: number; readonly voteGranted: boolean }
  /** Invoked by the leader to replicate log entries (§5.3); also the heartbeat (§5.2). */
  | {
      readonly type: 'AppendEntries';
      readonly term: number;
      readonly prevLogIndex: number;
      readonly prevLogTerm: number;
      readonly entries: readonly Entry[];
      readonly leaderCommit: number;
    }
  /** Beyond the paper's term and success: `matchIndex`, on success the index of the last entry the
   *  follower now holds from the leader, and `leaderCommit` echoed, so the leader knows what the
   *  follower has been told. */
  | {
      readonly type: 'AppendEntriesResult';
      readonly term: number;
      readonly success: boolean;
      readonly matchIndex: number;
      readonly leaderCommit: number;
    }
  /** A client's request; `seq` numbers the client's requests. */
  | { readonly type: 'ClientRequest'; readonly seq: number; readonly op: KvOp }
  /** The leader's answer once the command is applied, or a refusal from a server that is not leader. */
  | { readonly type: 'ClientReply'; readonly seq: number; readonly ok: true; readonly result: KvResult }
  | { readonly type: 'ClientReply'; readonly seq: number; readonly ok: false };

export function formatMessage(m: Message): string {
  switch (m.type) {
    case 'RequestVote':
      return `RequestVote(t${m.term}, last ${m.lastLogIndex}@t${m.lastLogTerm})`;
    case 'RequestVoteResult':
      return `${m.voteGranted ? 'VoteGranted' : 'VoteDenied'}(t${m.term})`;
    case 'AppendEntries':
      return `AppendEntries(t${m.term}, prev ${m.prevLogIndex}@t${m.prevLogTerm}, [${m.entries.map(formatEntry).join(', ')}], commit ${m.leaderCommit})`;
    case 'AppendEntriesResult':
      return m.success ? `AppendEntriesOk(t${m.term}, match ${m.matchIndex})` : `AppendEntriesRejected(t${m.term})`;
    case 'ClientRequest':
      return `Request#${m.seq} ${formatOp(m.op)}`;
    case 'ClientReply':
      if (!m.ok) return `NotLeader#${m.seq}`;
      return m.result.value === undefined ? `Reply#${m.seq} ok` : `Reply#${m.seq} ${JSON.stringify(m.result.value)}`;
  }
}
