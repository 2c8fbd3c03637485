// What a handler asked for through its `ctx`: messages to send, timers to arm and disarm, client
// operations invoked and completed, a timestamp for its event. Collected while the handler runs
// and applied to the system when it returns (handler.ts).

import type { Context, Id, TimerDuration } from './actor.ts';
import { detach } from './draft.ts';
import type { Envelope } from './envelope.ts';
import type { SystemView } from './system-view.ts';

/** Shared by every `ctx` until it is first written: a remembered delivery keeps its `ctx`
 *  (delivery-memo.ts), and most ask for little, so empty parts cost nothing. */
const NONE: readonly never[] = Object.freeze([]);
const NO_DURATIONS: Readonly<Record<string, TimerDuration>> = Object.freeze({});

export class Effects<M> implements Context<M> {
  sends: readonly { readonly to: Id; readonly msg: M }[] = NONE;
  timersSet: readonly string[] = NONE;
  timersCancelled: readonly string[] = NONE;
  /** The durations asked for the timers armed (a real run's; the explorer ignores them). */
  timerDurations: Readonly<Record<string, TimerDuration>> = NO_DURATIONS;
  invoked: readonly { readonly input: unknown }[] = NONE;
  completed: readonly { readonly output: unknown }[] = NONE;
  stamped: { value: unknown } | undefined = undefined;
  /** The sends as envelopes, made once: a remembered delivery's effects (delivery-memo.ts) are
   *  applied to many states. Not with causality on, where an envelope names its send event. */
  envelopes: Envelope<M>[] | undefined = undefined;
  constructor(
    readonly self: Id,
    readonly servers: readonly Id[],
    readonly peers: readonly Id[],
    private readonly size: number,
    /** Whether stamps are recorded (causality on); otherwise `stamp` does nothing. */
    private readonly causal: boolean,
    readonly system: SystemView,
  ) {}
  send(to: Id, msg: M): void {
    if (!Number.isInteger(to) || to < 0 || to >= this.size) throw new Error(`send to unknown node ${String(to)}`);
    this.sends = [...this.sends, { to, msg: detach(msg) }];
  }
  broadcast(msg: M, to: readonly Id[] = this.peers): void {
    for (const t of to) this.send(t, msg);
  }
  setTimer(name: string, duration?: TimerDuration): void {
    if (duration !== undefined) this.timerDurations = { ...this.timerDurations, [name]: duration };
    this.timersSet = [...this.timersSet, name];
    this.timersCancelled = this.timersCancelled.filter((t) => t !== name);
  }
  cancelTimer(name: string): void {
    this.timersCancelled = [...this.timersCancelled, name];
    this.timersSet = this.timersSet.filter((t) => t !== name);
  }
  invoke(input: unknown): void {
    this.invoked = [...this.invoked, { input: detach(input) }];
  }
  complete(output: unknown): void {
    this.completed = [...this.completed, { output: detach(output) }];
  }
  stamp(value: unknown): void {
    if (this.causal) this.stamped = { value: detach(value) };
  }
  get empty(): boolean {
    return (
      this.sends.length === 0 &&
      this.timersSet.length === 0 &&
      this.timersCancelled.length === 0 &&
      this.invoked.length === 0 &&
      this.completed.length === 0 &&
      this.stamped === undefined
    );
  }
}
