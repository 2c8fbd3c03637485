// What a run of the explorer returns.

import type { RandomSummary } from './random/summary.ts';

/** A path from an initial state: which initial state, then each action taken. */
export interface Path<S, A> {
  /** Index into `model.init()`. */
  readonly init: number;
  readonly actions: readonly A[];
  /** `states[0]` is the initial state; `states[i + 1]` follows `actions[i]`. */
  readonly states: readonly S[];
}

export type Status =
  /** Every reachable state (within the bounds of `within`) was checked and every property holds. */
  | 'holds'
  /** A property failed; `property` names it and `path` leads to it. */
  | 'violated'
  /** A bound (depth, states, time) stopped the search before it was exhaustive. */
  | 'incomplete'
  /** Exhaustive and safe, but some `sometimes` property was never reached. */
  | 'vacuous';

/** `walks`: a random run used up its walks (random search never proves `holds`). `within`: a liveness
 * property's counterexamples could go through states the state constraint left unexpanded. */
export type Bound = 'maxDepth' | 'maxStates' | 'timeout' | 'walks' | 'within';

export interface Outcome<S, A> {
  readonly status: Status;
  /** The violated property (status `violated`). */
  readonly property?: string;
  readonly path?: Path<S, A>;
  /** `sometimes` properties that no explored state satisfied. */
  readonly unreached: readonly string[];
  /** Bounds that cut the search short (status `incomplete`, or hit before a violation). */
  readonly boundsHit: readonly Bound[];
  readonly distinctStates: number;
  readonly generatedStates: number;
  /** Longest shortest path seen, in steps (TLC's depth counts states: ours + 1). */
  readonly maxDepth: number;
  readonly ms: number;
  /** Random strategy: seed, walks, coverage, and how a violation was found and shrunk. */
  readonly random?: RandomSummary;
}

export interface Progress {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly queue: number;
  readonly ms: number;
}

/** What every strategy counts, whatever the verdict. */
export type SearchStats = Pick<Outcome<never, never>, 'unreached' | 'boundsHit' | 'distinctStates' | 'generatedStates' | 'maxDepth' | 'ms'>;

/**
 * The outcome of an exhaustive search that found no violation: incomplete when a bound cut it
 * short, vacuous when a `sometimes` property was never reached, else holds.
 */
export function withoutViolation<S, A>(stats: SearchStats): Outcome<S, A> {
  if (stats.boundsHit.length > 0) return { ...stats, status: 'incomplete' };
  if (stats.unreached.length > 0) return { ...stats, status: 'vacuous' };
  return { ...stats, status: 'holds' };
}
