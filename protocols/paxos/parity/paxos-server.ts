// Single-decree Paxos exactly as Stateright's `paxos` example runs it, for state-count parity
// (BASELINES.md §2: 3 servers, 2 clients = 16,668). Each server is proposer, acceptor and learner;
// a client's Put starts a new ballot at the server it reaches, the server's own Prepare/Prepared
// and Accept/Accepted are applied locally, and the leader answers the client once a majority
// accepted. A decided server answers Get with the decided value and ignores everything else.

import type { Actor, Id } from '../../../checker/index.ts';
import { formatRegisterMsg, formatValue, isRegisterMsg, type RegisterMsg } from '../../register/messages.ts';
import { compareBallots, formatBallot, sameBallot, type Ballot } from '../ballot.ts';

/** What is decided: the client request and its value (Stateright's `(RequestId, Id, Value)`). */
export type Proposal = [req: number, requester: Id, value: string];
export type Vote = [Ballot, Proposal];

export type PaxosMsg =
  | { readonly type: 'Prepare'; readonly ballot: Ballot }
  | { readonly type: 'Prepared'; readonly ballot: Ballot; readonly lastAccepted: Vote | null }
  | { readonly type: 'Accept'; readonly ballot: Ballot; readonly proposal: Proposal }
  | { readonly type: 'Accepted'; readonly ballot: Ballot }
  | { readonly type: 'Decided'; readonly ballot: Ballot; readonly proposal: Proposal };

export interface PaxosServerState {
  /** The highest ballot seen: this server's own when leading, else the one it promised. */
  readonly ballot: Ballot;
  // Leader state.
  readonly proposal: Proposal | null;
  /** Prepared replies for `ballot`, by server id (sorted). */
  readonly prepares: readonly (readonly [Id, Vote | null])[];
  readonly accepts: readonly Id[];
  // Acceptor state.
  readonly accepted: Vote | null;
  readonly decided: boolean;
}

function compareProposals(a: Proposal, b: Proposal): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/** Rust's `Option<(Ballot, Proposal)>` order: None first, then by ballot, then by proposal. */
function compareVotes(a: Vote | null, b: Vote | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return compareBallots(a[0], b[0]) || compareProposals(a[1], b[1]);
}

export function paxosServer(): Actor<PaxosServerState, RegisterMsg | PaxosMsg> {
  return {
    name: 'server',
    init: () => ({ ballot: [0, 0], proposal: null, prepares: [], accepts: [], accepted: null, decided: false }),

    onMessage(s, from, msg, ctx) {
      const self = ctx.self;
      const quorum = ctx.system.majority;
      if (s.decided) {
        if (msg.type === 'Get') ctx.send(from, { type: 'GetOk', req: msg.req, value: s.accepted![1][2] });
        return;
      }
      switch (msg.type) {
        case 'Put': {
          if (s.proposal !== null) return;
          s.proposal = [msg.req, from, msg.value];
          s.accepts = [];
          s.ballot = [s.ballot[0] + 1, self];
          // Prepare and Prepared to itself.
          s.prepares = [[self, s.accepted]];
          ctx.broadcast({ type: 'Prepare', ballot: s.ballot });
          return;
        }
        case 'Prepare':
          if (compareBallots(s.ballot, msg.ballot) >= 0) return;
          s.ballot = msg.ballot;
          ctx.send(from, { type: 'Prepared', ballot: msg.ballot, lastAccepted: s.accepted });
          return;
        case 'Prepared': {
          if (!sameBallot(msg.ballot, s.ballot)) return;
          s.prepares.push([from, msg.lastAccepted]);
          s.prepares.sort((a, b) => a[0] - b[0]);
          if (s.prepares.length !== quorum) return;
          // Take the proposal of the highest accepted ballot among the quorum, else the client's.
          const highest = s.prepares.map(([, v]) => v).reduce((a, b) => (compareVotes(b, a) > 0 ? b : a));
          const proposal = highest === null ? s.proposal! : highest[1];
          s.proposal = proposal;
          // Accept and Accepted to itself.
          s.accepted = [msg.ballot, proposal];
          s.accepts = [self];
          ctx.broadcast({ type: 'Accept', ballot: msg.ballot, proposal });
          return;
        }
        case 'Accept':
          if (compareBallots(s.ballot, msg.ballot) > 0) return;
          s.ballot = msg.ballot;
          s.accepted = [msg.ballot, msg.proposal];
          ctx.send(from, { type: 'Accepted', ballot: msg.ballot });
          return;
        case 'Accepted': {
          if (!sameBallot(msg.ballot, s.ballot)) return;
          s.accepts.push(from);
          s.accepts.sort((a, b) => a - b);
          if (s.accepts.length !== quorum) return;
          s.decided = true;
          const proposal = s.proposal!;
          ctx.broadcast({ type: 'Decided', ballot: msg.ballot, proposal });
          ctx.send(proposal[1], { type: 'PutOk', req: proposal[0] });
          return;
        }
        case 'Decided':
          s.ballot = msg.ballot;
          s.accepted = [msg.ballot, msg.proposal];
          s.decided = true;
          return;
        default:
          return;
      }
    },
  };
}

export function formatPaxosMsg(m: RegisterMsg | PaxosMsg): string {
  if (isRegisterMsg(m)) return formatRegisterMsg(m);
  const proposal = (p: Proposal): string => `(${p[0]}, ${p[1]}, ${formatValue(p[2])})`;
  switch (m.type) {
    case 'Prepare':
      return `Prepare(${formatBallot(m.ballot)})`;
    case 'Prepared':
      return `Prepared(${formatBallot(m.ballot)}, ${m.lastAccepted === null ? 'none' : `${formatBallot(m.lastAccepted[0])} ${proposal(m.lastAccepted[1])}`})`;
    case 'Accept':
      return `Accept(${formatBallot(m.ballot)}, ${proposal(m.proposal)})`;
    case 'Accepted':
      return `Accepted(${formatBallot(m.ballot)})`;
    case 'Decided':
      return `Decided(${formatBallot(m.ballot)}, ${proposal(m.proposal)})`;
  }
}
