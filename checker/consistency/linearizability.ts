// Checking a history for linearizability: validate it, split it into independent parts when the
// specification allows (P-compositionality), search each part, and report the first part that
// cannot be linearized with what the search got furthest to, so that it can be explained.
//
// `unknown` is only ever the answer to a time budget running out: a verdict is never guessed.

import { InputError } from '../errors.ts';
import { historyFault, type History } from './history.ts';
import { searchLinearization } from './search.ts';
import type { SequentialSpec } from './sequential-spec.ts';

export type Verdict = 'linearizable' | 'not-linearizable' | 'unknown';

export interface CheckOptions {
  /** Give up with `unknown` after this many milliseconds (over all partitions). */
  readonly timeoutMs?: number;
}

/** Where the search for a linearization of a part got stuck. Indexes refer to `history`. */
export interface LinearizationFailure<I, O, S> {
  /** Which part of the partition (in the order `partition` returned them). */
  readonly partitionIndex: number;
  /** The operations of that part. */
  readonly history: History<I, O>;
  /** The longest linearizable prefix found, in linearization order. */
  readonly linearized: readonly number[];
  /** The model state after `linearized`. */
  readonly state: S;
  /**
   * The operation that cannot be placed: of those outside the prefix, the completed one that
   * returns first. It must come next (before anything called after it returned), yet neither it
   * nor any operation that could precede it extends the prefix.
   */
  readonly blocked: number;
  /** The operations outside the prefix that were candidates for the next place. */
  readonly candidates: readonly number[];
}

export interface LinearizabilityResult<I = unknown, O = unknown, S = unknown> {
  readonly result: Verdict;
  readonly operations: number;
  readonly partitions: number;
  /** Check time in milliseconds. */
  readonly ms: number;
  /** Present when the result is `not-linearizable`. */
  readonly failure?: LinearizationFailure<I, O, S>;
}

export function checkLinearizability<I, O, S>(
  history: History<I, O>,
  spec: SequentialSpec<I, O, S>,
  options: CheckOptions = {},
): LinearizabilityResult<I, O, S> {
  const start = performance.now();
  const fault = historyFault(history);
  if (fault !== undefined) throw new InputError(`malformed history: ${fault}`);
  const deadline = options.timeoutMs === undefined ? Infinity : start + options.timeoutMs;
  const parts = spec.partition ? spec.partition(history) : [history];
  let timedOut = false;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    const outcome = searchLinearization(part, spec, deadline);
    if (outcome.verdict === 'unknown') {
      // Another part may still be shown not linearizable, which is a definite answer.
      timedOut = true;
      continue;
    }
    if (outcome.verdict === 'not-linearizable') {
      return {
        result: 'not-linearizable',
        operations: history.length,
        partitions: parts.length,
        ms: performance.now() - start,
        failure: describeFailure(p, part, outcome.longestPrefix, outcome.stateAfterPrefix),
      };
    }
  }
  return {
    result: timedOut ? 'unknown' : 'linearizable',
    operations: history.length,
    partitions: parts.length,
    ms: performance.now() - start,
  };
}

function describeFailure<I, O, S>(
  partitionIndex: number,
  history: History<I, O>,
  linearized: readonly number[],
  state: S,
): LinearizationFailure<I, O, S> {
  const placed = new Set(linearized);
  let blocked = -1;
  for (let i = 0; i < history.length; i++) {
    const ret = history[i]!.ret;
    if (placed.has(i) || ret === undefined) continue;
    if (blocked === -1 || ret < history[blocked]!.ret!) blocked = i;
  }
  const deadlineOfNext = history[blocked]!.ret!;
  const candidates: number[] = [];
  for (let i = 0; i < history.length; i++) {
    if (!placed.has(i) && history[i]!.call <= deadlineOfNext) candidates.push(i);
  }
  return { partitionIndex, history, linearized, state, blocked, candidates };
}
