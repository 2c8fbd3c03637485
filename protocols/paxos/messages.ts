// The messages of the Synod protocol ("Paxos Made Simple", §2.2), plus the client's request and
// the learned value sent back to it.

import { formatBallot, type Ballot } from './ballot.ts';

/** A vote: the acceptor accepted `value` in `ballot`. */
export interface Vote {
  readonly ballot: Ballot;
  readonly value: string;
}

export type Message =
  /** A client asks a proposer to get its value chosen. */
  | { readonly type: 'Propose'; readonly value: string }
  /** Phase 1a. */
  | { readonly type: 'Prepare'; readonly ballot: Ballot }
  /** Phase 1b: a promise not to accept below `ballot`, with the acceptor's last vote. */
  | { readonly type: 'Promise'; readonly ballot: Ballot; readonly accepted: Vote | null }
  /** Phase 2a. */
  | { readonly type: 'Accept'; readonly ballot: Ballot; readonly value: string }
  /** Phase 2b, sent to the proposer that leads the ballot (the distinguished learner). */
  | { readonly type: 'Accepted'; readonly ballot: Ballot }
  /** The learned value, to the clients that proposed through this proposer. */
  | { readonly type: 'Chosen'; readonly value: string };

export const formatVote = (v: Vote | null): string => (v === null ? 'none' : `${v.value}@${formatBallot(v.ballot)}`);

export function formatMessage(m: Message): string {
  switch (m.type) {
    case 'Propose':
      return `Propose(${m.value})`;
    case 'Prepare':
      return `Prepare(${formatBallot(m.ballot)})`;
    case 'Promise':
      return `Promise(${formatBallot(m.ballot)}, accepted ${formatVote(m.accepted)})`;
    case 'Accept':
      return `Accept(${formatBallot(m.ballot)}, ${m.value})`;
    case 'Accepted':
      return `Accepted(${formatBallot(m.ballot)})`;
    case 'Chosen':
      return `Chosen(${m.value})`;
  }
}
