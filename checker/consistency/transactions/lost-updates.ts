// Lost updates, in both workloads: two committed transactions read the same version of a key and
// then both wrote the key, so one of the updates was made without seeing the other.

import type { Anomaly } from './anomaly.ts';
import { showKey, txnName, type Key, type Txn } from './txn.ts';

export class LostUpdates {
  /** Per key, per version read, the first transaction that read it and then wrote the key. */
  private readonly firstWriter = new Map<Key, Map<number, number>>();

  constructor(private readonly txns: readonly Txn[]) {}

  /**
   * Notes that `t` read `version` of `key` (`seen` shows it, when needed) and then wrote the key (`wrote`, e.g.
   * "wrote x"); the lost update when another transaction did so first.
   */
  readThenWrote(t: number, key: Key, version: number, seen: () => string, wrote: string): Anomaly | undefined {
    let byVersion = this.firstWriter.get(key);
    if (byVersion === undefined) this.firstWriter.set(key, (byVersion = new Map()));
    const other = byVersion.get(version);
    if (other === undefined) {
      byVersion.set(version, t);
      return undefined;
    }
    return {
      type: 'lost-update',
      txns: [other, t],
      key,
      explanation: `${txnName(this.txns[other]!)} and ${txnName(this.txns[t]!)} both read ${showKey(key)} = ${seen()} and both ${wrote}: one of the updates was made without seeing the other`,
    };
  }
}
