// The key/value store: a map from string keys to string values where a missing key reads as "".
// get(k) returns the value; put(k, v) replaces it; append(k, v) concatenates. Keys are independent,
// so histories are partitioned by key and each key is checked on its own.
// Outputs: get `{ value }`; put and append ignored.
//
// Values grow by appends to thousands of characters, so each value carries a polynomial hash of its
// content, extended in O(|suffix|) by an append: hashing or comparing whole values on every search
// step would dominate the check.

import type { Operation } from '../history.ts';
import { partitionBy, type SequentialSpec } from '../sequential-spec.ts';
import { isRecord } from './register-value.ts';

export type KvInput =
  | { readonly f: 'get'; readonly key: string }
  | { readonly f: 'put' | 'append'; readonly key: string; readonly value: string };

export interface KvOutput {
  readonly value?: string;
}

/** A key's value and the polynomial hash of the value's content. */
export interface KvCell {
  readonly key: string;
  readonly value: string;
  readonly hash: number;
}

/**
 * The cells of the keys that hold a non-empty value, sorted by key, so that equal maps have equal
 * representations. (An array rather than an object: a partition holds one key, and copying a
 * one-element array is the cheapest update there is.)
 */
export type KvState = readonly KvCell[];

const EMPTY: KvState = Object.freeze([]);
const BASE = 0x01000193;

/** The hash of `prefix + suffix` given the hash of `prefix`: h·B^|suffix| + hash(suffix). */
function extendHash(hash: number, suffix: string): number {
  let h = hash;
  for (let i = 0; i < suffix.length; i++) h = (Math.imul(h, BASE) + suffix.charCodeAt(i)) | 0;
  return h;
}

/** The hash of each get's output value, computed once per operation. */
const outputHashes = new WeakMap<KvOutput, number>();

function outputHash(output: KvOutput): number {
  let h = outputHashes.get(output);
  if (h === undefined) outputHashes.set(output, (h = extendHash(0, output.value ?? '')));
  return h;
}

function find(state: KvState, key: string): KvCell | undefined {
  for (let i = 0; i < state.length; i++) if (state[i]!.key === key) return state[i];
  return undefined;
}

function apply(state: KvState, input: KvInput): KvState {
  if (input.f === 'get' || (input.f === 'append' && input.value === '')) return state;
  const { key } = input;
  let i = 0;
  while (i < state.length && state[i]!.key < key) i++;
  const old = i < state.length && state[i]!.key === key ? state[i] : undefined;
  const value = input.f === 'put' ? input.value : (old?.value ?? '') + input.value;
  const next = state.slice();
  if (value === '') {
    if (old !== undefined) next.splice(i, 1);
    return next;
  }
  const cell: KvCell = { key, value, hash: extendHash(input.f === 'put' ? 0 : (old?.hash ?? 0), input.value) };
  if (old !== undefined) next[i] = cell;
  else next.splice(i, 0, cell);
  return next;
}

function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), BASE);
  return h;
}

export const kv: SequentialSpec<KvInput, KvOutput, KvState> = {
  name: 'kv',
  init: () => EMPTY,
  step(state, input, output) {
    if (input.f !== 'get') return apply(state, input);
    const cell = find(state, input.key);
    const expected = output.value ?? '';
    if (cell === undefined) return expected === '' ? state : undefined;
    // Comparing hashes first spares flattening the value, a rope built by appends.
    return cell.hash === outputHash(output) && cell.value === expected ? state : undefined;
  },
  stepPending(state, input) {
    return [apply(state, input)];
  },
  equal(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x !== y && (x.hash !== y.hash || x.key !== y.key || x.value !== y.value)) return false;
    }
    return true;
  },
  hash(state) {
    let h = 0;
    for (let i = 0; i < state.length; i++) {
      const cell = state[i]!;
      h = Math.imul(h ^ cell.hash ^ keyHash(cell.key), 0x9e3779b1);
      h ^= h >>> 16;
    }
    return h;
  },
  partition: (history) => partitionBy(history, (input) => input.key),
  describe(op: Operation<KvInput, KvOutput>) {
    const { input } = op;
    const key = JSON.stringify(input.key);
    if (input.f === 'get') return `get(${key}) -> ${op.ret === undefined ? '?' : JSON.stringify(op.output?.value ?? '')}`;
    return `${input.f}(${key}, ${JSON.stringify(input.value)})${op.ret === undefined ? ' -> ?' : ''}`;
  },
  describeState(state) {
    const entries = state.map((cell) => `${JSON.stringify(cell.key)}: ${JSON.stringify(cell.value)}`);
    return `{${entries.join(', ')}}`;
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
