// What a random run reports besides the common outcome: the seed to repeat it, the walks it ran,
// the coverage it reached, and for a violation, how it was found and shrunk.

import type { Coverage } from './coverage.ts';
import type { Shard } from './shard.ts';

export interface RandomSummary {
  readonly seed: number;
  readonly shard?: Shard;
  /** Walks this run (shard) ran. */
  readonly walks: number;
  /** Steps over all walks. */
  readonly steps: number;
  readonly walkDepth: number;
  readonly coverage: Coverage;
  /** For a violation: the index of the walk that found it (its seed is walkSeed(seed, index)). */
  readonly violatingWalk?: number;
  /** Milliseconds from the start to the end of the violating walk: time to first bug. */
  readonly msToViolation?: number;
  /** Steps of the violating walk as found, then after cutting cycles and shrinking. */
  readonly foundLength?: number;
  readonly shrunkLength?: number;
  /** Schedules replayed while shrinking. */
  readonly shrinkTries?: number;
}
