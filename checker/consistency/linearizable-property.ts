// Linearizability for explored models: as a predicate over histories, and as the property of an
// actor system that its clients' history is linearizable. Exploration reaches the same history
// along many paths, so verdicts are memoised by the history's fingerprint in a bounded map.

import { fingerprintHex } from '../fingerprint/hash.ts';
import { always, type Property } from '../properties.ts';
import { historyOf, type ClientHistory } from '../actor/client-history.ts';
import type { SystemState } from '../actor/system.ts';
import type { SystemView } from '../actor/system-view.ts';
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

const RECORDS_REMEMBERED = 100_000;

/**
 * The property that an actor system's clients' history is linearizable under `spec`. Most steps
 * leave the history untouched and successive states share it, so the verdict is also remembered
 * per history object, and by the recorded history's fingerprint: either skips converting it.
 */
export function linearizability<I, O, S>(
  spec: SequentialSpec<I, O, S>,
  name = 'Linearizable',
): Property<SystemState<unknown, unknown, I, O>, SystemView | void> {
  const check = linearizable(spec);
  const verdicts = new WeakMap<ClientHistory<I, O>, boolean>();
  // The recorded form is canonical too: a verdict found by its fingerprint skips the conversion.
  const byRecord = new Map<string, boolean>();
  const property = always(name, (s: SystemState<unknown, unknown, I, O>) => {
    let holds = verdicts.get(s.history);
    if (holds !== undefined) return holds;
    const key = fingerprintHex(s.history);
    holds = byRecord.get(key);
    if (holds === undefined) {
      holds = check(historyOf(s.history));
      if (byRecord.size >= RECORDS_REMEMBERED) byRecord.delete(byRecord.keys().next().value!);
      byRecord.set(key, holds);
    }
    verdicts.set(s.history, holds);
    return holds;
  });
  // The views explain a violation with the checker's account, which needs the specification.
  return { ...property, sequentialSpec: spec } as Property<SystemState<unknown, unknown, I, O>, SystemView | void>;
}

/** The sequential specification of a property built by `linearizability`, if it is one. */
export function sequentialSpecOf(p: { readonly kind: string }): SequentialSpec<unknown, unknown, unknown> | undefined {
  const spec = (p as { readonly sequentialSpec?: SequentialSpec<unknown, unknown, unknown> }).sequentialSpec;
  return p.kind === 'always' && spec !== undefined ? spec : undefined;
}
