// The properties of consensus ("Paxos Made Simple", §2.1), over the ghost record of votes.
//
// A value is chosen when a majority of acceptors voted for it in one ballot.

import { always, sometimes, type SystemState } from '../../checker/index.ts';
import { linearizableHistory } from '../register/register-spec.ts';
import { formatBallot } from './ballot.ts';
import type { ClientState } from './client.ts';
import type { Message } from './messages.ts';
import type { ServerState } from './server.ts';
import { writeOnceRegister } from './write-once-spec.ts';

export type NodeState = ServerState | ClientState;
export type PaxosState = SystemState<NodeState, Message>;

const servers = (s: PaxosState): ServerState[] => s.actors.filter((a): a is ServerState => a.role === 'server');

/** The values chosen so far (a crashed server keeps its durable votes). */
export function chosenValues(s: PaxosState): string[] {
  const all = servers(s);
  const quorum = Math.floor(all.length / 2) + 1;
  const count = new Map<string, number>();
  for (const a of all) {
    for (const v of a.votes ?? []) {
      const key = `${formatBallot(v.ballot)} ${v.value}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  const chosen = new Set<string>();
  for (const [key, n] of count) if (n >= quorum) chosen.add(key.slice(key.indexOf(' ') + 1));
  return [...chosen].sort();
}

/** Agreement (safety): at most one value is chosen. */
export const agreement = always<PaxosState>('Agreement', (s) => chosenValues(s).length <= 1);

/** Validity (nontriviality): only a value some client proposed can be chosen. */
export const validity = always<PaxosState>('Validity', (s) => {
  const proposed = new Set(s.history.flat().map((op) => (op.input as { value: string }).value));
  return chosenValues(s).every((v) => proposed.has(v));
});

/** Learners agree: no two learners learned different values. */
export const learnersAgree = always<PaxosState>('LearnersAgree', (s) => {
  const learned = new Set(servers(s).flatMap((a) => (a.learned === null || a.learned === undefined ? [] : [a.learned])));
  return learned.size <= 1;
});

const isLinearizable = linearizableHistory(writeOnceRegister);

/** The clients' view is a write-once register: they all learn one value, proposed by one of them. */
export const linearizable = always<PaxosState>('Linearizable', (s) => isLinearizable(s.history));

/** Liveness sanity: some run chooses a value (else the spec proves nothing). */
export const valueChosen = sometimes<PaxosState>('ValueChosen', (s) => chosenValues(s).length > 0);

/** Every client learned the outcome. */
export const allLearned = sometimes<PaxosState>('AllClientsLearned', (s) =>
  s.actors.every((a) => a.role !== 'client' || a.chosen !== null),
);
