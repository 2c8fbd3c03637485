// Canonical 64-bit structural hashing of states.
//
// A fingerprint is two independent 32-bit lanes computed in one walk. Plain objects hash the same
// whatever their key order (key/value pairs are combined with a commutative sum), arrays hash in
// order, and Sets and Maps hash independently of insertion order (a multiset of element hashes).
//
// Incremental: a part of a state that a step left untouched is the same object in the successor
// (immer's structural sharing, or a raw model's spreads), and is found by identity at its position
// in the walk and not hashed again (see the position memo below). The walk allocates nothing:
// results travel in two module variables. The values are bit-for-bit those of the first version
// (a per-string Map cache and a WeakMap per frozen object), so state order, canonical network
// order and counterexamples did not change.

import { fmix, step } from './mix.ts';

const SEED_A = 0x9747b28c | 0;
const SEED_B = 0x85ebca6b | 0;

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
  Prehashed,
}

/**
 * A value made once and then shared, that carries its own fingerprint (computed from its content
 * when it was made, e.g. a message in flight): it is hashed from those two halves without a walk.
 * A state holds many of them, at positions that shift from state to state, where the position
 * memo below would miss.
 */
export abstract class Prehashed {
  constructor(
    readonly hi: number,
    readonly lo: number,
  ) {}
}


/** The two lanes of the last hash computed; read them immediately after a call. */
let outA = 0;
let outB = 0;

// Constants and small integers are hashed once, up front.
const UNDEF_A = fmix(SEED_A ^ Tag.Undefined);
const UNDEF_B = fmix(SEED_B ^ Tag.Undefined);
const NULL_A = fmix(SEED_A ^ Tag.Null);
const NULL_B = fmix(SEED_B ^ Tag.Null);
const FALSE_A = fmix(SEED_A ^ Tag.False);
const FALSE_B = fmix(SEED_B ^ Tag.False);
const TRUE_A = fmix(SEED_A ^ Tag.True);
const TRUE_B = fmix(SEED_B ^ Tag.True);
const SMALL_MIN = -256;
const SMALL_MAX = 4096;
const SMALL_A = new Int32Array(SMALL_MAX - SMALL_MIN);
const SMALL_B = new Int32Array(SMALL_MAX - SMALL_MIN);
for (let v = SMALL_MIN; v < SMALL_MAX; v++) {
  SMALL_A[v - SMALL_MIN] = intA(v);
  SMALL_B[v - SMALL_MIN] = intB(v);
}
function intA(v: number): number {
  return fmix(step(SEED_A ^ Tag.Int, v));
}
function intB(v: number): number {
  return fmix(step(SEED_B ^ Tag.Int, v ^ 0x5bd1e995));
}

// Strings are hashed directly (a Map lookup costs more than hashing a short key), and remembered
// per position in the walk: the same key (or enum-like value) tends to recur at the same place in
// state after state, and a hit costs one comparison of (usually identical) string pointers.
const SLOTS = 1024;
const slotString: string[] = new Array<string>(SLOTS).fill('');
const slotA = new Int32Array(SLOTS);
const slotB = new Int32Array(SLOTS);
const slotString2: string[] = new Array<string>(SLOTS).fill('');
const slotA2 = new Int32Array(SLOTS);
const slotB2 = new Int32Array(SLOTS);

function hashStringAt(s: string, slot: number): void {
  if (slotString[slot] === s) {
    outA = slotA[slot]!;
    outB = slotB[slot]!;
    return;
  }
  hashStringMissed(s, slot);
}

