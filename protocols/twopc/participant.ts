// A participant (resource manager): votes, then does what the coordinator decided.

import type { Actor } from '../../checker/index.ts';
import type { Message } from './messages.ts';
import type { TwoPhaseOptions } from './options.ts';

export type ParticipantPhase =
  | 'working'
  /** Asked to prepare; about to vote. */
  | 'asked'
  /** Voted yes: bound to the coordinator's decision. */
  | 'prepared'
  | 'committed'
  | 'aborted';

export interface ParticipantState {
  readonly phase: ParticipantPhase;
  /** What this participant voted, for the Validity property. */
  readonly voted: 'yes' | 'no' | null;
  readonly coordinator: number | null;
}

export type Choice = 'vote yes' | 'vote no';

export function participant(options: TwoPhaseOptions): Actor<ParticipantState, Message, Choice> {
  return {
    name: 'participant',
    durable: options.bug === 'vote-not-durable' ? ['coordinator'] : ['phase', 'voted', 'coordinator'],

    init() {
      return { phase: 'working', voted: null, coordinator: null };
    },

    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Prepare':
          s.coordinator = from;
          if (s.phase === 'working') s.phase = 'asked';
          else if (s.phase === 'aborted') ctx.send(from, { type: 'Vote', yes: false });
          return;
        case 'Decide':
          if (s.phase === 'committed' || s.phase === 'aborted') return;
          s.phase = msg.decision === 'commit' ? 'committed' : 'aborted';
          return;
        default:
          return;
      }
    },

    // Whether a participant can commit is its own business: both votes are explored.
    choices: (s) => (s.phase === 'asked' ? ['vote yes', 'vote no'] : []),

    onChoice(s, choice, ctx) {
      const yes = choice === 'vote yes';
      s.voted = yes ? 'yes' : 'no';
      s.phase = yes ? 'prepared' : 'aborted';
      ctx.send(s.coordinator!, { type: 'Vote', yes });
    },

    recover(durable, ctx) {
      const phase = durable.phase ?? 'working';
      const base = { voted: durable.voted ?? null, coordinator: durable.coordinator ?? null };
      // Voted yes but no outcome yet: in doubt, so ask. Not yet voted: abort unilaterally (safe,
      // since the coordinator cannot commit without this vote).
      if (phase === 'prepared') {
        ctx.send(base.coordinator!, { type: 'Inquire' });
        return { ...base, phase };
      }
      if (phase === 'working' || phase === 'asked') return { ...base, phase: 'aborted' };
      return { ...base, phase };
    },
  };
}
