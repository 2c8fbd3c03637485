// A logical clock as Lamport (1978) and Mattern/Fidge (1988) define it: how a process's clock
// moves on a local event, a send and a receive. The process actor (process.ts) runs any of them.

import type { Id } from '../../checker/index.ts';

export interface LogicalClock<T> {
  readonly name: string;
  initial(processes: number, self: Id): T;
  /** A local event. */
  tick(clock: T, self: Id): T;
  /** A send event; the message carries the returned clock. */
  send(clock: T, self: Id): T;
  /** A receive event of a message that carried `received`. */
  receive(clock: T, received: T, self: Id): T;
  format(clock: T): string;
}
