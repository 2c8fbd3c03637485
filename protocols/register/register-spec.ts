// The sequential specifications the register protocols are checked against, and the
// linearizability property built from them.
//
// TODO(consistency): import these from checker/index.ts once the consistency checker is exported
// there; until then this is the one file that reaches into checker/consistency.

import { historyOf, type ClientHistory } from '../../checker/index.ts';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import type { SequentialSpec } from '../../checker/consistency/sequential-spec.ts';

export { register as registerSpec, type RegisterInput, type RegisterOutput } from '../../checker/consistency/specs/register.ts';
export { kv as kvSpec, type KvInput, type KvOutput } from '../../checker/consistency/specs/kv.ts';
export type { SequentialSpec };

/**
 * `(history) => boolean`: whether the clients' history is linearizable with respect to `spec`.
 * Memoised on the history object: most transitions leave the history untouched, so states share it.
 */
export function linearizableHistory<I, O, S>(spec: SequentialSpec<I, O, S>): (h: ClientHistory) => boolean {
  const memo = new WeakMap<ClientHistory, boolean>();
  return (h) => {
    let ok = memo.get(h);
    if (ok === undefined) {
      ok = checkLinearizability(historyOf(h as ClientHistory<I, O>), spec).result !== 'not-linearizable';
      memo.set(h, ok);
    }
    return ok;
  };
}
