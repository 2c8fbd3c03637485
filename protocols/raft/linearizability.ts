// The clients' history checked against the key-value model of checker/consistency.
// TEMPORARY: imports the checker's internals until checker/index.ts exports them.

import type { History } from '../../checker/consistency/history.ts';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import { kv } from '../../checker/consistency/specs/kv.ts';

export function isLinearizableKv(h: History): boolean {
  return checkLinearizability(h as never, kv).result === 'linearizable';
}
