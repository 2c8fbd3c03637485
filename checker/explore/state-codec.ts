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

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

export class StateCodec {
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** The strings last written at each place in a state (numbered in the order written), with their ids. */
  private readonly slotString: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly slotId = new Int32Array(SLOTS);
  private stringPos = 0;
  // The arena and read position of the call in progress (the walk is recursive).
  private out!: Arena;
  private bytes!: Uint8Array;
  private pos = 0;

  /**
   * Appends `v` to `arena`; its offset, or -1 when `v` holds something not encodable (the arena
   * is then as it was).
   */
  encode(arena: Arena, v: unknown): number {
    arena.start = arena.length;
    this.out = arena;
    this.stringPos = 0;
    try {
      this.value(v);
    } catch (e) {
      if (e !== UNENCODABLE) throw e;
      arena.length = arena.start;
      return -1;
    }
    return arena.offset;
  }

  /** The value encoded at `offset` of `arena`. */
  decode(arena: Arena, offset: number): unknown {
    this.bytes = arena.chunk(offset);
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
    // The same string tends to recur at the same place in state after state (keys above all):
    // a hit there costs one comparison of (usually identical) string pointers, not a Map lookup.
    const slot = this.stringPos++ & (SLOTS - 1);
    let id: number | undefined;
    if (this.slotString[slot] === s) id = this.slotId[slot]!;
    else {
      id = this.stringIds.get(s);
      if (id === undefined) {
        id = this.strings.length;
        this.strings.push(s);
        this.stringIds.set(s, id);
      }
      this.slotString[slot] = s;
      this.slotId[slot] = id;
    }
    this.varint(id);
  }

  /** A key: its string id + 1 (0 ends an object). */
  private key(k: string): void {
    const slot = this.stringPos++ & (SLOTS - 1);
    let id: number | undefined;
    if (this.slotString[slot] === k) id = this.slotId[slot]!;
    else {
      id = this.stringIds.get(k);
      if (id === undefined) {
        id = this.strings.length;
        this.strings.push(k);
        this.stringIds.set(k, id);
      }
      this.slotString[slot] = k;
      this.slotId[slot] = id;
    }
    this.varint(id + 1);
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
    if (Array.isArray(o)) {
      if (Object.getPrototypeOf(o) !== Array.prototype) throw UNENCODABLE;
      const n = o.length;
      this.byte(T_ARRAY);
      this.varint(n);
      for (let i = 0; i < n; i++) this.value(o[i]);
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
        for (let i = 0; i < n; i++) xs[i] = this.read();
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
