// The server processes of a real run: one forked process per server node, started, killed
// (SIGKILL), paused (SIGSTOP) and resumed (SIGCONT) for real. A restarted node is a new process of
// the same node, which comes back from its durable file.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Id } from '../actor/actor.ts';
import type { Address } from './hosts.ts';
import type { NodeArgs } from './node.ts';
import type { RunTarget } from './run-model.ts';
import type { NodeReport } from './wire.ts';

// Compiled (dist/), the engine's modules end in .js; run from source, in .ts.
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const ENTRY = fileURLToPath(new URL(`./node-main${EXTENSION}`, import.meta.url));
// Spec files are TypeScript: node processes load them through tsx, as the CLI does.
const TSX = import.meta.resolve('tsx');

export interface ServerEvents {
  /** A node process is up and listening; `recovered` is what it restored from its durable file. */
  ready(id: Id, recovered: Record<string, unknown> | null): void;
  /** A handler threw (the node then dies as a crash would). */
  error(id: Id, message: string): void;
  /** The controller killed node `id`, and its process is gone. */
  killed(id: Id): void;
  /** A node process ended without being killed by the controller. */
  exited(id: Id, code: number | null, signal: string | null, stderr: string): void;
}

/** The servers of a run as the controller and the nemesis see them. */
export interface ServerProcesses {
  /** Where node `id` listens, when it is up (a paused node's socket still queues). */
  address(id: Id): Address | undefined;
  isUp(id: Id): boolean;
  isPaused(id: Id): boolean;
  start(id: Id, go?: boolean): Promise<void>;
  go(id: Id): void;
  kill(id: Id): Promise<void>;
  pause(id: Id): void;
  resume(id: Id): void;
  stopAll(): Promise<void>;
}

interface Running {
  readonly child: ChildProcess;
  port: number | undefined;
  paused: boolean;
  /** Killed by the controller: its exit is expected. */
  killed: boolean;
}

export class Servers implements ServerProcesses {
  private readonly running = new Map<Id, Running>();
  private readonly incarnations = new Map<Id, number>();

  constructor(
    private readonly target: RunTarget,
    private readonly controllerPort: () => number,
    /** The controller's TCP port, for an ordered network. */
    private readonly controllerTcpPort: number | undefined,
    private readonly dataDir: string,
    private readonly events: ServerEvents,
  ) {}

  address(id: Id): Address | undefined {
    const port = this.running.get(id)?.port;
    return port === undefined ? undefined : { host: '127.0.0.1', port };
  }

  isUp(id: Id): boolean {
    return this.running.has(id);
  }

  isPaused(id: Id): boolean {
    return this.running.get(id)?.paused ?? false;
  }

  /**
   * Starts node `id`; resolves once it listens (or has died trying). The node runs `init` (or
   * `recover`) when told to go: at once, or, when the cluster boots, once every node listens, so
   * that no node's first messages are sent to a peer not yet there (the model's nodes all start
   * together, with messages held by the network).
   */
  start(id: Id, go = true): Promise<void> {
    const incarnation = this.incarnations.get(id) ?? 0;
    this.incarnations.set(id, incarnation + 1);
    const args: NodeArgs = {
      target: this.target,
      node: id,
      incarnation,
      controllerPort: this.controllerPort(),
      ...(this.controllerTcpPort === undefined ? {} : { controllerTcpPort: this.controllerTcpPort }),
      dataDir: this.dataDir,
    };
    const child = fork(ENTRY, [JSON.stringify(args)], { execArgv: ['--import', TSX], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const r: Running = { child, port: undefined, paused: false, killed: false };
    this.running.set(id, r);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-2000);
    });
    return new Promise<void>((resolve) => {
      child.on('message', (m: NodeReport) => {
        if (m.type === 'ready') {
          r.port = m.port;
          this.events.ready(id, m.recovered);
          if (go) this.go(id);
          resolve();
        } else if (m.type === 'error') this.events.error(id, m.message);
      });
      child.on('exit', (code, signal) => {
        if (this.running.get(id) === r) this.running.delete(id);
        if (!r.killed) this.events.exited(id, code, signal, stderr);
        resolve();
      });
    });
  }

  /** Tells node `id`, listening, to start. */
  go(id: Id): void {
    const r = this.running.get(id);
    if (r?.child.connected) r.child.send({ type: 'start' });
  }

  /** SIGKILL; resolves once the process is gone. */
  kill(id: Id): Promise<void> {
    const r = this.running.get(id);
    if (r === undefined) return Promise.resolve();
    r.killed = true;
    this.running.delete(id);
    return new Promise<void>((resolve) => {
      const gone = (): void => {
        this.events.killed(id);
        resolve();
      };
      if (r.child.exitCode !== null || r.child.signalCode !== null) return gone();
      r.child.once('exit', gone);
      r.child.kill('SIGKILL');
    });
  }

  pause(id: Id): void {
    const r = this.running.get(id);
    if (r === undefined || r.paused) return;
    r.paused = true;
    r.child.kill('SIGSTOP');
  }

  resume(id: Id): void {
    const r = this.running.get(id);
    if (r === undefined || !r.paused) return;
    r.paused = false;
    r.child.kill('SIGCONT');
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.kill(id)));
  }
}
