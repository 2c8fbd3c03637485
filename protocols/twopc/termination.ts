// Termination of two-phase commit, and the blocking problem: a participant that voted yes must
// wait for the coordinator's decision. If the coordinator crashes and comes back (its decision is
// logged, or it presumes abort), everyone decides; if it never comes back, a prepared participant
// waits for ever, although every safety property still holds.

import { eventually, actorFairness, withView } from '../../checker/index.ts';
import type { Message } from './messages.ts';
import type { ParticipantState } from './participant.ts';
import { atomicity, twoPhaseCommit, validity, type TwoPhaseState } from './system.ts';

/** Termination: every participant eventually decides (commits or aborts). */
export const termination = eventually<TwoPhaseState>('Termination', (s, system) =>
  system.playing('participant').every((id) => {
    const p = s.actors[id] as ParticipantState;
    return p.phase === 'committed' || p.phase === 'aborted';
  }),
);

export interface TerminationOptions {
  readonly participants: number;
  /** Whether the crashed coordinator restarts (weakly fair: it does, eventually). */
  readonly coordinatorRestarts: boolean;
}

/**
 * 2PC where only the coordinator may crash (once), checked for Termination. Participants' votes
 * are weakly fair (a participant asked to vote does vote, yes or no); deliveries, the vote timeout
 * and the coordinator's restart are fair by default.
 */
export function twoPhaseCommitTermination(options: TerminationOptions) {
  const system = twoPhaseCommit({
    participants: options.participants,
    crashes: 1,
    faults: { crashable: ['coordinator'], restart: options.coordinatorRestarts },
  });
  return {
    ...system,
    properties: [atomicity, validity, termination].map((p) => withView(p, system.system)),
    fairness: actorFairness<Message, unknown>((id) => (system.system.roles[id] === 'coordinator' ? {} : { choices: 'weak' })),
  };
}
