// The key-value state machine the replicated logs (Raft, Multi-Paxos) run: get/put/append on string
// keys, a missing key reading as "", exactly the consistency checker's `kvSpec`. Keys holding ""
// are left out, so equal stores are equal objects (and equal states).

import type { KvInput, KvOutput } from '../../checker/index.ts';

export type KvData = Readonly<Record<string, string>>;

/** Executes `op` on `data` (an immer draft) and returns its output: a get's value, else nothing. */
export function applyKv(data: Record<string, string>, op: KvInput): KvOutput {
  if (op.f === 'get') return { value: data[op.key] ?? '' };
  const value = op.f === 'put' ? op.value : (data[op.key] ?? '') + op.value;
  if (value === '') delete data[op.key];
  else data[op.key] = value;
  return {};
}
