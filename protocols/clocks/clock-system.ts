// Processes keeping Lamport clocks or vector clocks, checked against true causality.

import { actorSystem, sometimes, type ActorModel, type SystemState } from '../../checker/index.ts';
import { clockCondition, strongClockCondition } from './clock-condition.ts';
import { lamportClock } from './lamport-clock.ts';
import type { LogicalClock } from './logical-clock.ts';
import type { Bug } from './options.ts';
import { process, type ClockMessage, type ProcessState } from './process.ts';
import { vectorClock, type Vector } from './vector-clock.ts';

export interface ClockOptions {
  readonly processes: number;
  /** Local events (ticks and sends) per process. */
  readonly budget: number;
  readonly bug?: Bug;
  /** A FIFO network (the clock conditions do not need one). */
  readonly ordered?: boolean;
}

export type LamportClockState = SystemState<ProcessState<number>, ClockMessage<number>>;
export type VectorClockState = SystemState<ProcessState<Vector>, ClockMessage<Vector>>;

function clocks<T>(clock: LogicalClock<T>, options: ClockOptions, property: typeof clockCondition): ActorModel<ProcessState<T>, ClockMessage<T>> {
  return actorSystem<ProcessState<T>, ClockMessage<T>>({
    actors: [{ actor: process(clock, options.processes, options.budget), count: options.processes }],
    network: { ordered: options.ordered ?? false },
    causality: true,
    properties: [
      property,
      // Not vacuous: some message is received.
      sometimes('MessageReceived', (s) => s.causality!.some((events) => events.some((e) => e.kind === 'receive'))),
    ],
    formatMessage: (m) => `Message(${clock.format(m.clock)})`,
  });
}

export const lamportClocks = (options: ClockOptions): ActorModel<ProcessState<number>, ClockMessage<number>> =>
  clocks(lamportClock(options.bug), options, clockCondition);

export const vectorClocks = (options: ClockOptions): ActorModel<ProcessState<Vector>, ClockMessage<Vector>> =>
  clocks(vectorClock(options.bug), options, strongClockCondition);
