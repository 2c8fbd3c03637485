// States as bytes, for a breadth-first frontier that would otherwise hold a whole level of object
// graphs (TwoPhase 8 RMs: 244,342 states on its widest level at ~350 bytes each, promoted to the
// old generation one by one; as bytes, ~40 each, which die with their level).
//
// The encoding is of plain data: undefined, null, booleans, numbers, strings, bigints, arrays, plain
// objects (key order kept), Sets and Maps (insertion order kept). Strings are interned: a string
// is written as its index in a table kept for the whole search. A state with anything else in it
// (a class instance, a function, a symbol) is not encodable: `encode` says so, and the frontier
// keeps that state as an object. Decoding builds fresh objects equal to the originals in every
// respect a model, a property or a fingerprint can see (a hole in an array comes back undefined).
//
// Parts shared between states are written once. Successors of one state are pushed one after
// another and share most of their parts (a raw model's spreads, `slice`s of the arrays a step left
// alone): an object met again at the same place in the walk as in a state written shortly before
// (in the same chunk) is written as a reference back to its first encoding, and decoding it again
// gives back the very object decoded there. States read in order then share their unchanged parts
// as the model's own states do, so fingerprints cached by identity find them (hash.ts), and
// neither encoding nor decoding walks them again. That is only sound because states are immutable.

import { chunkBytes, dropChunksBefore } from './chunks.ts';

const T_UNDEFINED = 0;
const T_NULL = 1;
const T_FALSE = 2;
const T_TRUE = 3;
const T_INT = 4;
const T_FLOAT = 5;
const T_STRING = 6;
const T_ARRAY = 7;
const T_OBJECT = 8;
const T_SET = 9;
const T_MAP = 10;
const T_BIGINT = 11;
/** A plain object without a prototype (`Object.create(null)`). */
const T_BARE_OBJECT = 12;
/** The object encoded that many bytes before this tag, in the same chunk. */
const T_SAME = 13;

/** Thrown inside the encoder at a value it cannot encode. */
const UNENCODABLE = new Error('unencodable');

/** Bytes a chunk of an arena holds; an offset is a chunk's index above CHUNK_BITS and a position within it below. */
const CHUNK_BITS = 24;
const CHUNK = 1 << CHUNK_BITS;
/** Chunks an arena may have: offsets stay positive 32-bit integers (2 GiB a level). */
const MAX_CHUNKS = 1 << (31 - CHUNK_BITS);

/**
 * One frontier level's encoded states, in chunks of 16 MiB (the first ones smaller) allocated as
 * needed: no copying as the level grows, and no doubled buffer at its peak. A state lies within
 * one chunk.
 */
export class Arena {
  /** A chunk already read through is dropped (undefined): its memory goes before the level ends. */
  private readonly chunks: (Uint8Array | undefined)[] = [];
  /** The chunk being written, and the position in it. */
  bytes: Uint8Array;
  length = 0;
  /** Where the value being encoded starts in `bytes`. */
  start = 0;

  constructor(capacity = 1 << 12) {
    this.bytes = new Uint8Array(Math.min(CHUNK, capacity));
    this.chunks.push(this.bytes);
  }

  /** The offset of the value being encoded. */
  get offset(): number {
    return ((this.chunks.length - 1) << CHUNK_BITS) | this.start;
  }

  chunk(offset: number): Uint8Array {
    return this.chunks[offset >>> CHUNK_BITS]!;
  }

  /** The index of the chunk being written. */
  get chunkIndex(): number {
    return this.chunks.length - 1;
  }

  /** Drops the chunks wholly before `offset`'s: a level read in order no longer needs them. */
  dropBefore(offset: number): void {
    dropChunksBefore(this.chunks, offset >>> CHUNK_BITS);
  }

  /** Bytes held. */
  get heldBytes(): number {
    return chunkBytes(this.chunks);
  }

