// A sequential specification: the object a history is checked against.
//
// A completed operation is checked with `step`, which also decides whether its output is legal. A
// pending operation has no output, so it goes through `stepPending`, which lists every state the
// operation may leave behind if it takes effect now, whatever output the specification would allow
// (for a pending cas that depends on the state; for a non-deterministic specification there may be
// several). "Never took effect" needs no state: the checker may always leave a pending operation out.

import type { History, Operation } from './history.ts';
import { fingerprintParts } from '../fingerprint/hash.ts';
import { plainEqual } from './plain-equal.ts';

export interface SequentialSpec<I, O, S> {
  /** The name the CLI and reports use, e.g. `kv`. */
  readonly name: string;
  init(): S;
  /** The state after `input` returned `output`, or undefined when that output is illegal here. */
  step(state: S, input: I, output: O): S | undefined;
  /** Every state a pending `input` may leave behind if it takes effect in `state` (may be empty). */
  stepPending(state: S, input: I): readonly S[];
  /**
   * True when a completed operation with this input and output leaves every state in which it is
   * legal unchanged (a read, a failed cas). Optional: it lets the search place such operations
   * greedily, which prunes most of the search on read-heavy histories.
   */
  readOnly?(input: I, output: O): boolean;
  equal(a: S, b: S): boolean;
  /** A 32-bit hash consistent with `equal`. */
  hash(state: S): number;
  /**
   * Splits a history into independent sub-histories (P-compositionality): the history is
   * linearizable iff every part is. Checking the parts separately is exponentially cheaper.
   */
  partition?(history: History<I, O>): readonly History<I, O>[];
  /** The operation for a human, e.g. `cas(1, 2) -> ok`. */
  describe(op: Operation<I, O>): string;
  /** A state for a human; JSON when absent. */
  describeState?(state: S): string;
  /** Why an untyped operation (from a file) is not one of this specification's, or undefined. */
  validate?(op: Operation<unknown, unknown>): string | undefined;
}

/** A specification whose type parameters are not known statically (chosen by name at run time). */
export type AnySpec = SequentialSpec<unknown, unknown, unknown>;

export type SpecDefinition<I, O, S> = Omit<SequentialSpec<I, O, S>, 'equal' | 'hash' | 'describe'> &
  Partial<Pick<SequentialSpec<I, O, S>, 'equal' | 'hash' | 'describe'>>;

/**
 * Fills in structural equality, a structural hash and a JSON description, so a user only writes
 * `init`, `step` and `stepPending` over plain-data states.
 */
export function defineSequentialSpec<I, O, S>(definition: SpecDefinition<I, O, S>): SequentialSpec<I, O, S> {
  return {
    equal: plainEqual,
    hash: fingerprintParts,
    describe: describeAsJson,
    ...definition,
  };
}

function describeAsJson(op: Operation<unknown, unknown>): string {
  const input = JSON.stringify(op.input);
  return op.ret === undefined ? `${input} -> ?` : `${input} -> ${JSON.stringify(op.output)}`;
}

/** Splits a history by a key of each operation, keeping each part in the original order. */
export function partitionBy<I, O>(history: History<I, O>, keyOf: (input: I) => string): History<I, O>[] {
  const parts = new Map<string, Operation<I, O>[]>();
  for (const op of history) {
    const key = keyOf(op.input);
    let part = parts.get(key);
    if (part === undefined) parts.set(key, (part = []));
    part.push(op);
  }
  return [...parts.values()];
}
