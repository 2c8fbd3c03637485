// The controller's network: every datagram of a run passes through it, so it decides each one's
// fate as the nemesis has set the network: delivered, dropped across a partition, lost, or
// delivered twice. Clients reach every server (as in the model: partitions split the servers).

import type { Id } from '../actor/actor.ts';
import type { Random } from './random.ts';

export type Fate = 'delivered' | 'duplicated' | 'partitioned' | 'lost' | 'down' | 'stale';

export interface RoutedPacket {
  /** Milliseconds since the run started. */
  readonly t: number;
  readonly from: Id;
  readonly to: Id;
  readonly fate: Fate;
}

export class NetworkFaults {
  /** The servers on one side of the current partition (the other side is every other server). */
  private side: ReadonlySet<Id> | null = null;
  lossRate = 0;
  duplicateRate = 0;

  constructor(
    private readonly isServer: (id: Id) => boolean,
    private readonly random: Random,
  ) {}

  partition(side: readonly Id[]): void {
    this.side = new Set(side);
  }

  heal(): void {
    this.side = null;
  }

  get partitioned(): readonly Id[] | null {
    return this.side === null ? null : [...this.side].sort((a, b) => a - b);
  }

  /** Whether a message between `a` and `b` crosses the partition. */
  crosses(a: Id, b: Id): boolean {
    if (this.side === null || !this.isServer(a) || !this.isServer(b)) return false;
    return this.side.has(a) !== this.side.has(b);
  }

  /** What becomes of a message from `from` to `to` now. */
  fate(from: Id, to: Id): Fate {
    if (this.crosses(from, to)) return 'partitioned';
    if (this.lossRate > 0 && this.random.next() < this.lossRate) return 'lost';
    if (this.duplicateRate > 0 && this.random.next() < this.duplicateRate) return 'duplicated';
    return 'delivered';
  }
}
