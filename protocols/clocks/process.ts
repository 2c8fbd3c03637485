// A process that keeps a logical clock: it ticks (a local event), sends its clock to a peer, and
// receives. Every event is stamped with the clock value the protocol gives it, so the engine can
// compare it with the true happens-before relation. A budget of local events bounds each run.

import type { Actor, Id } from '../../checker/index.ts';
import type { LogicalClock } from './logical-clock.ts';

export interface ProcessState<T> {
  readonly self: Id;
  readonly clock: T;
  /** Local events (ticks and sends) this process may still perform. */
  readonly budget: number;
}

export interface ClockMessage<T> {
  readonly type: 'Message';
  /** The clock of the send event (Lamport's Tm). */
  readonly clock: T;
}

/** `tick`, or `send to P2`. */
export type ProcessChoice = 'tick' | `send to P${number}`;

export const processName = (id: Id): string => `P${id + 1}`;

export function process<T>(clock: LogicalClock<T>, processes: number, budget: number): Actor<ProcessState<T>, ClockMessage<T>, ProcessChoice> {
  return {
    name: 'P',
    init: (ctx) => ({ self: ctx.self, clock: clock.initial(processes, ctx.self), budget }),

    choices(s) {
      if (s.budget === 0) return [];
      const sends: ProcessChoice[] = [];
      for (let p = 0; p < processes; p++) if (p !== s.self) sends.push(`send to ${processName(p)}` as ProcessChoice);
      return ['tick', ...sends];
    },

    onChoice(s, choice, ctx) {
      s.budget -= 1;
      const now = s.clock as T;
      const next = choice === 'tick' ? clock.tick(now, s.self) : clock.send(now, s.self);
      s.clock = next as typeof s.clock;
      if (choice !== 'tick') ctx.send(Number(choice.slice('send to P'.length)) - 1, { type: 'Message', clock: next });
      ctx.stamp(next);
    },

    onMessage(s, _from, msg, ctx) {
      const next = clock.receive(s.clock as T, msg.clock, s.self);
      s.clock = next as typeof s.clock;
      ctx.stamp(next);
    },
  };
}
