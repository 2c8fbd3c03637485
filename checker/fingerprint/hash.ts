// Canonical 64-bit structural hashing of states.
//
// A fingerprint is two independent 32-bit lanes computed in one walk. Plain objects hash the same
// whatever their key order (key/value pairs are combined with a commutative sum), arrays hash in
// order, and Sets and Maps hash independently of insertion order (a multiset of element hashes).
// Frozen objects (immer freezes what it produces) are cached by identity, so a part of the state
// that a step left untouched is not hashed again: that is what makes fingerprints incremental.

const SEED_A = 0x9747b28c;
const SEED_B = 0x85ebca6b;

const enum Tag {
  Undefined = 1,
  Null,
  False,
  True,
  Int,
  Float,
  String,
  Array,
  Object,
  Set,
  Map,
  BigInt,
}

/** The two lanes of the last hash computed; read them immediately after a call. */
let outA = 0;
let outB = 0;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function step(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

const stringCache = new Map<string, number>();
const STRING_CACHE_LIMIT = 1 << 16;

function hashString(s: string): void {
  const cached = stringCache.get(s);
  if (cached !== undefined) {
    // The cache holds lane A; lane B is derived from it cheaply but independently of A's mixing.
    outA = cached;
    outB = fmix(cached ^ SEED_B ^ Math.imul(s.length, 0x27d4eb2d));
    return;
  }
  let a = SEED_A ^ Tag.String;
  for (let i = 0; i < s.length; i++) a = step(a, s.charCodeAt(i));
  a = fmix(a ^ s.length);
  if (stringCache.size < STRING_CACHE_LIMIT) stringCache.set(s, a);
  outA = a;
  outB = fmix(a ^ SEED_B ^ Math.imul(s.length, 0x27d4eb2d));
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

const cache = new WeakMap<object, [number, number]>();

function hashAny(v: unknown): void {
  switch (typeof v) {
    case 'number':
      if ((v | 0) === v) {
        outA = fmix(step(SEED_A ^ Tag.Int, v));
        outB = fmix(step(SEED_B ^ Tag.Int, v ^ 0x5bd1e995));
      } else {
        f64[0] = v;
        outA = fmix(step(step(SEED_A ^ Tag.Float, u32[0]!), u32[1]!));
        outB = fmix(step(step(SEED_B ^ Tag.Float, u32[1]!), u32[0]!));
      }
      return;
    case 'string':
      hashString(v);
      return;
    case 'boolean':
      outA = fmix(SEED_A ^ (v ? Tag.True : Tag.False));
      outB = fmix(SEED_B ^ (v ? Tag.True : Tag.False));
      return;
    case 'undefined':
      outA = fmix(SEED_A ^ Tag.Undefined);
      outB = fmix(SEED_B ^ Tag.Undefined);
      return;
    case 'bigint':
      hashString(v.toString());
      outA = fmix(outA ^ Tag.BigInt);
      outB = fmix(outB ^ Tag.BigInt);
      return;
    case 'object':
      if (v === null) {
        outA = fmix(SEED_A ^ Tag.Null);
        outB = fmix(SEED_B ^ Tag.Null);
        return;
      }
      hashObject(v);
      return;
    default:
      throw new TypeError(`cannot fingerprint a ${typeof v}: states must be plain data`);
  }
}

function hashObject(o: object): void {
  const frozen = Object.isFrozen(o);
  if (frozen) {
    const hit = cache.get(o);
    if (hit !== undefined) {
      outA = hit[0];
      outB = hit[1];
      return;
    }
  }
  let a: number;
  let b: number;
  if (Array.isArray(o)) {
    a = SEED_A ^ Tag.Array;
    b = SEED_B ^ Tag.Array;
    for (let i = 0; i < o.length; i++) {
      hashAny(o[i]);
      a = step(a, outA);
      b = step(b, outB);
    }
    a = fmix(a ^ o.length);
    b = fmix(b ^ o.length);
  } else if (o instanceof Set) {
    // Order-independent: a sum of the elements' hashes.
    let sa = 0;
    let sb = 0;
    for (const x of o) {
      hashAny(x);
      sa = (sa + outA) | 0;
      sb = (sb + outB) | 0;
    }
    a = fmix(step(SEED_A ^ Tag.Set, sa) ^ o.size);
    b = fmix(step(SEED_B ^ Tag.Set, sb) ^ o.size);
  } else if (o instanceof Map) {
    let sa = 0;
    let sb = 0;
    for (const [k, x] of o) {
      hashAny(k);
      const ka = outA;
      const kb = outB;
      hashAny(x);
      sa = (sa + fmix(step(ka, outA))) | 0;
      sb = (sb + fmix(step(kb, outB))) | 0;
    }
    a = fmix(step(SEED_A ^ Tag.Map, sa) ^ o.size);
    b = fmix(step(SEED_B ^ Tag.Map, sb) ^ o.size);
  } else {
    // A plain object: key order does not matter. Keys whose value is undefined are skipped, as
    // JSON would skip them, so `{}` and `{x: undefined}` are the same state.
    let sa = 0;
    let sb = 0;
    let n = 0;
    const rec = o as Record<string, unknown>;
    for (const k in rec) {
      const x = rec[k];
      if (x === undefined) continue;
      hashString(k);
      const ka = outA;
      const kb = outB;
      hashAny(x);
      sa = (sa + fmix(step(ka, outA))) | 0;
      sb = (sb + fmix(step(kb, outB))) | 0;
      n++;
    }
    a = fmix(step(SEED_A ^ Tag.Object, sa) ^ n);
    b = fmix(step(SEED_B ^ Tag.Object, sb) ^ n);
  }
  if (frozen) cache.set(o, [a, b]);
  outA = a;
  outB = b;
}

/** A 64-bit fingerprint as two unsigned 32-bit halves. */
export interface Fingerprint {
  readonly hi: number;
  readonly lo: number;
}

/**
 * Hashes `v` and calls back with the two halves, without allocating: the hot path of exploration.
 * Both halves are unsigned 32-bit integers.
 */
export function fingerprintParts(v: unknown): number {
  hashAny(v);
  lastHi = outA >>> 0;
  return outB >>> 0;
}

/** The high half of the fingerprint whose low half `fingerprintParts` just returned. */
export let lastHi = 0;

export function fingerprint(v: unknown): Fingerprint {
  hashAny(v);
  return { hi: outA >>> 0, lo: outB >>> 0 };
}

/** The fingerprint as 16 hex digits: a compact, printable memo key. */
export function fingerprintHex(v: unknown): string {
  hashAny(v);
  return (outA >>> 0).toString(16).padStart(8, '0') + (outB >>> 0).toString(16).padStart(8, '0');
}
