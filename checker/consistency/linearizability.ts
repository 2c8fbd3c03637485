// Checking a history for linearizability: validate it, split it into independent parts when the
// specification allows (P-compositionality), search each part, and report the first part that
// cannot be linearized with what the search got furthest to, so that it can be explained.
//
// `unknown` is only ever the answer to a time budget running out: a verdict is never guessed.

import { InputError } from '../errors.ts';
import { historyFault, type History } from './history.ts';
import { createSearch, type LinearizationSearch, type SearchOutcome } from './search.ts';
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
  const result = (verdict: Verdict, failure?: LinearizationFailure<I, O, S>): LinearizabilityResult<I, O, S> => ({
    result: verdict,
    operations: history.length,
    partitions: parts.length,
    ms: performance.now() - start,
    ...(failure === undefined ? {} : { failure }),
  });
  // The parts are searched in round-robin slices of doubling length, as if in parallel: one part
  // that is quick to refute then ends the check even when another would take very long to settle.
  let open: { index: number; search: LinearizationSearch<S> }[] = parts.map((part, index) => ({
    index,
    search: createSearch(part, spec),
  }));
  let timedOut = false;
  for (let slice = FIRST_SLICE; open.length > 0; slice *= 2) {
    const stillOpen: typeof open = [];
    for (const job of open) {
      const outcome: SearchOutcome<S> | undefined = job.search.run(slice, deadline);
      if (outcome === undefined) stillOpen.push(job);
      else if (outcome.verdict === 'unknown') timedOut = true;
      else if (outcome.verdict === 'not-linearizable') {
        const part = parts[job.index]!;
        return result('not-linearizable', describeFailure(job.index, part, outcome.longestPrefix, outcome.stateAfterPrefix));
      }
    }
    // Past the deadline every remaining part answers `unknown` at once.
    open = timedOut ? [] : stillOpen;
  }
  return result(timedOut ? 'unknown' : 'linearizable');
}

/** Search iterations a part gets in the first round; each round doubles it. */
const FIRST_SLICE = 1 << 16;

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
