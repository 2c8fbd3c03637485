// The correct protocol, its bounds, and its named bug variants.

import type { KvOp } from './state-machine.ts';

export type Bug =
  /** The leader commits an entry of an earlier term as soon as a majority stores it, instead of
   *  only entries of its current term (the scenario of the paper's Figure 8). */
  | 'commit-previous-term'
  /** votedFor is not written to stable storage: after a crash a server may vote twice in a term. */
  | 'votedfor-not-durable'
  /** Votes are granted without the "candidate's log is at least as up-to-date" check (§5.4.1). */
  | 'no-up-to-date-check'
  /** The leader answers get from its own state machine without confirming it is still leader. */
  | 'leader-reads-locally'
  /** The leader stores a new command right after its last applied entry, overwriting the entries
   *  it has not applied yet, instead of appending it (a leader only appends: Leader Append-Only). */
  | 'leader-overwrites-unapplied'
  /** The leader applies a committed entry of its term but never responds to the client: safe
   *  (nothing wrong is ever answered), yet the client waits for ever. */
  | 'commit-without-reply';

export interface RaftOptions {
  /** How many servers form the cluster (ids 0..servers-1; clients come after). */
  readonly servers: number;
  /** Servers do not start elections beyond this term: the bound that keeps terms finite. */
  readonly maxTerm: number;
  /**
   * Optionally, who may stand in each election: only server elections[t - 1] (an id) becomes a
   * candidate for term t. A bound like maxTerm (it leaves split votes out), for steering a search
   * through a long scenario such as Figure 8's.
   */
  readonly elections?: readonly number[];
  /** Each client's operations, in order: clients[c] is what client c asks for. */
  readonly clients: readonly (readonly KvOp[])[];
  /** Optionally, the servers each client may send to (all servers by default): a bound that
   *  steers a search, as `elections` does. */
  readonly contacts?: readonly (readonly number[])[];
  /**
   * When a leader sends AppendEntries. 'on-news' (the default): only when it has news for a
   * follower, one outstanding at a time: the explorer fires an armed timer at any moment, so a
   * heartbeat that tells an up-to-date follower nothing, or a resend, would only add states.
   * 'periodic' (for real runs): besides, each follower's heartbeat timer stays armed while leader
   * and sends AppendEntries whenever it fires, outstanding or not: the paper's heartbeat during
   * idle periods (§5.2) and its retry of an RPC that got no response (§5.1).
   */
  readonly heartbeats?: 'on-news' | 'periodic';
  readonly bug?: Bug;
}
