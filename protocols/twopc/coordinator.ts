// The coordinator (transaction manager): collects votes, decides, and tells everyone.

import type { Actor, Context, Draft, Id } from '../../checker/index.ts';
import type { Decision, Message } from './messages.ts';
import type { TwoPhaseOptions } from './options.ts';

export interface CoordinatorState {
  /** Votes received, by participant id. */
  readonly votes: Readonly<Record<Id, boolean>>;
  /** The logged decision: durable, so a restarted coordinator repeats it rather than re-deciding. */
  readonly decision: Decision | null;
}

type Ctx = Context<Message>;

const VOTE_TIMEOUT = 'vote-timeout';

export function coordinator(options: TwoPhaseOptions): Actor<CoordinatorState, Message> {
  const decide = (s: Draft<CoordinatorState>, decision: Decision, ctx: Ctx): void => {
    s.decision = decision;
    ctx.cancelTimer(VOTE_TIMEOUT);
    ctx.broadcast({ type: 'Decide', decision });
  };
  return {
    name: 'coordinator',
    durable: options.bug === 'decision-not-logged' ? [] : ['decision'],

    init(ctx) {
      // Phase 1: ask every participant to prepare.
      ctx.broadcast({ type: 'Prepare' });
      ctx.setTimer(VOTE_TIMEOUT);
      return { votes: {}, decision: null };
    },

    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Vote': {
          if (s.decision !== null) return;
          s.votes[from] = msg.yes;
          if (!msg.yes) decide(s, 'abort', ctx);
          else if (ctx.peers.every((p) => s.votes[p] === true)) decide(s, 'commit', ctx);
          return;
        }
        case 'Inquire':
          if (s.decision !== null) ctx.send(from, { type: 'Decide', decision: s.decision });
          return;
        default:
          return;
      }
    },

    onTimer(s, _timer, ctx) {
      if (s.decision !== null) return;
      decide(s, options.bug === 'presume-commit-on-timeout' ? 'commit' : 'abort', ctx);
    },

    recover(durable, ctx) {
      // A logged decision is final: tell everyone again. Without one nothing was sent, so the
      // coordinator may abort (presumed abort).
      const decision = durable.decision ?? 'abort';
      ctx.broadcast({ type: 'Decide', decision });
      return { votes: {}, decision };
    },
  };
}
