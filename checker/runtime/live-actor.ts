// One node of a real run: the actor's own handlers, run as the explorer runs them (handler.ts, under
// immer, through the same `ctx`), with the effects made real: durable fields handed to stable
// storage before the step's messages leave, timers that fire after a drawn duration, messages put
// on a socket. Server nodes run one each in a process of their own (node.ts); clients run in the
// controller (clients.ts).

import { freeze } from 'immer';
import type { ActorAction } from '../actor/actions.ts';
import type { Id, TimerDuration } from '../actor/actor.ts';
import { durableFields, restartedState } from '../actor/durable.ts';
import type { Effects } from '../actor/effects.ts';
import { contextOf, errorMessage, runHandler } from '../actor/handler.ts';
import type { Node } from '../actor/nodes.ts';
import type { SystemConfig } from '../actor/system-config.ts';
import { HandlerError } from '../errors.ts';
import type { Random } from './random.ts';
import type { Packet } from './wire.ts';

/** A timer's duration when its handler gives none. */
export const DEFAULT_TIMER: TimerDuration = Object.freeze({ min: 50, max: 150 });

export interface LiveHooks {
  send(packet: Packet): void;
  /** Writes the durable fields to stable storage; returns once they are there. */
  persist?(durable: Record<string, unknown>): void;
  /** A client's step invoked or completed operations. */
  operations?(invoked: readonly unknown[], completed: readonly unknown[]): void;
  /** A handler threw: the node is to stop as a crash would. */
  crashed(message: string): void;
}

export class LiveActor<S, M> {
  private state: S | undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private lastDurable = '';
  private stopped = false;
  /** Messages that arrived before the node started, delivered once it has. */
  private early: { from: Id; msg: M; tag: number | null }[] = [];

  constructor(
    private readonly sys: SystemConfig<S, M>,
    readonly node: Node<S, M>,
    private readonly random: Random,
    private readonly hooks: LiveHooks,
    /** Durations for timers whose handler gives none, by name or name prefix. */
    private readonly timerDefaults: Readonly<Record<string, TimerDuration>> = {},
  ) {}

  get id(): Id {
    return this.node.id;
  }

  get current(): S | undefined {
    return this.state;
  }

  /** Starts the node: `init`, or after a crash its `recover` (or `init` with the durable fields over it). */
  start(durable: Partial<S> | null): void {
    const fx = contextOf(this.sys, this.node.id);
    let state: S;
    try {
      state = durable === null ? this.node.actor.init(fx) : restartedState(this.node, durable, fx);
    } catch (e) {
      this.fail(`${this.node.name} threw while ${durable === null ? 'starting' : 'restarting'}: ${errorMessage(e)}`);
      return;
    }
    if (durable !== null) this.lastDurable = JSON.stringify(durable);
    this.apply(freeze(state, true), fx, null);
    const early = this.early;
    this.early = [];
    for (const e of early) this.deliver(e.from, e.msg, e.tag);
  }

  deliver(from: Id, msg: M, tag: number | null): void {
    const actor = this.node.actor;
    if (this.stopped || !actor.onMessage) return;
    if (this.state === undefined) {
      this.early.push({ from, msg, tag });
      return;
    }
    this.step({ kind: 'deliver', from, to: this.node.id, msg }, tag, (d, ctx) => actor.onMessage!(d, from, msg, ctx));
  }

  /** The local choices enabled now. */
  choices(): readonly unknown[] {
    if (this.stopped || this.state === undefined) return [];
    return this.node.actor.choices?.(this.state) ?? [];
  }

  choose(choice: unknown, tag: number | null): void {
    const actor = this.node.actor;
    if (this.stopped || !actor.onChoice) return;
    this.step({ kind: 'choose', node: this.node.id, choice }, tag, (d, ctx) => actor.onChoice!(d, choice, ctx));
  }

  /** Disarms every timer; the node takes no more steps. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private fire(timer: string, tag: number | null): void {
    this.timers.delete(timer);
    const actor = this.node.actor;
    if (this.stopped || !actor.onTimer) return;
    this.step({ kind: 'timeout', node: this.node.id, timer }, tag, (d, ctx) => actor.onTimer!(d, timer, ctx));
  }

  private step(what: ActorAction<M>, tag: number | null, body: Parameters<typeof runHandler<S, M>>[5]): void {
    if (this.state === undefined) return;
    let result: { state: S; fx: Effects<M> };
    try {
      result = runHandler(this.sys, this.node, this.state, what, undefined, body);
    } catch (e) {
      this.fail(errorMessage(e));
      return;
    }
    this.apply(result.state, result.fx, tag);
  }

  /** The step's effects, made real in the model's order: state and stable storage, then sends. */
  private apply(state: S, fx: Effects<M>, tag: number | null): void {
    const client = this.node.client !== undefined;
    if (!client && (fx.invoked.length > 0 || fx.completed.length > 0)) {
      this.fail(new HandlerError(`${this.node.name} is not a client: only clients record history`).message);
      return;
    }
    this.state = state;
    if ((this.node.actor.durable ?? []).length > 0 && this.hooks.persist) {
      const durable = durableFields(this.node, state);
      const text = JSON.stringify(durable);
      if (text !== this.lastDurable) {
        this.hooks.persist(durable);
        this.lastDurable = text;
      }
    }
    if (client && (fx.invoked.length > 0 || fx.completed.length > 0)) {
      this.hooks.operations?.(
        fx.invoked.map((o) => o.input),
        fx.completed.map((o) => o.output),
      );
    }
    for (const t of fx.timersCancelled) {
      clearTimeout(this.timers.get(t));
      this.timers.delete(t);
    }
    for (const t of fx.timersSet) {
      clearTimeout(this.timers.get(t));
      const { min, max } = fx.timerDurations[t] ?? this.defaultDuration(t);
      // A client's timers belong to its operation; a server's to no client's request.
      const timerTag = client ? tag : null;
      this.timers.set(t, setTimeout(() => this.fire(t, timerTag), this.random.between(min, max)));
    }
    for (const { to, msg } of fx.sends) this.hooks.send({ from: this.node.id, to, msg, tag });
  }

  private defaultDuration(timer: string): TimerDuration {
    const exact = this.timerDefaults[timer];
    if (exact) return exact;
    let best: string | undefined;
    for (const name of Object.keys(this.timerDefaults)) if (timer.startsWith(name) && (best === undefined || name.length > best.length)) best = name;
    return best === undefined ? DEFAULT_TIMER : this.timerDefaults[best]!;
  }

  private fail(message: string): void {
    this.stop();
    this.hooks.crashed(message);
  }
}
