import type { Progress } from './outcome.ts';

export type Strategy = 'bfs' | 'dfs';

export interface ExploreOptions {
  strategy?: Strategy;
  /** Do not expand states this many steps from an initial state. */
  maxDepth?: number;
  /** Stop after this many distinct states. */
  maxStates?: number;
  /** Wall-clock budget in milliseconds. */
  timeoutMs?: number;
  /** Count each symmetry orbit once (needs `model.symmetry`). */
  symmetry?: boolean;
  /** Called about once a second. */
  onProgress?: (p: Progress) => void;
}
