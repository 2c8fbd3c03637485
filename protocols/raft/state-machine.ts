// The replicated state machine: the key-value store (get/put/append) of kv/store.ts. It also
// remembers, per client, the last request it executed and its result (§8 of the paper): a request
// the network duplicated is then executed only once.

import type { Id, KvInput, KvOutput } from '../../checker/index.ts';
import { applyKv, type KvData } from '../kv/store.ts';

/** An operation: get, put or append on a key (the checker's `kvSpec` input). */
export type KvOp = KvInput;

/** What an operation returns: get returns the value (a missing key reads as ""). */
export type KvResult = KvOutput;

export interface Session {
  readonly seq: number;
  readonly result: KvResult;
}

export interface KvStore {
  readonly data: KvData;
  /** The last request executed for each client. */
  readonly sessions: Readonly<Record<Id, Session>>;
}

export const emptyStore = (): KvStore => ({ data: {}, sessions: {} });

/** What `op` returns in `data`, without changing it. */
export function read(data: KvData, op: KvOp): KvResult {
  return op.f === 'get' ? { value: data[op.key] ?? '' } : {};
}

/** Executes one command on the store (a draft), unless it is a duplicate; returns its result. */
export function execute(store: { data: Record<string, string>; sessions: Record<Id, Session> }, client: Id, seq: number, op: KvOp): KvResult {
  const last = store.sessions[client];
  if (last !== undefined && seq <= last.seq) return last.result;
  const result = applyKv(store.data, op);
  store.sessions[client] = { seq, result };
  return result;
}

export function formatOp(op: KvOp): string {
  return op.f === 'get' ? `get(${op.key})` : `${op.f}(${op.key}, ${JSON.stringify(op.value)})`;
}
