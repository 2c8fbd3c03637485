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

function hashStringAt(s: string, slot: number): void {
  if (slotString[slot] === s) {
    outA = slotA[slot]!;
    outB = slotB[slot]!;
    return;
  }
  hashString(s);
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

// Every slot starts out holding '' with its true hash (a zero there would be a wrong hit).
hashString('');
slotA.fill(outA);
slotB.fill(outB);

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
  if (o instanceof Prehashed) {
    outA = fmix(step(SEED_A ^ Tag.Prehashed, o.hi));
    outB = fmix(step(SEED_B ^ Tag.Prehashed, o.lo));
    return;
  }
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
  hashObject(o, slot);
  if (immutable || Object.isFrozen(o)) {
    slotObject2[slot] = slotObject[slot]!;
    slotObjA2[slot] = slotObjA[slot]!;
    slotObjB2[slot] = slotObjB[slot]!;
    slotObject[slot] = o;
    slotObjA[slot] = outA;
    slotObjB[slot] = outB;
  }
}

function hashObject(o: object, slot: number): void {
  let a: number;
  let b: number;
  if (Array.isArray(o)) {
    a = SEED_A ^ Tag.Array;
    b = SEED_B ^ Tag.Array;
    const n = o.length;
    for (let i = 0; i < n; i++) {
      hashAny(o[i], child(slot, i));
      a = step(a, outA);
      b = step(b, outB);
    }
    a = fmix(a ^ n);
    b = fmix(b ^ n);
  } else if (o instanceof Set) {
    // Order-independent: a sum of the elements' hashes.
    let sa = 0;
    let sb = 0;
    for (const x of o) {
      hashAny(x, child(slot, -1));
      sa = (sa + outA) | 0;
      sb = (sb + outB) | 0;
    }
    a = fmix(step(SEED_A ^ Tag.Set, sa) ^ o.size);
    b = fmix(step(SEED_B ^ Tag.Set, sb) ^ o.size);
  } else if (o instanceof Map) {
    let sa = 0;
    let sb = 0;
    for (const [k, x] of o) {
      hashAny(k, child(slot, -2));
      const ka = outA;
      const kb = outB;
      hashAny(x, child(slot, -3));
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
      const at = child(slot, n << 1);
      hashStringAt(k, at);
      const ka = outA;
      const kb = outB;
      hashAny(x, at ^ 1);
      sa = (sa + fmix(step(ka, outA))) | 0;
      sb = (sb + fmix(step(kb, outB))) | 0;
      n++;
    }
    a = fmix(step(SEED_A ^ Tag.Object, sa) ^ n);
    b = fmix(step(SEED_B ^ Tag.Object, sb) ^ n);
  }
  outA = a;
  outB = b;
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
