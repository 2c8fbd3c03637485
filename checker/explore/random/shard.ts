// Sharding random walks across CI jobs: shard i of n runs the walks whose index is i-1 mod n.
// Walk k's seed depends only on the run's seed and k, so shards 1/n..n/n together run exactly the
// walks of the unsharded run, whatever n is.

import { InputError } from '../../errors.ts';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new InputError(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. 2/4`);
  return { index, count };
}

export function formatShard(s: Shard): string {
  return `${s.index}/${s.count}`;
}

/** Whether walk `k` (0-based) belongs to `shard`. */
export function inShard(k: number, shard: Shard | undefined): boolean {
  return shard === undefined || k % shard.count === shard.index - 1;
}

/** The first walk of `shard` and the stride between its walks. */
export function shardWalks(shard: Shard | undefined): { first: number; stride: number } {
  return shard === undefined ? { first: 0, stride: 1 } : { first: shard.index - 1, stride: shard.count };
}
