// The servers of a run across machines (`--hosts`): each started by hand with `interleave node`,
// listening at its address in the hosts file. A node says hello to the controller until the
// controller tells it to start (with the run's shape, so it builds the same model); a node
// restarted by hand says hello again and is started at once. The controller cannot kill or pause
// a process on another machine: only the network faults apply.

import type { Id } from '../actor/actor.ts';
import { InputError } from '../errors.ts';
import type { Address, Hosts } from './hosts.ts';
import type { RunTarget } from './run-model.ts';
import type { ServerProcesses } from './servers.ts';

/** A control datagram: from or to the controller (node -1). */
export type Control =
  | { readonly control: 'hello'; readonly node: string }
  | { readonly control: 'start'; readonly clients: number; readonly operations: number; readonly seed: number }
  | { readonly control: 'started'; readonly node: string }
  | { readonly control: 'stop' };

export const CONTROLLER: Id = -1;

export class RemoteServers implements ServerProcesses {
  private readonly up = new Set<Id>();
  private readonly started = new Set<Id>();
  private readonly waiting = new Map<Id, () => void>();
  private readonly running = new Set<Id>();
  private allRunning: (() => void) | undefined;

  constructor(
    private readonly hosts: Hosts,
    private readonly file: string,
    private readonly names: readonly string[],
    private readonly serverIds: readonly Id[],
    private readonly target: RunTarget,
    private readonly sendControl: (to: Address, c: Control) => void,
    private readonly ready: (id: Id) => void,
  ) {
    for (const id of serverIds) if (!hosts.has(names[id]!)) throw new InputError(`${file}: no address for ${names[id]}`);
  }

  /** A node said hello: it is up; a node that had started before (restarted by hand) starts again. */
  hello(name: string): void {
    const id = this.names.indexOf(name);
    if (id < 0 || !this.serverIds.includes(id) || this.up.has(id)) return;
    this.up.add(id);
    this.ready(id);
    if (this.started.has(id)) this.go(id);
    this.waiting.get(id)?.();
  }

  /** A node has built the model and started. */
  startedAt(name: string): void {
    const id = this.names.indexOf(name);
    if (id < 0) return;
    this.running.add(id);
    if (this.serverIds.every((s) => this.running.has(s))) this.allRunning?.();
  }

  /** Resolves once every server has started (built the model: a second or so). */
  everyStarted(): Promise<void> {
    if (this.serverIds.every((s) => this.running.has(s))) return Promise.resolve();
    return new Promise((resolve) => (this.allRunning = resolve));
  }

  /** A node that stopped answering is down until it says hello again. */
  down(id: Id): void {
    this.up.delete(id);
  }

  address(id: Id): Address | undefined {
    return this.up.has(id) ? this.hosts.get(this.names[id]!) : undefined;
  }

  isUp(id: Id): boolean {
    return this.up.has(id);
  }

  isPaused(): boolean {
    return false;
  }

  /** Waits for node `id`'s hello (the node is started by hand). */
  start(id: Id, go = true): Promise<void> {
    const started = this.up.has(id) ? Promise.resolve() : new Promise<void>((resolve) => this.waiting.set(id, resolve));
    return started.then(() => {
      this.waiting.delete(id);
      if (go) this.go(id);
    });
  }

  go(id: Id): void {
    this.started.add(id);
    this.sendControl(this.hosts.get(this.names[id]!)!, { control: 'start', clients: this.target.clients, operations: this.target.operations, seed: this.target.seed });
  }

  kill(): Promise<void> {
    throw new InputError(`${this.file}: a run across hosts cannot kill its nodes`);
  }

  pause(): void {
    throw new InputError(`${this.file}: a run across hosts cannot pause its nodes`);
  }

  resume(): void {}

  /** Tells every node to stop (a datagram may be lost: sent thrice, and given time to leave). */
  async stopAll(): Promise<void> {
    for (let i = 0; i < 3; i++) for (const id of this.serverIds) this.sendControl(this.hosts.get(this.names[id]!)!, { control: 'stop' });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