/** `hashStringAt` after a miss: the position's second string, or a table of strings seen. */
function hashStringMissed(s: string, slot: number): void {
  if (slotString2[slot] === s) {
    // An element that alternates between two values (a sibling state's and its parent's).
    outA = slotA2[slot]!;
    outB = slotB2[slot]!;
  } else {
    const n = s.length;
    // An enum-like value is most likely met elsewhere: a small table of strings seen, found by
    // their length and end characters, finds it with one comparison.
    const g = n === 0 ? 0 : Math.imul(n ^ (s.charCodeAt(0) << 8) ^ (s.charCodeAt(n - 1) << 16), 0x9e3779b1) >>> (32 - SEEN_BITS);
    if (seenString[g] === s) {
      outA = seenA[g]!;
      outB = seenB[g]!;
    } else {
      hashString(s);
      seenString[g] = s;
      seenA[g] = outA;
      seenB[g] = outB;
    }
  }
  slotString2[slot] = slotString[slot]!;
  slotA2[slot] = slotA[slot]!;
  slotB2[slot] = slotB[slot]!;
  slotString[slot] = s;
  slotA[slot] = outA;
  slotB[slot] = outB;
}

function hashString(s: string): void {
  const n = s.length;
  let a = SEED_A ^ Tag.String;
  for (let i = 0; i < n; i++) a = step(a, s.charCodeAt(i));
  a = fmix(a ^ n);
  // Lane B is derived from A cheaply but independently of A's mixing.
  outA = a;
  outB = fmix(a ^ SEED_B ^ Math.imul(n, 0x27d4eb2d));
}

const SEEN_BITS = 10;
const seenString: string[] = new Array<string>(1 << SEEN_BITS).fill('');
const seenA = new Int32Array(1 << SEEN_BITS);
const seenB = new Int32Array(1 << SEEN_BITS);

// Every slot starts out holding '' with its true hash (a zero there would be a wrong hit).
hashString('');
slotA.fill(outA);
slotB.fill(outB);
slotA2.fill(outA);
slotB2.fill(outB);
seenA.fill(outA);
seenB.fill(outB);

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

// Objects are remembered the same way, by identity at their position in the walk: consecutive
// states (siblings from one parent) share most of their parts, so a part left unchanged is found
// at its position again and not re-hashed. That is only sound for objects nobody mutates: frozen
// ones always; any object in a state handed to `fingerprintState` (a model's states are immutable
// once `init`/`next` return them). There is no WeakMap cache by identity: measured, its lookups
// and above all its millions of weak entries (each one GC work) cost far more than re-hashing
// (TwoPhase 7 RMs: 3.3x slower; 2PC actors, 4 participants: 2.2x slower). Two objects are kept
// a position, the last two hashed there: a sibling that changed one node's state then does not
// evict the parent's, which the next sibling has again (Paxos 3+3: ~10% faster).
const slotObject: (object | null)[] = new Array<object | null>(SLOTS).fill(null);
const slotObjA = new Int32Array(SLOTS);
const slotObjB = new Int32Array(SLOTS);
const slotObject2: (object | null)[] = new Array<object | null>(SLOTS).fill(null);
const slotObjA2 = new Int32Array(SLOTS);
const slotObjB2 = new Int32Array(SLOTS);
// A plain object's field (key and value) is remembered the same way, with its share of the
// object's hash: a field a step left unchanged then costs two comparisons.
const fieldKey: string[] = new Array<string>(SLOTS).fill('');
const fieldValue: unknown[] = new Array<unknown>(SLOTS).fill(undefined);
const fieldA = new Int32Array(SLOTS);
const fieldB = new Int32Array(SLOTS);
/** True while hashing a state under the immutability contract. */
let immutable = false;

/** The walk position of the `i`th child of the value at position `slot`. */
function child(slot: number, i: number): number {
  return (Math.imul(slot + 1, 0x9e3779b1) + Math.imul(i + 1, 0x85ebca6b)) >>> 22;
}

