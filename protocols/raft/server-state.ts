// A server's state, as in Figure 2 ("State"), plus the observer's ghost variables.

import type { Id } from '../../checker/index.ts';
import type { Log } from './log.ts';
import type { KvStore } from './state-machine.ts';

export type Role = 'follower' | 'candidate' | 'leader';

/**
 * What the properties need to remember about the past, kept bounded and canonical (sorted, no
 * counters). Never read by the protocol; durable only so that a crash does not erase the record.
 */
export interface Ghost {
  /** The terms in which this server won an election (sorted): Election Safety. */
  readonly elected: readonly number[];
  /** Entries this server committed as leader, with the term it committed them in (sorted):
   *  Leader Completeness. */
  readonly committed: readonly CommittedEntry[];
  /** applied[i - 1]: the terms of the entries this server has applied at index i (sorted,
   *  distinct; a single term unless State Machine Safety breaks). */
  readonly applied: readonly (readonly number[])[];
  /** Set when a step of this server as leader removed or changed an entry of its log:
   *  Leader Append-Only (a property of a transition, observed by `monitorLeaderAppendOnly`). */
  readonly rewroteLogAsLeader: boolean;
}

export interface CommittedEntry {
  readonly index: number;
  /** The entry's own term. */
  readonly term: number;
  /** The term of the leader that committed it. */
  readonly inTerm: number;
}

export interface ServerState {
  readonly role: Role;

  // Persistent state on all servers (updated on stable storage before responding to RPCs).
  /** Latest term the server has seen. */
  readonly currentTerm: number;
  /** The candidate that received this server's vote in the current term, or null. */
  readonly votedFor: Id | null;
  readonly log: Log;

  // Volatile state on all servers.
  /** Index of the highest log entry known to be committed. */
  readonly commitIndex: number;
  /** Index of the highest log entry applied to the state machine. */
  readonly lastApplied: number;
  readonly stateMachine: KvStore;

  // Volatile state on candidates: who voted for it in this term (sorted; empty otherwise).
  readonly votesGranted: readonly Id[];

  // Volatile state on leaders (reinitialised after election; empty otherwise).
  /** For each server, index of the next log entry to send to it. */
  readonly nextIndex: Readonly<Record<Id, number>>;
  /** For each server, index of the highest log entry known to be replicated on it. */
  readonly matchIndex: Readonly<Record<Id, number>>;
  /** Followers with an AppendEntries outstanding (sorted): news goes one at a time to each, as an
   *  implementation's flow control does (a periodic heartbeat may resend it); not in Figure 2. */
  readonly awaiting: readonly Id[];

  readonly ghost: Ghost;
}

/** What survives a crash: Figure 2's persistent state (and the ghost record). */
export type DurableServerState = Pick<ServerState, 'currentTerm' | 'votedFor' | 'log' | 'ghost'>;

export const noGhost = (): Ghost => ({ elected: [], committed: [], applied: [], rewroteLogAsLeader: false });
