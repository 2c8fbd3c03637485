// The acceptor's two rules ("Paxos Made Simple", §2.2), on the acceptor's part of a server's state.
// Its promise and its last vote are durable: forgetting either after a crash breaks Agreement.

import type { Draft } from '../../checker/index.ts';
import { compareBallots, copyBallot, type Ballot } from './ballot.ts';
import type { Vote } from './messages.ts';

export interface AcceptorState {
  /** The highest ballot this acceptor promised (or accepted in). */
  readonly promised: Ballot | null;
  /** Its vote in the highest ballot it accepted in. */
  readonly accepted: Vote | null;
  /** Ghost: every vote it ever cast, sorted; defines which values are chosen. */
  readonly votes: readonly Vote[];
}

/**
 * Phase 1b: promise `ballot` unless a higher ballot was promised. Returns the vote to report, or
 * `undefined` when the acceptor ignores the Prepare. A ballot equal to the promised one is promised
 * again (a retransmitted Prepare gets its answer): harmless while ballots are unique.
 */
export function onPrepare(a: Draft<AcceptorState>, ballot: Ballot): Vote | null | undefined {
  if (a.promised !== null && compareBallots(ballot, a.promised) < 0) return undefined;
  a.promised = copyBallot(ballot);
  return a.accepted === null ? null : { ballot: copyBallot(a.accepted.ballot), value: a.accepted.value };
}

/** Phase 2b: accept `value` in `ballot` unless a higher ballot was promised. */
export function onAccept(a: Draft<AcceptorState>, ballot: Ballot, value: string): boolean {
  if (a.promised !== null && compareBallots(ballot, a.promised) < 0) return false;
  a.promised = copyBallot(ballot);
  a.accepted = { ballot: copyBallot(ballot), value };
  const votes = a.votes as Vote[];
  if (!votes.some((v) => compareBallots(v.ballot, ballot) === 0 && v.value === value)) {
    votes.push({ ballot: copyBallot(ballot), value });
    votes.sort((x, y) => compareBallots(x.ballot, y.ballot) || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  }
  return true;
}
