// The key/value store: a map from string keys to string values where a missing key reads as "".
// get(k) returns the value; put(k, v) replaces it; append(k, v) concatenates. Keys are independent,
// so histories are partitioned by key and each key is checked on its own.
// Outputs: get `{ value }`; put and append ignored.
//
// Values grow by appends to thousands of characters and the search builds a new one at every step,
// so a value is kept as the chain of pieces appended (a rope) with a polynomial hash of its
// content, extended in O(|piece|) by an append. A get compares hashes first and then walks the
// pieces against the expected string: no value is ever concatenated or copied.

import type { Operation } from '../history.ts';
import { partitionBy, type SequentialSpec } from '../sequential-spec.ts';
import { isRecord } from './register-value.ts';

export type KvInput =
  | { readonly f: 'get'; readonly key: string }
  | { readonly f: 'put' | 'append'; readonly key: string; readonly value: string };

export interface KvOutput {
  readonly value?: string;
}

/** A value as the pieces that built it: `prev`'s text followed by `piece`. */
export interface KvRope {
  readonly piece: string;
  readonly prev: KvRope | undefined;
  readonly length: number;
}

/**
 * A key's value (a rope: the cell is its last piece, so an append allocates one object) and the
 * polynomial hash of the value's content.
 */
export interface KvCell extends KvRope {
  readonly key: string;
  readonly hash: number;
  /** The hash of key and value together, computed once. */
  readonly mixed: number;
}

/**
 * The cells of the keys that hold a non-empty value, sorted by key, so that equal maps have equal
 * representations. (An array rather than an object: a partition holds one key, and a one-element
 * array is the cheapest state to build.)
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

/** Whether the rope's text is exactly `text`. */
function ropeIs(rope: KvRope | undefined, text: string): boolean {
  if ((rope?.length ?? 0) !== text.length) return false;
  for (let node = rope; node !== undefined; node = node.prev) {
    if (!text.startsWith(node.piece, node.length - node.piece.length)) return false;
  }
  return true;
}

/**
 * Whether two ropes hold the same text. Ropes the search builds along different paths usually end
 * in the same pieces over a shared prefix, so this walks them back in step and only falls back to
 * comparing whole texts when the pieces are split differently.
 */
function ropesEqual(a: KvRope | undefined, b: KvRope | undefined): boolean {
  while (a !== b) {
    if (a === undefined || b === undefined || a.length !== b.length) return false;
    if (a.piece !== b.piece) return ropeIs(b, ropeText(a));
    a = a.prev;
    b = b.prev;
  }
  return true;
}

export function ropeText(rope: KvRope | undefined): string {
  const pieces: string[] = [];
  for (let node = rope; node !== undefined; node = node.prev) pieces.push(node.piece);
  return pieces.reverse().join('');
}

/** The hash of each get's output value, computed once per operation. */
const outputHashes = new WeakMap<KvOutput, number>();

function outputHash(output: KvOutput): number {
  let h = outputHashes.get(output);
  if (h === undefined) outputHashes.set(output, (h = extendHash(0, output.value ?? '')));
  return h;
}

function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), BASE);
  return h;
}

function makeCell(key: string, piece: string, prev: KvRope | undefined, hash: number): KvCell {
  let mixed = Math.imul(hash ^ keyHash(key), 0x9e3779b1);
  mixed ^= mixed >>> 16;
  return { key, piece, prev, length: (prev?.length ?? 0) + piece.length, hash, mixed };
}

function apply(state: KvState, input: KvInput): KvState {
  if (input.f === 'get' || (input.f === 'append' && input.value === '')) return state;
  const { key } = input;
  let i = 0;
  while (i < state.length && state[i]!.key < key) i++;
  const old = i < state.length && state[i]!.key === key ? state[i] : undefined;
  let cell: KvCell | undefined;
  if (input.f === 'put') {
    if (input.value !== '') cell = makeCell(key, input.value, undefined, extendHash(0, input.value));
  } else {
    cell = makeCell(key, input.value, old, extendHash(old?.hash ?? 0, input.value));
  }
  // The common case in a partition of one key: nothing to copy.
  if (cell !== undefined && state.length === (old === undefined ? 0 : 1)) return [cell];
  const next = state.slice();
  if (cell === undefined) {
    if (old !== undefined) next.splice(i, 1);
  } else if (old !== undefined) next[i] = cell;
  else next.splice(i, 0, cell);
  return next;
}

export const kv: SequentialSpec<KvInput, KvOutput, KvState> = {
  name: 'kv',
  init: () => EMPTY,
  step(state, input, output) {
    if (input.f !== 'get') return apply(state, input);
    let cell: KvCell | undefined;
    for (let i = 0; i < state.length; i++) if (state[i]!.key === input.key) cell = state[i];
    const expected = output.value ?? '';
    if (cell === undefined) return expected === '' ? state : undefined;
    // Cheapest test first: lengths, then hashes, then the text itself.
    return cell.length === expected.length && cell.hash === outputHash(output) && ropeIs(cell, expected) ? state : undefined;
  },
  readOnly: (input) => input.f === 'get',
  stepPending(state, input) {
    return [apply(state, input)];
  },
  equal(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x === y) continue;
      if (x.hash !== y.hash || x.key !== y.key || !ropesEqual(x, y)) return false;
    }
    return true;
  },
  hash(state) {
    let h = 0;
    for (let i = 0; i < state.length; i++) h = (Math.imul(h, 31) + state[i]!.mixed) | 0;
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
    const entries = state.map((cell) => `${JSON.stringify(cell.key)}: ${JSON.stringify(ropeText(cell))}`);
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
