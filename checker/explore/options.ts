import type { EdgeSink } from './edge-sink.ts';
import type { Progress } from './outcome.ts';
import type { Shard } from './random/shard.ts';
import type { SwarmOptions } from './random/swarm.ts';

export type Strategy = 'bfs' | 'dfs' | 'random';

/** `S`, `A`: the model's states and actions (only an edge sink needs them). */
export interface ExploreOptions<S = unknown, A = unknown> {
  strategy?: Strategy;
  /** Do not expand states this many steps from an initial state. */
  maxDepth?: number;
  /** Stop after this many distinct states. */
  maxStates?: number;
  /** Wall-clock budget in milliseconds. */
  timeoutMs?: number;
  /** Count each symmetry orbit once (needs `model.symmetry`). */
  symmetry?: boolean;
  /** Partial-order reduction with sleep sets (bfs; needs a model that says which actions commute). */
  por?: boolean;
  /** Called about once a second. */
  onProgress?: (p: Progress) => void;
  /**
   * Called as the search starts with a function that tells its counts at any moment (distinct
   * states as of the last expanded state): what an interrupted run reports.
   */
  onStart?: (now: () => Progress) => void;
  /**
   * Told every state, every transition and every state left unexpanded (liveness needs the whole
   * graph). Exhaustive single-thread searches only (bfs, dfs): refused with POR, workers or random.
   */
  edges?: EdgeSink<S, A>;

  // Random strategy (seeded random walks; never proves `holds`).
  /** Seed of the run; walk k is seeded from (seed, k). Default: a fresh seed, reported. */
  seed?: number;
  /** Walks in the whole run (all shards together). Default 1,000. */
  walks?: number;
  /** Steps of one walk at most. Default `maxDepth`, else 100. */
  walkDepth?: number;
  /** Run only this shard's walks (walk k belongs to shard k mod n + 1). */
  shard?: Shard;
  /** Vary the fault mix per walk (default true), or fix the fault kinds and weight; false: uniform. */
  swarm?: boolean | SwarmOptions;
  /** Shrink a violating walk (cut cycles, then fast-check); false keeps the walk as found. */
  shrink?: boolean;
  /** Called after each walk (tests, tooling). */
  onWalk?: (walk: WalkRecord) => void;
}

/** One random walk, as `onWalk` sees it. */
export interface WalkRecord {
  readonly index: number;
  /** Index into `model.init()`. */
  readonly init: number;
  /** The action taken at each step, as an index into `model.actions(state)`. */
  readonly candidates: readonly number[];
  /** The fault mix the walk drew (swarm testing). */
  readonly mix: string;
  readonly violated?: string;
}
