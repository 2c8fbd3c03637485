// The clients' history checked against the key-value model of the consistency checker.

import { historyOf, kv, linearizable, type ClientHistory, type KvInput, type KvOutput } from '../../checker/index.ts';

const linearizableKv = linearizable(kv);
const verdicts = new WeakMap<object, boolean>();

/** Whether the recorded client history is linearizable. States share their history object, so
 *  the verdict is remembered per object too (which skips converting the history). */
export function isLinearizableKv(history: ClientHistory): boolean {
  // The clients invoke KvOps and complete with KvResults (see client.ts), i.e. the kv inputs and
  // outputs; the system's state does not carry the clients' types.
  const recorded = history as ClientHistory<KvInput, KvOutput>;
  let ok = verdicts.get(recorded);
  if (ok === undefined) {
    ok = linearizableKv(historyOf(recorded));
    verdicts.set(recorded, ok);
  }
  return ok;
}
