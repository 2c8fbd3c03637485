// A Paxos server: proposer, acceptor and learner on one node. Messages from its own proposer to its
// own acceptor are handled in place rather than sent.

import type { Actor } from '../../checker/index.ts';
import { onAccept, onPrepare, type AcceptorState } from './acceptor.ts';
import { copyBallot } from './ballot.ts';
import type { Message } from './messages.ts';
import type { PaxosOptions } from './options.ts';
import { proposer, RETRY, type ProposerState } from './proposer.ts';

export interface ServerState extends AcceptorState, ProposerState {
  readonly role: 'server';
}

export function server(options: PaxosOptions): Actor<ServerState, Message> {
  const p = proposer(options);
  return {
    name: 'server',
    // The acceptor's promise and vote are on stable storage (the ghost record of votes too, as it
    // is what was chosen); so is the proposer's round, so a restart never reuses a ballot.
    durable:
      options.bug === 'promise-not-durable'
        ? ['role', 'accepted', 'votes', 'round', 'learned']
        : ['role', 'promised', 'accepted', 'votes', 'round', 'learned'],

    init: () => ({ role: 'server', promised: null, accepted: null, votes: [], ...p.initial() }),

    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Propose':
          return p.onPropose(s, from, msg.value, ctx);
        case 'Prepare': {
          const vote = onPrepare(s, msg.ballot);
          if (vote !== undefined) ctx.send(from, { type: 'Promise', ballot: copyBallot(msg.ballot), accepted: vote });
          return;
        }
        case 'Promise':
          return p.onPromise(s, from, msg.ballot, msg.accepted, ctx);
        case 'Accept':
          if (onAccept(s, msg.ballot, msg.value)) ctx.send(from, { type: 'Accepted', ballot: copyBallot(msg.ballot) });
          return;
        case 'Accepted':
          return p.onAccepted(s, from, msg.ballot, ctx);
        case 'Chosen':
          return;
      }
    },

    onTimer(s, timer, ctx) {
      if (timer === RETRY) p.onRetry(s, ctx);
    },
  };
}
