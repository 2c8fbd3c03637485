// Lamport's mutual exclusion algorithm (Time, Clocks, and the Ordering of Events, 1978, §3).
//
// Every process keeps a Lamport clock and a request queue ordered by (timestamp, process id),
// Lamport's total order ⇒. Channels are FIFO.
//   1. To request the resource, Pi sends Request(Tm) to every other process and puts Tm:Pi on its
//      own queue.
//   2. On Request(Tm) from Pj, Pi puts Tm:Pj on its queue and sends Pj a (timestamped) Ack.
//   3. To release, Pi removes Tm:Pi from its queue and sends Release to every other process.
//   4. On Release from Pj, Pi removes Pj's request from its queue.
//   5. Pi enters when (i) Tm:Pi is ordered before every other request in its queue by ⇒, and
//      (ii) Pi has received a message from every other process timestamped later than Tm.

import { actorSystem, always, sometimes, type Actor, type ActorModel, type Draft, type Id, type SystemState } from '../../checker/index.ts';
import { causalEvents, eventName, happensBefore, type LoggedEvent } from '../../checker/causality.ts';
import { clockCondition } from './clock-condition.ts';
import type { Bug } from './options.ts';
import { processName } from './process.ts';

/** Tm:Pi, a request in the queue. */
export interface Request {
  readonly ts: number;
  readonly node: Id;
}

export type MutexMessage =
  | { readonly type: 'Request'; readonly ts: number }
  | { readonly type: 'Ack'; readonly ts: number }
  | { readonly type: 'Release'; readonly ts: number };

export interface MutexProcess {
  readonly self: Id;
  readonly clock: number;
  readonly phase: 'idle' | 'waiting' | 'critical';
  /** Sorted by ⇒. */
  readonly queue: readonly Request[];
  /** The timestamp of the last message from each process (0: none yet). */
  readonly lastSeen: readonly number[];
  /** Requests this process may still make. */
  readonly budget: number;
}

export type MutexChoice = 'request' | 'enter' | 'release';

export type MutexState = SystemState<MutexProcess, MutexMessage>;

export interface MutexOptions {
  readonly processes: number;
  /** Requests per process. */
  readonly requests: number;
  readonly bug?: Bug;
  /** Keep true causality and check the Clock Condition too. */
  readonly causality?: boolean;
}

/** a ⇒ b: Lamport's total order on requests. */
const precedes = (a: Request, b: Request): boolean => a.ts < b.ts || (a.ts === b.ts && a.node < b.node);

const formatRequest = (r: Request): string => `${r.ts}:${processName(r.node)}`;

function enqueue(s: Draft<MutexProcess>, r: Request): void {
  s.queue.push(r);
  s.queue.sort((a, b) => (precedes(a, b) ? -1 : 1));
}

/** Rule 5; the bug variant checks (i) only. */
function mayEnter(s: MutexProcess, bug: Bug | undefined): boolean {
  const mine = s.queue[0];
  if (s.phase !== 'waiting' || mine === undefined || mine.node !== s.self) return false;
  if (bug === 'mutex-ignore-ack') return true;
  return s.lastSeen.every((ts, j) => j === s.self || precedes(mine, { ts, node: j }));
}

export function mutexProcess(options: MutexOptions): Actor<MutexProcess, MutexMessage, MutexChoice> {
  /** IR1: the clock ticks on every event, and the event carries it. */
  const tick = (s: Draft<MutexProcess>, ctx: { stamp(v: unknown): void }): number => {
    s.clock += 1;
    ctx.stamp(s.clock);
    return s.clock;
  };
  return {
    name: 'P',
    init: (ctx) => ({
      self: ctx.self,
      clock: 0,
      phase: 'idle',
      queue: [],
      lastSeen: Array.from({ length: options.processes }, () => 0),
      budget: options.requests,
    }),

    choices(s) {
      if (s.phase === 'idle') return s.budget > 0 ? ['request'] : [];
      if (s.phase === 'critical') return ['release'];
      return mayEnter(s, options.bug) ? ['enter'] : [];
    },

    onChoice(s, choice, ctx) {
      switch (choice) {
        case 'request': {
          const ts = tick(s, ctx);
          s.budget -= 1;
          s.phase = 'waiting';
          enqueue(s, { ts, node: s.self });
          ctx.broadcast({ type: 'Request', ts });
          return;
        }
        case 'enter':
          tick(s, ctx);
          s.phase = 'critical';
          return;
        case 'release': {
          const ts = tick(s, ctx);
          s.phase = 'idle';
          s.queue = s.queue.filter((r) => r.node !== s.self);
          ctx.broadcast({ type: 'Release', ts });
          return;
        }
      }
    },

    onMessage(s, from, msg, ctx) {
      // IR2: past both the own clock and the message's timestamp.
      s.clock = Math.max(s.clock, msg.ts);
      const now = tick(s, ctx);
      s.lastSeen[from] = msg.ts;
      switch (msg.type) {
        case 'Request':
          enqueue(s, { ts: msg.ts, node: from });
          ctx.send(from, { type: 'Ack', ts: now });
          return;
        case 'Ack':
          return;
        case 'Release':
          s.queue = s.queue.filter((r) => r.node !== from);
          return;
      }
    },
  };
}

export function explainMutualExclusion(s: MutexState, names?: readonly string[]): string | undefined {
  const inside = s.actors.filter((p) => p.phase === 'critical');
  if (inside.length < 2) return undefined;
  const name = (id: Id): string => names?.[id] ?? processName(id);
  const show = (p: MutexProcess): string =>
    `${name(p.self)} (queue [${p.queue.map(formatRequest).join(', ')}], last seen [${p.lastSeen.join(',')}])`;
  const both = `${inside.map(show).join(' and ')} are both in the critical section`;
  if (s.causality === undefined) return both;
  // With causality: name the two enter events (enter is the only local step that sends nothing)
  // and how they are truly ordered.
  const entered = inside.map((p) => causalEvents(s.causality).filter((e) => e.node === p.self && e.kind === 'local' && e.sends === 0).at(-1)!);
  const [a, b] = entered as [LoggedEvent, LoggedEvent];
  const order = happensBefore(a, b) ? '→' : happensBefore(b, a) ? '←' : '∥';
  return `${name(a.node)} entered at ${eventName(a, names)} ${order} ${name(b.node)} entered at ${eventName(b, names)}: ${both}`;
}

export const mutualExclusion = always<MutexState>('MutualExclusion', (s) => explainMutualExclusion(s) === undefined);

export function lamportMutex(options: MutexOptions): ActorModel<MutexProcess, MutexMessage> {
  const causality = options.causality ?? false;
  return actorSystem<MutexProcess, MutexMessage>({
    actors: [{ actor: mutexProcess(options), count: options.processes }],
    network: { ordered: true },
    causality,
    properties: [
      mutualExclusion,
      ...(causality ? [clockCondition] : []),
      sometimes('Entered', (s) => s.actors.some((p) => p.phase === 'critical')),
      sometimes('AllServed', (s) => s.actors.every((p) => p.budget === 0 && p.phase === 'idle') && s.network.length === 0),
    ],
    formatMessage: (m) => `${m.type}(${m.ts})`,
  });
}
