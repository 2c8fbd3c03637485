// The sequential specifications the register protocols are checked against, and the
// linearizability property over the recorded client history.

import { historyOf, linearizable, type ClientHistory, type SequentialSpec } from '../../checker/index.ts';

export { register as registerSpec, kv as kvSpec, type RegisterInput, type RegisterOutput, type KvInput, type KvOutput, type SequentialSpec } from '../../checker/index.ts';

/**
 * `(history) => boolean`: whether the clients' recorded history is linearizable with respect to
 * `spec`. Memoised on the history object first: most transitions leave the history untouched, so
 * successive states share it and need neither the conversion nor a fingerprint.
 */
export function linearizableHistory<I, O, S>(spec: SequentialSpec<I, O, S>): (h: ClientHistory) => boolean {
  const check = linearizable(spec);
  const memo = new WeakMap<ClientHistory, boolean>();
  return (h) => {
    let ok = memo.get(h);
    if (ok === undefined) {
      ok = check(historyOf(h as ClientHistory<I, O>));
      memo.set(h, ok);
    }
    return ok;
  };
}
