// Linearizability as a predicate for explored models. Exploration reaches the same history along
// many paths, so verdicts are memoised by the history's fingerprint in a bounded map.

import { fingerprintHex } from '../fingerprint/hash.ts';
import type { History } from './history.ts';
import { checkLinearizability } from './linearizability.ts';
import type { SequentialSpec } from './sequential-spec.ts';

export interface LinearizablePredicateOptions {
  /** How many verdicts to remember; the oldest are forgotten first. */
  readonly memoSize?: number;
}

/**
 * A predicate that holds when a history is linearizable under `spec`. Without a time budget the
 * check always reaches a verdict, so the answer is never a guess.
 */
export function linearizable<I, O, S>(
  spec: SequentialSpec<I, O, S>,
  options: LinearizablePredicateOptions = {},
): (history: History<I, O>) => boolean {
  const limit = options.memoSize ?? 10_000;
  const memo = new Map<string, boolean>();
  return (history) => {
    const key = fingerprintHex(history);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const holds = checkLinearizability(history, spec).result === 'linearizable';
    if (memo.size >= limit) memo.delete(memo.keys().next().value!);
    memo.set(key, holds);
    return holds;
  };
}
