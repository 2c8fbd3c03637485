// The key/value store: a map from string keys to string values where a missing key reads as "".
// get(k) returns the value; put(k, v) replaces it; append(k, v) concatenates. Keys are independent,
// so histories are partitioned by key and each key is checked on its own.
// Outputs: get `{ value }`; put and append ignored.

import type { Operation } from '../history.ts';
import { partitionBy, type SequentialSpec } from '../sequential-spec.ts';
import { fingerprintParts } from '../../fingerprint/hash.ts';
import { isRecord } from './register-value.ts';

export type KvInput =
  | { readonly f: 'get'; readonly key: string }
  | { readonly f: 'put' | 'append'; readonly key: string; readonly value: string };

export interface KvOutput {
  readonly value?: string;
}

/** Keys holding "" are left out, so that equal maps have equal representations. */
export type KvState = Readonly<Record<string, string>>;

const EMPTY: KvState = Object.freeze({});

function apply(state: KvState, input: KvInput): KvState {
  if (input.f === 'get') return state;
  const value = input.f === 'put' ? input.value : (state[input.key] ?? '') + input.value;
  if ((state[input.key] ?? '') === value) return state;
  const next: Record<string, string> = { ...state };
  if (value === '') delete next[input.key];
  else next[input.key] = value;
  return next;
}

export const kv: SequentialSpec<KvInput, KvOutput, KvState> = {
  name: 'kv',
  init: () => EMPTY,
  step(state, input, output) {
    if (input.f === 'get') return (state[input.key] ?? '') === output.value ? state : undefined;
    return apply(state, input);
  },
  stepPending(state, input) {
    return [apply(state, input)];
  },
  equal(a, b) {
    if (a === b) return true;
    let n = 0;
    for (const k in a) {
      if (a[k] !== b[k]) return false;
      n++;
    }
    for (const _ in b) n--;
    return n === 0;
  },
  hash: fingerprintParts,
  partition: (history) => partitionBy(history, (input) => input.key),
  describe(op: Operation<KvInput, KvOutput>) {
    const { input } = op;
    const key = JSON.stringify(input.key);
    if (input.f === 'get') return `get(${key}) -> ${op.ret === undefined ? '?' : JSON.stringify(op.output?.value ?? '')}`;
    return `${input.f}(${key}, ${JSON.stringify(input.value)})${op.ret === undefined ? ' -> ?' : ''}`;
  },
  validate(op) {
    if (!isRecord(op.input)) return 'input must be an object';
    const { f, key, value } = op.input;
    if (typeof key !== 'string') return 'input.key must be a string';
    if (f === 'put' || f === 'append') return typeof value === 'string' ? undefined : `${f} needs a string value`;
    if (f !== 'get') return `input.f must be "get", "put" or "append", got ${JSON.stringify(f)}`;
    if (op.ret !== undefined && !(isRecord(op.output) && typeof op.output.value === 'string')) {
      return 'a completed get needs output {"value": "…"}';
    }
    return undefined;
  },
};