  /** Room for `n` more bytes of the value being encoded: past the chunk's end, it moves to a new chunk. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const partial = this.length - this.start;
    if (partial + n > CHUNK) throw UNENCODABLE; // a state of 16 MiB stays an object
    if (this.chunks.length === MAX_CHUNKS) throw UNENCODABLE;
    // Chunks grow from the first's size to CHUNK, so a small level stays small.
    const size = Math.min(CHUNK, Math.max(this.bytes.length * 2, partial + n));
    const bytes = new Uint8Array(size);
    bytes.set(this.bytes.subarray(this.start, this.length));
    this.chunks.push(bytes);
    this.bytes = bytes;
    this.start = 0;
    this.length = partial;
  }
}


/** Places in a state whose last string is remembered. */
const SLOTS = 256;
/** Places in a state whose last two objects are remembered (encoding), and objects decoded remembered by offset. */
const OBJECT_SLOTS = 256;
const DECODED_SLOTS_BITS = 10;
const DECODED_SLOTS = 1 << DECODED_SLOTS_BITS;

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

export class StateCodec {
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** The strings last written at each place in a state (numbered in the order written), with their ids. */
  private readonly slotString: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly slotId = new Int32Array(SLOTS);
  private stringPos = 0;
  // The objects last written at each place in a state (numbered in the order met), two a place,
  // with the offsets of their encodings in the arena `written`.
  private written: Arena | undefined;
  private readonly slotObject: (object | undefined)[] = new Array<object | undefined>(OBJECT_SLOTS).fill(undefined);
  private readonly slotAt = new Int32Array(OBJECT_SLOTS);
  private readonly slotObject2: (object | undefined)[] = new Array<object | undefined>(OBJECT_SLOTS).fill(undefined);
  private readonly slotAt2 = new Int32Array(OBJECT_SLOTS);
  private objectPos = 0;
  /** References written by the call in progress. */
  private refs = 0;
  /** Whether the call in progress may write references (not when its state moved to a new chunk). */
  private referring = true;
  // The objects last decoded from the arena `read`, by the offset of their encoding.
  private readFrom: Arena | undefined;
  private readonly decodedAt = new Int32Array(DECODED_SLOTS).fill(-1);
  private readonly decoded: unknown[] = new Array<unknown>(DECODED_SLOTS).fill(undefined);
  // The arena and read position of the call in progress (the walk is recursive).
  private out!: Arena;
  private bytes!: Uint8Array;
  /** The offset of `bytes`' first byte in its arena. */
  private base = 0;
  private pos = 0;

  /**
   * Appends `v` to `arena`; its offset, or -1 when `v` holds something not encodable (the arena
   * is then as it was).
   */
  encode(arena: Arena, v: unknown): number {
    if (this.written !== arena) {
      this.written = arena;
      this.forgetWritten();
    }
    arena.start = arena.length;
    this.out = arena;
    const chunk = arena.chunkIndex;
    try {
      this.walk(v);
      // A reference written before the state moved to a new chunk points into the old one.
      if (this.refs > 0 && arena.chunkIndex !== chunk) {
        arena.length = arena.start;
        this.referring = false;
        this.walk(v);
      }
    } catch (e) {
      this.referring = true;
      if (e !== UNENCODABLE) throw e;
      // What was remembered may be overwritten.
      this.forgetWritten();
      arena.length = arena.start;
      return -1;
    }
    this.referring = true;
    return arena.offset;
  }

  private walk(v: unknown): void {
    this.stringPos = 0;
    this.objectPos = 0;
    this.refs = 0;
    this.value(v);
  }

  private forgetWritten(): void {
    this.slotObject.fill(undefined);
    this.slotObject2.fill(undefined);
  }

  /** The value encoded at `offset` of `arena`. */
  decode(arena: Arena, offset: number): unknown {
    if (this.readFrom !== arena) {
      this.readFrom = arena;
      this.decodedAt.fill(-1);
      this.decoded.fill(undefined);
    }
    this.bytes = arena.chunk(offset);
    this.base = offset & ~(CHUNK - 1);
    this.pos = offset & (CHUNK - 1);
    return this.read();
  }

  private byte(b: number): void {
    const a = this.out;
    if (a.length === a.bytes.length) a.reserve(1);
    a.bytes[a.length++] = b;
  }

