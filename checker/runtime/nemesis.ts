// The nemesis: every interval it either starts a fault (of a kind drawn from those asked for) or
// ends the one it started, so faults come and go: a server killed (SIGKILL) then restarted, paused
// (SIGSTOP) then resumed, the servers partitioned then healed, messages lost or duplicated for a
// while. Every start and end is logged with its time.

import type { Id } from '../actor/actor.ts';
import type { FaultEvent, NemesisKind } from './faults-log.ts';
import type { Random } from './random.ts';
import type { NetworkFaults } from './router.ts';
import type { ServerProcesses } from './servers.ts';

/** How likely a message is lost, or duplicated, while that fault lasts. */
export const LOSS_RATE = 0.3;
export const DUPLICATE_RATE = 0.3;

interface Active {
  readonly kind: NemesisKind;
  readonly detail: string;
  readonly end: () => Promise<void> | void;
}

export class Nemesis {
  private active: Active | undefined;

  constructor(
    private readonly kinds: readonly NemesisKind[],
    private readonly random: Random,
    private readonly serverIds: readonly Id[],
    private readonly names: readonly string[],
    private readonly servers: ServerProcesses,
    private readonly network: NetworkFaults,
    private readonly log: (e: Omit<FaultEvent, 't'>) => void,
  ) {}

  /** One beat: end the active fault, or start one. */
  async beat(): Promise<void> {
    if (this.active !== undefined) return this.end();
    if (this.kinds.length === 0) return;
    const kind = this.random.pick(this.kinds);
    this.active = this.start(kind);
    if (this.active) this.log({ kind, phase: 'start', detail: this.active.detail });
  }

  /** Ends the active fault, if any. */
  async end(): Promise<void> {
    const a = this.active;
    if (a === undefined) return;
    this.active = undefined;
    await a.end();
    this.log({ kind: a.kind, phase: 'end', detail: a.detail });
  }

  private start(kind: NemesisKind): Active | undefined {
    const up = this.serverIds.filter((id) => this.servers.isUp(id) && !this.servers.isPaused(id));
    switch (kind) {
      case 'kill': {
        if (up.length === 0) return undefined;
        const id = this.random.pick(up);
        void this.servers.kill(id);
        return { kind, detail: this.names[id]!, end: () => this.servers.start(id) };
      }
      case 'pause': {
        if (up.length === 0) return undefined;
        const id = this.random.pick(up);
        this.servers.pause(id);
        return { kind, detail: this.names[id]!, end: () => this.servers.resume(id) };
      }
      case 'partition': {
        const groups = this.split();
        this.network.partition(groups);
        const show = (ids: readonly Id[]): string => `{${ids.map((id) => this.names[id]).join(', ')}}`;
        return { kind, detail: groups.map(show).join(' | '), end: () => this.network.heal() };
      }
      case 'loss':
        this.network.lossRate = LOSS_RATE;
        return { kind, detail: `${LOSS_RATE * 100}% of messages`, end: () => void (this.network.lossRate = 0) };
      case 'duplicate':
        this.network.duplicateRate = DUPLICATE_RATE;
        return { kind, detail: `${DUPLICATE_RATE * 100}% of messages`, end: () => void (this.network.duplicateRate = 0) };
    }
  }

  /**
   * The groups of a partition, each sorted: one server isolated, a random minority apart from the
   * majority, or (with 3 servers or more) a bridge: two halves that each reach one server, the
   * bridge, which reaches both.
   */
  private split(): Id[][] {
    const shuffled = [...this.serverIds];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.random.below(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const sorted = (ids: Id[]): Id[] => ids.sort((a, b) => a - b);
    const shape = this.random.below(shuffled.length >= 3 ? 3 : 2);
    if (shape === 2) {
      const [bridge, ...rest] = shuffled;
      const half = Math.ceil(rest.length / 2);
      return [sorted([bridge!, ...rest.slice(0, half)]), sorted([bridge!, ...rest.slice(half)])];
    }
    const size = shape === 0 ? 1 : Math.max(1, Math.floor((shuffled.length - 1) / 2));
    return [sorted(shuffled.slice(0, size)), sorted(shuffled.slice(size))];
  }
}
