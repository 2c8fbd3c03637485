// Two-phase commit as an actor system, with its properties.

import { actorSystem, always, sometimes, type FaultOptions, type Id, type Rename, type SystemState, type SystemView } from '../../checker/index.ts';
import { coordinator, type CoordinatorState } from './coordinator.ts';
import { formatMessage, type Message } from './messages.ts';
import type { TwoPhaseOptions } from './options.ts';
import { participant, type ParticipantState } from './participant.ts';

export type NodeState = CoordinatorState | ParticipantState;
export type TwoPhaseState = SystemState<NodeState, Message>;

export interface TwoPhaseSystemOptions extends TwoPhaseOptions {
  readonly crashes?: number;
  /** Which nodes may crash, whether they restart (see `FaultOptions`); `crashes` is the budget. */
  readonly faults?: Omit<FaultOptions, 'crashes'>;
  readonly lose?: number;
  readonly duplicate?: number;
}

/** The participants that are up (a crashed one holds only what it made durable). */
const participants = (s: TwoPhaseState, system: SystemView): ParticipantState[] =>
  system.playing('participant').filter((id) => !s.crashed[id]).map((id) => s.actors[id] as ParticipantState);

/** Atomicity: no participant commits while another aborts. */
export const atomicity = always<TwoPhaseState>('Atomicity', (s, system) => {
  const ps = participants(s, system);
  return !(ps.some((p) => p.phase === 'committed') && ps.some((p) => p.phase === 'aborted'));
});

/** Validity: a participant commits only if every participant voted yes. */
export const validity = always<TwoPhaseState>('Validity', (s, system) => {
  const ps = participants(s, system);
  return !ps.some((p) => p.phase === 'committed') || ps.every((p) => p.voted === 'yes');
});

/**
 * Participants are interchangeable: renaming them is a symmetry of the protocol. The coordinator's
 * votes are keyed by participant id, so a renaming renames those keys.
 */
export function renameParticipants(s: NodeState, rename: Rename): NodeState {
  if (!('votes' in s) || s.votes === undefined) return s;
  const votes: Record<Id, boolean> = {};
  for (const [k, v] of Object.entries(s.votes)) votes[rename(Number(k))] = v;
  return { ...s, votes };
}

export function twoPhaseCommit(options: TwoPhaseSystemOptions) {
  const participantIds = Array.from({ length: options.participants }, (_, i) => i + 1);
  return actorSystem<NodeState, Message>({
    actors: [
      { actor: coordinator(options) },
      { actor: participant(options), count: options.participants },
    ],
    network: { lose: options.lose ?? 0, duplicate: options.duplicate ?? 0 },
    faults: { ...options.faults, crashes: options.crashes ?? 0 },
    properties: [
      atomicity,
      validity,
      sometimes('Committed', (s, system) => participants(s, system).every((p) => p.phase === 'committed')),
      sometimes('Aborted', (s, system) => participants(s, system).every((p) => p.phase === 'aborted')),
    ],
    formatMessage,
    symmetry: { groups: [participantIds], renameState: renameParticipants },
  });
}