  private varint(n: number): void {
    // n >= 0 and below 2^32.
    const a = this.out;
    a.reserve(5);
    const bytes = a.bytes;
    let at = a.length;
    while (n >= 0x80) {
      bytes[at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    bytes[at++] = n;
    a.length = at;
  }

  private string(s: string): void {
    this.varint(this.stringId(s));
  }

  /** A key: its string id + 1 (0 ends an object). */
  private key(k: string): void {
    this.varint(this.stringId(k) + 1);
  }

  /** The id of `s` in the string table, entered there if new; the next place in the state. */
  private stringId(s: string): number {
    // The same string tends to recur at the same place in state after state (keys above all):
    // a hit there costs one comparison of (usually identical) string pointers, not a Map lookup.
    const slot = this.stringPos++ & (SLOTS - 1);
    if (this.slotString[slot] === s) return this.slotId[slot]!;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    this.slotString[slot] = s;
    this.slotId[slot] = id;
    return id;
  }

  /**
   * The elements of an array. Booleans, and strings met before at their place (with a one-byte
   * id), are the commonest elements: they are written two bytes at most, straight into the arena.
   */
  private elements(o: readonly unknown[], n: number): void {
    const a = this.out;
    const slotString = this.slotString;
    let i = 0;
    while (i < n) {
      a.reserve(2 * (n - i));
      const bytes = a.bytes;
      let at = a.length;
      for (; i < n; i++) {
        const x = o[i];
        if (x === true) bytes[at++] = T_TRUE;
        else if (x === false) bytes[at++] = T_FALSE;
        else {
          const slot = this.stringPos & (SLOTS - 1);
          if (slotString[slot] === x && typeof x === 'string' && this.slotId[slot]! < 0x80) {
            this.stringPos++;
            bytes[at++] = T_STRING;
            bytes[at++] = this.slotId[slot]!;
          } else break;
        }
      }
      a.length = at;
      if (i < n) this.value(o[i++]);
    }
  }

  private value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        if ((v | 0) === v && !Object.is(v, -0)) {
          this.byte(T_INT);
          this.varint(((v << 1) ^ (v >> 31)) >>> 0);
        } else {
          this.byte(T_FLOAT);
          f64[0] = v;
          const a = this.out;
          a.reserve(8);
          a.bytes.set(f64Bytes, a.length);
          a.length += 8;
        }
        return;
      case 'string':
        this.byte(T_STRING);
        this.string(v);
        return;
      case 'boolean':
        this.byte(v ? T_TRUE : T_FALSE);
        return;
      case 'undefined':
        this.byte(T_UNDEFINED);
        return;
      case 'bigint':
        this.byte(T_BIGINT);
        this.string(v.toString());
        return;
      case 'object':
        if (v === null) this.byte(T_NULL);
        else this.object(v);
        return;
      default:
        throw UNENCODABLE;
    }
  }

  private object(o: object): void {
    const a = this.out;
    const p = this.objectPos++ & (OBJECT_SLOTS - 1);
    if (this.referring) {
      const chunk = a.chunkIndex << CHUNK_BITS;
      let at = -1;
      if (this.slotObject[p] === o) at = this.slotAt[p]!;
      else if (this.slotObject2[p] === o) at = this.slotAt2[p]!;
      if (at >= 0 && (at & ~(CHUNK - 1)) === chunk) {
        const here = a.length;
        this.byte(T_SAME);
        this.varint(here - (at & (CHUNK - 1)));
        this.refs++;
        return;
      }
    }
    const chunk = a.chunkIndex;
    const at = a.length;
    this.encodeObject(o);
    // Remembered only where it was written (not when the state moved to a new chunk on the way).
    if (a.chunkIndex === chunk) {
      this.slotObject2[p] = this.slotObject[p];
      this.slotAt2[p] = this.slotAt[p]!;
      this.slotObject[p] = o;
      this.slotAt[p] = (chunk << CHUNK_BITS) | at;
    }
  }