/** Hashes `v`, found at walk position `slot`. */
function hashAny(v: unknown, slot: number): void {
  switch (typeof v) {
    case 'string':
      hashStringAt(v, slot);
      return;
    case 'number':
      if ((v | 0) === v) {
        if (v >= SMALL_MIN && v < SMALL_MAX) {
          outA = SMALL_A[v - SMALL_MIN]!;
          outB = SMALL_B[v - SMALL_MIN]!;
        } else {
          outA = intA(v);
          outB = intB(v);
        }
      } else {
        f64[0] = v;
        outA = fmix(step(step(SEED_A ^ Tag.Float, u32[0]!), u32[1]!));
        outB = fmix(step(step(SEED_B ^ Tag.Float, u32[1]!), u32[0]!));
      }
      return;
    case 'boolean':
      outA = v ? TRUE_A : FALSE_A;
      outB = v ? TRUE_B : FALSE_B;
      return;
    case 'object':
      if (v === null) {
        outA = NULL_A;
        outB = NULL_B;
        return;
      }
      hashCached(v, slot);
      return;
    case 'undefined':
      outA = UNDEF_A;
      outB = UNDEF_B;
      return;
    case 'bigint':
      hashString(v.toString());
      outA = fmix(outA ^ Tag.BigInt);
      outB = fmix(outB ^ Tag.BigInt);
      return;
    default:
      throw new TypeError(`cannot fingerprint a ${typeof v}: states must be plain data`);
  }
}

function hashCached(o: object, slot: number): void {
  // (A Prehashed value is never remembered: it is found here only if hashed the same before.)
  if (slotObject[slot] === o) {
    outA = slotObjA[slot]!;
    outB = slotObjB[slot]!;
    return;
  }
  if (slotObject2[slot] === o) {
    outA = slotObjA2[slot]!;
    outB = slotObjB2[slot]!;
    return;
  }
  if (o instanceof Prehashed) {
    outA = fmix(step(SEED_A ^ Tag.Prehashed, o.hi));
    outB = fmix(step(SEED_B ^ Tag.Prehashed, o.lo));
    return;
  }
  if (Array.isArray(o)) hashArray(o, slot);
  else if (o instanceof Set || o instanceof Map) hashCollection(o, slot);
  else hashRecord(o as Record<string, unknown>, slot);
  if (immutable || Object.isFrozen(o)) {
    slotObject2[slot] = slotObject[slot]!;
    slotObjA2[slot] = slotObjA[slot]!;
    slotObjB2[slot] = slotObjB[slot]!;
    slotObject[slot] = o;
    slotObjA[slot] = outA;
    slotObjB[slot] = outB;
  }
}

function hashArray(o: readonly unknown[], slot: number): void {
  let a = SEED_A ^ Tag.Array;
  let b = SEED_B ^ Tag.Array;
  const n = o.length;
  const strings = slotString;
  const stringsA = slotA;
  const stringsB = slotB;
  // child(slot, i), one addition at a time.
  let at = Math.imul(slot + 1, 0x9e3779b1) + 0x85ebca6b;
  for (let i = 0; i < n; i++, at = (at + 0x85ebca6b) | 0) {
    const x: unknown = o[i];
    // The commonest elements inline: a boolean, or a string last met at its position.
    let ea: number;
    let eb: number;
    if (x === true) {
      ea = TRUE_A;
      eb = TRUE_B;
    } else if (x === false) {
      ea = FALSE_A;
      eb = FALSE_B;
    } else {
      const p = at >>> 22;
      if (strings[p] === x) {
        ea = stringsA[p]!;
        eb = stringsB[p]!;
      } else if (slotString2[p] === x) {
        ea = slotA2[p]!;
        eb = slotB2[p]!;
      } else {
        hashAny(x, p);
        ea = outA;
        eb = outB;
      }
    }
    a = step(a, ea);
    b = step(b, eb);
  }
  outA = fmix(a ^ n);
  outB = fmix(b ^ n);
}

/**
 * A plain object: key order does not matter. Keys whose value is undefined are skipped, as JSON
 * would skip them, so `{}` and `{x: undefined}` are the same state.
 */
