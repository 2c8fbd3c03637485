// The replicated state machine: a key-value store (get/put/append), as the consistency checker's
// `kv` model defines it. It also remembers, per client, the last request it executed and its
// result (§8 of the paper): a request the network duplicated is then executed only once.

import type { Id, KvInput, KvOutput } from '../../checker/index.ts';

/** An operation: get, put or append on a key (the checker's `kv` input). */
export type KvOp = KvInput;

/** What an operation returns: get returns the value (a missing key reads as ""). */
export type KvResult = KvOutput;

export interface Session {
  readonly seq: number;
  readonly result: KvResult;
}

export interface KvStore {
  /** Keys holding "" are left out, so equal stores are equal objects. */
  readonly data: Readonly<Record<string, string>>;
  /** The last request executed for each client. */
  readonly sessions: Readonly<Record<Id, Session>>;
}

export const emptyStore = (): KvStore => ({ data: {}, sessions: {} });

/** What `op` returns in `data` (without changing it). */
export function read(data: Readonly<Record<string, string>>, op: KvOp): KvResult {
  return op.f === 'get' ? { value: data[op.key] ?? '' } : {};
}

/** Executes one command on the store (a draft), unless it is a duplicate; returns its result. */
export function execute(store: { data: Record<string, string>; sessions: Record<Id, Session> }, client: Id, seq: number, op: KvOp): KvResult {
  const last = store.sessions[client];
  if (last !== undefined && seq <= last.seq) return { ...last.result };
  const result = read(store.data, op);
  if (op.f !== 'get') {
    const value = op.f === 'put' ? op.value : (store.data[op.key] ?? '') + op.value;
    if (value === '') delete store.data[op.key];
    else store.data[op.key] = value;
  }
  store.sessions[client] = { seq, result };
  return result;
}

export function formatOp(op: KvOp): string {
  return op.f === 'get' ? `get(${op.key})` : `${op.f}(${op.key}, ${JSON.stringify(op.value)})`;
}
