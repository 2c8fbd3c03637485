// Raft's guarantees (Figure 3), and what the clients see (linearizability).
//
// Election Safety, Leader Completeness, State Machine Safety and Leader Append-Only speak of the
// past ("ever elected", "committed in an earlier term", "ever applied", "never overwrites"): each
// server keeps a bounded, canonical ghost record of it (see `Ghost`), and the properties read it.

import { always, kvSpec, linearizability as linearizable, sometimes, type KvInput, type KvOutput, type SystemState, type SystemView } from '../../checker/index.ts';
import { sameEntry } from './log.ts';
import type { Message } from './messages.ts';
import type { ClientState } from './client.ts';
import type { DurableServerState, ServerState } from './server-state.ts';

export type NodeState = ServerState | ClientState;
export type RaftState = SystemState<NodeState | DurableServerState, Message, KvInput, KvOutput>;

/** Every server's state; a crashed server holds only its durable part. */
function servers(s: RaftState, system: SystemView): (ServerState | DurableServerState)[] {
  return system.servers.map((id) => s.actors[id] as ServerState | DurableServerState);
}

/** The servers that are up and leading. */
function leaders(s: RaftState): ServerState[] {
  return s.actors.filter((a, id): a is ServerState => !s.crashed[id] && 'role' in a && a.role === 'leader');
}

/** Election Safety: at most one leader can be elected in a given term. */
export const electionSafety = always<RaftState>('Election Safety', (s, system) => {
  const terms = servers(s, system).flatMap((v) => v.ghost.elected);
  return new Set(terms).size === terms.length;
});

/** Leader Append-Only: a leader never overwrites or deletes entries in its log; it only appends. */
export const leaderAppendOnly = always<RaftState>('Leader Append-Only', (s, system) => servers(s, system).every((v) => !v.ghost.rewroteLogAsLeader));

/** Log Matching: if two logs contain an entry with the same index and term, then the logs are
 *  identical in all entries up through the given index. */
export const logMatching = always<RaftState>('Log Matching', (s, system) => {
  const logs = servers(s, system).map((v) => v.log);
  for (let a = 0; a < logs.length; a++) {
    for (let b = a + 1; b < logs.length; b++) {
      const x = logs[a]!;
      const y = logs[b]!;
      const n = Math.min(x.length, y.length);
      // The last index where the terms agree must have every entry before it equal too.
      for (let i = n - 1; i >= 0; i--) {
        if (x[i]!.term !== y[i]!.term) continue;
        for (let j = 0; j <= i; j++) if (!sameEntry(x[j]!, y[j]!)) return false;
        break;
      }
    }
  }
  return true;
});

/** Leader Completeness: if a log entry is committed in a given term, then that entry will be
 *  present in the logs of the leaders for all higher-numbered terms. */
export const leaderCompleteness = always<RaftState>('Leader Completeness', (s, system) => {
  const committed = servers(s, system).flatMap((v) => v.ghost.committed);
  return leaders(s).every((l) => committed.every((c) => c.inTerm >= l.currentTerm || l.log[c.index - 1]?.term === c.term));
});

/** State Machine Safety: if a server has applied a log entry at a given index to its state
 *  machine, no other server will ever apply a different log entry for the same index. */
export const stateMachineSafety = always<RaftState>('State Machine Safety', (s, system) => {
  const byIndex = new Map<number, number>();
  for (const v of servers(s, system)) {
    for (let i = 0; i < v.ghost.applied.length; i++) {
      for (const term of v.ghost.applied[i]!) {
        const seen = byIndex.get(i);
        if (seen === undefined) byIndex.set(i, term);
        else if (seen !== term) return false;
      }
    }
  }
  return true;
});

/** Linearizability: the clients' operations, as they saw them, are linearizable for a key-value
 *  store. */
export const linearizability = linearizable(kvSpec, 'Linearizability');

export const leaderElected = sometimes<RaftState>('Leader Elected', (s) => leaders(s).length > 0);

export const entryCommitted = sometimes<RaftState>('Entry Committed', (s, system) => servers(s, system).some((v) => v.ghost.committed.length > 0));

export const raftProperties = [
  electionSafety,
  leaderAppendOnly,
  logMatching,
  leaderCompleteness,
  stateMachineSafety,
  linearizability,
  leaderElected,
  entryCommitted,
];