function hashRecord(rec: Record<string, unknown>, slot: number): void {
  let sa = 0;
  let sb = 0;
  let n = 0;
  const memo = immutable;
  for (const k in rec) {
    const x = rec[k];
    if (x === undefined) continue;
    const at = child(slot, n << 1);
    n++;
    if (fieldKey[at] === k && fieldValue[at] === x) {
      sa = (sa + fieldA[at]!) | 0;
      sb = (sb + fieldB[at]!) | 0;
      continue;
    }
    hashStringAt(k, at);
    const ka = outA;
    const kb = outB;
    hashAny(x, at ^ 1);
    const ta = fmix(step(ka, outA));
    const tb = fmix(step(kb, outB));
    sa = (sa + ta) | 0;
    sb = (sb + tb) | 0;
    if (memo || typeof x !== 'object' || x === null || Object.isFrozen(x)) {
      fieldKey[at] = k;
      fieldValue[at] = x;
      fieldA[at] = ta;
      fieldB[at] = tb;
    }
  }
  outA = fmix(step(SEED_A ^ Tag.Object, sa) ^ n);
  outB = fmix(step(SEED_B ^ Tag.Object, sb) ^ n);
}

/** A Set (order-independent: a sum of the elements' hashes) or a Map (a sum over its entries). */
function hashCollection(o: Set<unknown> | Map<unknown, unknown>, slot: number): void {
  let sa = 0;
  let sb = 0;
  if (o instanceof Set) {
    for (const x of o) {
      hashAny(x, child(slot, -1));
      sa = (sa + outA) | 0;
      sb = (sb + outB) | 0;
    }
    outA = fmix(step(SEED_A ^ Tag.Set, sa) ^ o.size);
    outB = fmix(step(SEED_B ^ Tag.Set, sb) ^ o.size);
    return;
  }
  for (const [k, x] of o) {
    hashAny(k, child(slot, -2));
    const ka = outA;
    const kb = outB;
    hashAny(x, child(slot, -3));
    sa = (sa + fmix(step(ka, outA))) | 0;
    sb = (sb + fmix(step(kb, outB))) | 0;
  }
  outA = fmix(step(SEED_A ^ Tag.Map, sa) ^ o.size);
  outB = fmix(step(SEED_B ^ Tag.Map, sb) ^ o.size);
}

/** A 64-bit fingerprint as two unsigned 32-bit halves. */
export interface Fingerprint {
  readonly hi: number;
  readonly lo: number;
}

/**
 * Hashes `v` and returns the low half, without allocating: the hot path of exploration. The high
 * half is in `lastHi` until the next call. Both halves are unsigned 32-bit integers.
 */
export function fingerprintParts(v: unknown): number {
  hashAny(v, 0);
  lastHi = outA >>> 0;
  return outB >>> 0;
}

/**
 * As `fingerprintParts`, for a value that is a part of states (an actor's state), walked from
 * another position than whole states are, so that it does not evict their remembered parts. The
 * value must be immutable, as a state is.
 */
export function fingerprintSharedPart(v: unknown): number {
  immutable = true;
  try {
    hashAny(v, PART_ROOT);
  } finally {
    immutable = false;
  }
  lastHi = outA >>> 0;
  return outB >>> 0;
}

/** The walk position `fingerprintSharedPart` starts from. */
const PART_ROOT = SLOTS >>> 1;

/** Where `fingerprintState` leaves the high and low halves (read them before the next call). */
export const fingerprintOut = new Uint32Array(2);

/**
 * The explorer's hot path: hashes a state of a model into `fingerprintOut`. The state must be
 * immutable (as every state a model returns is), so any part of it may be cached by identity.
 */
export function fingerprintState(v: unknown): void {
  immutable = true;
  try {
    hashAny(v, 0);
  } finally {
    immutable = false;
  }
  fingerprintOut[0] = outA;
  fingerprintOut[1] = outB;
}

/** The high half of the fingerprint whose low half `fingerprintParts` just returned. */
export let lastHi = 0;

export function fingerprint(v: unknown): Fingerprint {
  hashAny(v, 0);
  return { hi: outA >>> 0, lo: outB >>> 0 };
}

/** The fingerprint as 16 hex digits: a compact, printable memo key. */
export function fingerprintHex(v: unknown): string {
  hashAny(v, 0);
  return (outA >>> 0).toString(16).padStart(8, '0') + (outB >>> 0).toString(16).padStart(8, '0');
}
