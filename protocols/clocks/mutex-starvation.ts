// Starvation freedom of Lamport's mutual exclusion: every process that requests the resource is
// eventually granted it, under fair delivery (FIFO channels) and processes that, once able to
// enter or to leave the critical section, do so. Whether an idle process asks again stays its own
// business (not fair).
//
// The bug `mutex-release-not-sent`: a process leaves the critical section without sending Release.
// The others keep its request at the head of their queues and wait for ever; no two processes
// are ever inside together, so mutual exclusion still holds: only liveness is broken.

import { actorSystem, leadsTo, type Actor, type Context } from '../../checker/index.ts';
import { mutexProcess, mutualExclusion, type MutexMessage, type MutexOptions, type MutexProcess, type MutexState } from './mutex.ts';
import { processName } from './process.ts';

export type StarvationBug = 'mutex-release-not-sent';

/** StarvationFreedom(Pi): Pi waiting ~> Pi in the critical section. */
export function starvationFreedom(id: number) {
  return leadsTo<MutexState>(
    `StarvationFreedom(${processName(id)})`,
    (s) => s.actors[id]!.phase === 'waiting',
    (s) => s.actors[id]!.phase === 'critical',
  );
}

type MutexChoice = 'request' | 'enter' | 'release';

/** The process, except that leaving the critical section sends nothing. */
function releaseNotSent(p: Actor<MutexProcess, MutexMessage, MutexChoice>): Actor<MutexProcess, MutexMessage, MutexChoice> {
  return {
    ...p,
    onChoice(s, choice, ctx) {
      const silent: Context<MutexMessage> = choice === 'release' ? Object.create(ctx, { broadcast: { value: () => {} } }) : ctx;
      p.onChoice!(s, choice, silent);
    },
  };
}

export function lamportMutexStarvation(options: Omit<MutexOptions, 'bug' | 'causality'> & { readonly bug?: StarvationBug }) {
  const process = mutexProcess({ processes: options.processes, requests: options.requests });
  const ids = Array.from({ length: options.processes }, (_, i) => i);
  return actorSystem<MutexProcess, MutexMessage>({
    actors: [
      {
        actor: options.bug === 'mutex-release-not-sent' ? releaseNotSent(process) : process,
        count: options.processes,
        fairness: { choices: (c) => (c === 'request' ? 'none' : 'weak') },
      },
    ],
    network: { ordered: true },
    properties: [mutualExclusion, ...ids.map(starvationFreedom)],
    formatMessage: (m) => `${m.type}(${m.ts})`,
  });
}