  private encodeObject(o: object): void {
    if (Array.isArray(o)) {
      if (Object.getPrototypeOf(o) !== Array.prototype) throw UNENCODABLE;
      const n = o.length;
      this.byte(T_ARRAY);
      this.varint(n);
      this.elements(o, n);
      return;
    }
    const proto = Object.getPrototypeOf(o) as unknown;
    if (proto === Object.prototype || proto === null) {
      // Each key as its string id + 1, then 0: no count, so no list of keys to build first.
      const rec = o as Record<string, unknown>;
      this.byte(proto === null ? T_BARE_OBJECT : T_OBJECT);
      for (const k in rec) {
        if (!Object.hasOwn(rec, k)) continue;
        // Assigning it would set the decoded object's prototype.
        if (k === '__proto__') throw UNENCODABLE;
        this.key(k);
        this.value(rec[k]);
      }
      this.byte(0);
      return;
    }
    if (proto === Set.prototype) {
      const set = o as Set<unknown>;
      this.byte(T_SET);
      this.varint(set.size);
      for (const x of set) this.value(x);
      return;
    }
    if (proto === Map.prototype) {
      const map = o as Map<unknown, unknown>;
      this.byte(T_MAP);
      this.varint(map.size);
      for (const [k, x] of map) {
        this.value(k);
        this.value(x);
      }
      return;
    }
    throw UNENCODABLE;
  }

  private readVarint(): number {
    const bytes = this.bytes;
    let b = bytes[this.pos++]!;
    if (b < 0x80) return b;
    let n = b & 0x7f;
    let shift = 7;
    do {
      b = bytes[this.pos++]!;
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80);
    return n;
  }

  private read(): unknown {
    const at = this.pos;
    const tag = this.bytes[at]!;
    if (tag < T_ARRAY || tag === T_BIGINT) return this.readValue();
    if (tag === T_SAME) {
      this.pos++;
      const from = at - this.readVarint();
      const key = this.base | from;
      const slot = decodedSlot(key);
      if (this.decodedAt[slot] === key) return this.decoded[slot];
      const back = this.pos;
      this.pos = from;
      const o = this.read();
      this.pos = back;
      return o;
    }
    const o = this.readValue();
    const key = this.base | at;
    const slot = decodedSlot(key);
    this.decodedAt[slot] = key;
    this.decoded[slot] = o;
    return o;
  }

  private readValue(): unknown {
    const tag = this.bytes[this.pos++]!;
    switch (tag) {
      case T_INT: {
        const z = this.readVarint();
        return (z >>> 1) ^ -(z & 1);
      }
      case T_STRING:
        return this.strings[this.readVarint()]!;
      case T_TRUE:
        return true;
      case T_FALSE:
        return false;
      case T_ARRAY: {
        const n = this.readVarint();
        const xs = new Array<unknown>(n);
        // The commonest elements inline (see `elements`): booleans and strings with one-byte ids.
        const bytes = this.bytes;
        const strings = this.strings;
        for (let i = 0; i < n; i++) {
          const at = this.pos;
          const tag = bytes[at]!;
          if (tag === T_TRUE) {
            xs[i] = true;
            this.pos = at + 1;
          } else if (tag === T_FALSE) {
            xs[i] = false;
            this.pos = at + 1;
          } else if (tag === T_STRING && bytes[at + 1]! < 0x80) {
            xs[i] = strings[bytes[at + 1]!];
            this.pos = at + 2;
          } else xs[i] = this.read();
        }
        return xs;
      }
      case T_OBJECT:
      case T_BARE_OBJECT: {
        const o: Record<string, unknown> = tag === T_OBJECT ? {} : (Object.create(null) as Record<string, unknown>);
        for (let k = this.readVarint(); k !== 0; k = this.readVarint()) o[this.strings[k - 1]!] = this.read();
        return o;
      }
      case T_UNDEFINED:
        return undefined;
      case T_NULL:
        return null;
      case T_FLOAT:
        f64Bytes.set(this.bytes.subarray(this.pos, this.pos + 8));
        this.pos += 8;
        return f64[0];
      case T_SET: {
        const n = this.readVarint();
        const set = new Set<unknown>();
        for (let i = 0; i < n; i++) set.add(this.read());
        return set;
      }
      case T_MAP: {
        const n = this.readVarint();
        const map = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const k = this.read();
          map.set(k, this.read());
        }
        return map;
      }
      case T_BIGINT:
        return BigInt(this.strings[this.readVarint()]!);
      default:
        throw new Error(`internal: bad state encoding (tag ${tag})`);
    }
  }
}

/** Where the object decoded from offset `key` is remembered. */
function decodedSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - DECODED_SLOTS_BITS);
}
