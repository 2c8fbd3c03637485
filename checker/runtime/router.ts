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
  /** The groups of servers that still reach each other (two servers talk iff a group holds both). */
  private groups: readonly ReadonlySet<Id>[] | null = null;
  lossRate = 0;
  duplicateRate = 0;

  constructor(
    private readonly isServer: (id: Id) => boolean,
    private readonly random: Random,
  ) {}

  /** Cuts the servers into groups: two sides, or two halves joined by a bridge node in both. */
  partition(groups: readonly (readonly Id[])[]): void {
    this.groups = groups.map((g) => new Set(g));
  }

  heal(): void {
    this.groups = null;
  }

  /** Whether a message between `a` and `b` crosses the partition. */
  crosses(a: Id, b: Id): boolean {
    if (this.groups === null || !this.isServer(a) || !this.isServer(b)) return false;
    return !this.groups.some((g) => g.has(a) && g.has(b));
  }

  /** What becomes of a message from `from` to `to` now. */
  fate(from: Id, to: Id): Fate {
    if (this.crosses(from, to)) return 'partitioned';
    if (this.lossRate > 0 && this.random.next() < this.lossRate) return 'lost';
    if (this.duplicateRate > 0 && this.random.next() < this.duplicateRate) return 'duplicated';
    return 'delivered';
  }
}
