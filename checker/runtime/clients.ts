// The workload of a real run: client actors, run in the controller, each taking its local choices
// (the operations it invokes, the servers it tries) at random from the seeded generator, at most
// `rate` new operations a second over at most `concurrency` clients at a time. A client whose
// operation has not completed within the timeout is retired, its operation left pending (:info),
// and a fresh client node of the system takes its place (replies to a retired client are dropped).

import type { Id } from '../actor/actor.ts';
import type { SystemConfig } from '../actor/system-config.ts';
import { LiveActor } from './live-actor.ts';
import { Random } from './random.ts';
import type { RunHistory } from './run-history.ts';
import type { Packet } from './wire.ts';
import type { TimerDuration } from '../actor/actor.ts';

export interface ClientOptions {
  readonly concurrency: number;
  /** New operations per second, over all clients. */
  readonly rate: number;
  readonly opTimeoutMs: number;
  readonly timers?: Readonly<Record<string, TimerDuration>>;
}

/** How long a client with a pending operation waits before taking another choice (a retry). */
const RETRY_MS = 20;

export class Clients<S, M> {
  private readonly slots: (LiveActor<S, M> | undefined)[];
  private readonly lastChoice: number[];
  private readonly live = new Map<Id, LiveActor<S, M>>();
  private next = 0;
  private tokens = 0;
  private lastTick = 0;
  private invoking = true;
  /** Handler errors of clients, by client name. */
  readonly errors: string[] = [];
  exhausted = false;

  constructor(
    private readonly sys: SystemConfig<S, M>,
    private readonly random: Random,
    private readonly history: RunHistory,
    private readonly send: (p: Packet) => void,
    private readonly options: ClientOptions,
  ) {
    this.slots = new Array<LiveActor<S, M> | undefined>(options.concurrency).fill(undefined);
    this.lastChoice = new Array<number>(options.concurrency).fill(0);
  }

  isClient(id: Id): boolean {
    return this.sys.nodes[id]?.client !== undefined;
  }

  /** Delivers a message to a client; false when the client is retired (each client node plays one
   *  history process, never reused, so a late reply cannot reach a fresh client). */
  deliver(p: Packet): boolean {
    const actor = this.live.get(p.to);
    if (actor === undefined) return false;
    actor.deliver(p.from, p.msg as M, p.tag);
    return true;
  }

  /** Stops new operations (the run is ending); pending ones may still complete. */
  stopInvoking(): void {
    this.invoking = false;
  }

  get pending(): number {
    let n = 0;
    for (const a of this.slots) if (a !== undefined && this.history.pendingSince(a.node.client!) !== undefined) n++;
    return n;
  }

  /** One round of the workload: refill slots, time out, retry, invoke as the rate allows. */
  tick(): void {
    const now = this.history.now();
    const dt = this.lastTick === 0 ? 0 : (now - this.lastTick) / 1e6;
    this.lastTick = now;
    this.tokens = Math.min(this.options.concurrency, this.tokens + dt * this.options.rate);
    const order = this.slots.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.random.below(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      let actor = this.slots[i];
      if (actor === undefined) {
        if (!this.invoking) continue;
        actor = this.fresh();
        if (actor === undefined) continue;
        this.slots[i] = actor;
      }
      const c = actor.node.client!;
      const since = this.history.pendingSince(c);
      if (since !== undefined && (now - since) / 1000 > this.options.opTimeoutMs) {
        this.retire(i);
        continue;
      }
      const enabled = actor.choices();
      if (since !== undefined) {
        if (enabled.length > 0 && now - this.lastChoice[i]! > RETRY_MS * 1000) {
          this.lastChoice[i] = now;
          actor.choose(this.random.pick(enabled), c);
        }
        continue;
      }
      if (!this.invoking) continue;
      if (enabled.length === 0) {
        // Its script is done (or it waits for nothing): a fresh client carries on.
        this.retire(i);
        continue;
      }
      if (this.tokens < 1) continue;
      this.tokens -= 1;
      this.lastChoice[i] = now;
      actor.choose(this.random.pick(enabled), c);
    }
  }

  /** Retires every client, leaving pending operations pending. */
  retireAll(): void {
    for (let i = 0; i < this.slots.length; i++) this.retire(i);
  }

  private retire(i: number): void {
    const actor = this.slots[i];
    if (actor === undefined) return;
    actor.stop();
    this.history.abandon(actor.node.client!);
    this.live.delete(actor.id);
    this.slots[i] = undefined;
  }

  private fresh(): LiveActor<S, M> | undefined {
    const id = this.sys.clientIds[this.next];
    if (id === undefined) {
      this.exhausted = true;
      return undefined;
    }
    this.next++;
    const node = this.sys.nodes[id]!;
    const c = node.client!;
    const actor: LiveActor<S, M> = new LiveActor(
      this.sys,
      node,
      new Random(this.random.below(2 ** 32)),
      {
        send: (p) => this.send({ ...p, tag: c }),
        operations: (invoked, completed) => {
          for (const output of completed) this.history.complete(c, output);
          for (const input of invoked) this.history.invoke(c, input);
        },
        crashed: (message) => {
          this.errors.push(message);
          const slot = this.slots.indexOf(actor);
          if (slot >= 0) this.retire(slot);
        },
      },
      this.options.timers,
    );
    this.live.set(id, actor);
    actor.start(null);
    return actor;
  }
}
