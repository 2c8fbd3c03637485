// A client runs one operation at a time: it invokes the next only after the last returned. Two
// operations of one client that overlap in time (or one after a pending operation, which may still
// take effect at any later point) are a malformed history, not a finding about the system.

import { InputError } from '../../errors.ts';
import type { History } from '../history.ts';

/** Throws `InputError` naming the later of the first two overlapping operations of a client. */
export function assertOneOperationPerClient(history: History, where: readonly string[]): void {
  const byClient = new Map<number, number[]>();
  history.forEach((op, i) => {
    const list = byClient.get(op.client);
    if (list === undefined) byClient.set(op.client, [i]);
    else list.push(i);
  });
  for (const [client, indexes] of byClient) {
    if (indexes.length < 2) continue;
    indexes.sort((a, b) => history[a]!.call - history[b]!.call);
    for (let k = 1; k < indexes.length; k++) {
      const before = history[indexes[k - 1]!]!;
      const after = history[indexes[k]!]!;
      if (before.ret === undefined) {
        throw new InputError(
          `${where[indexes[k]!]}: client ${client} invokes an operation after its operation at ${where[indexes[k - 1]!]} ` +
            'never returned (one operation per client at a time; a client whose operation stays pending cannot invoke again)',
        );
      }
      if (after.call < before.ret) {
        throw new InputError(
          `${where[indexes[k]!]}: client ${client} invokes an operation (call ${after.call}) before its operation at ` +
            `${where[indexes[k - 1]!]} returned (ret ${before.ret}); one operation per client at a time`,
        );
      }
    }
  }
}
