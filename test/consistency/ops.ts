// Test helpers: terse constructors for operations of the built-in specifications.

import type { Operation } from '../../checker/consistency/history.ts';
import type { CasRegisterInput, CasRegisterOutput, KvInput, KvOutput, RegisterValue } from '../../checker/consistency/specs/index.ts';

type RegOp = Operation<CasRegisterInput, CasRegisterOutput>;
type KvOp = Operation<KvInput, KvOutput>;

/** A completed operation when `ret` is given, a pending one otherwise. */
function op<I, O>(client: number, input: I, output: O, call: number, ret?: number): Operation<I, O> {
  return ret === undefined ? { client, input, call } : { client, input, output, call, ret };
}

export const write = (client: number, value: RegisterValue, call: number, ret?: number): RegOp =>
  op(client, { f: 'write', value }, {}, call, ret);
export const read = (client: number, value: RegisterValue, call: number, ret?: number): RegOp =>
  op(client, { f: 'read' }, { value }, call, ret);
export const cas = (client: number, from: RegisterValue, to: RegisterValue, ok: boolean, call: number, ret?: number): RegOp =>
  op(client, { f: 'cas', from, to }, { ok }, call, ret);

export const put = (client: number, key: string, value: string, call: number, ret?: number): KvOp =>
  op(client, { f: 'put', key, value }, {}, call, ret);
export const append = (client: number, key: string, value: string, call: number, ret?: number): KvOp =>
  op(client, { f: 'append', key, value }, {}, call, ret);
export const get = (client: number, key: string, value: string, call: number, ret?: number): KvOp =>
  op(client, { f: 'get', key }, { value }, call, ret);
