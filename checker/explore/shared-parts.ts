// States whose parts are shared between states (an actor system's: each node's state, each message
// in flight, built once and then shared by every state that holds it), kept in a breadth-first
// level as references to those parts rather than as their own object graphs. A state is a record;
// a field holding an array of its own (an actor system's nodes, its network) is kept element by
// element, and every other value (a frozen array, an object, a number) by reference. A reference
// is an index into the level's table of parts, each part entered once. Taking a state back builds
// its record and its own arrays afresh around the same parts, so fingerprints cached by identity
// still find every part that did not change.
//
// Why: such a level held as objects costs each state its record and its arrays (~300 bytes for
// Stateright's Paxos with 3 servers and 3 clients, whose widest levels hold ~200k states); here
// it costs ~4 bytes a field and array element. Byte-encoding (state-codec.ts) would copy the
// shared parts out, once per state, and lose their identity.

import { chunkBytes, dropChunksBefore } from './chunks.ts';

/** Read at any position not before the last one dropped (`dropBefore`). */
export class SharedPartsLevel<S> {
  /**
   * Per state: a word per field, the field's part; or -1 - n, then its array's n parts. In chunks
   * allocated as the level grows (no copying, no doubled buffer at its peak); a state lies within
   * one chunk, and its place is the chunk's index above CHUNK_BITS and the word's below.
   */
  private readonly chunks: (Int32Array | undefined)[] = [];
  private words: Int32Array;
  private length = 0;
  private readonly parts: unknown[] = [];
  private readonly index = new Map<unknown, number>();
  /** The previous state's fields: an array two states in a row share is entered as one part. */
  private readonly previous: unknown[] = [];

  constructor(
    /** Every state's fields, in order: states with other keys are not encodable here. */
    private readonly keys: readonly string[],
    capacity: number,
  ) {
    this.words = new Int32Array(Math.min(CHUNK, Math.max(64, capacity * (keys.length + 8))));
    this.chunks.push(this.words);
  }

  /** Whether `s` has exactly these fields in this order (it can be kept here). */
  fits(s: unknown): boolean {
    if (typeof s !== 'object' || s === null || Array.isArray(s) || Object.getPrototypeOf(s) !== Object.prototype) return false;
    let i = 0;
    for (const k in s) if (this.keys[i++] !== k) return false;
    return i === this.keys.length;
  }

  /** Keeps `s` (it must fit); returns where. */
  push(s: object): number {
    const rec = s as Record<string, unknown>;
    const { keys } = this;
    // Room for the whole state in this chunk: its fields, and its own arrays' elements.
    let size = keys.length;
    for (let f = 0; f < keys.length; f++) {
      const v = rec[keys[f]!];
      if (Array.isArray(v)) size += v.length;
    }
    this.reserve(size);
    const at = ((this.chunks.length - 1) << CHUNK_BITS) | this.length;
    const { previous } = this;
    for (let f = 0; f < keys.length; f++) {
      const v = rec[keys[f]!];
      if (Array.isArray(v) && !Object.isFrozen(v) && v !== previous[f] && !this.index.has(v)) {
        this.words[this.length++] = -1 - v.length;
        for (let j = 0; j < v.length; j++) this.words[this.length++] = this.part(v[j]);
      } else {
        this.words[this.length++] = this.part(v);
      }
      previous[f] = v;
    }
    return at;
  }

  /** The state kept at `at`. */
  state(at: number): S {
    const { keys, parts } = this;
    const words = this.chunks[at >>> CHUNK_BITS]!;
    const out: Record<string, unknown> = {};
    let p = at & (CHUNK - 1);
    for (let f = 0; f < keys.length; f++) {
      const w = words[p++]!;
      if (w >= 0) {
        out[keys[f]!] = parts[w];
        continue;
      }
      const n = -1 - w;
      const arr = new Array<unknown>(n);
      for (let j = 0; j < n; j++) arr[j] = parts[words[p++]!];
      out[keys[f]!] = arr;
    }
    return out as S;
  }

  /** Drops the chunks wholly before `at`'s: a level taken in order no longer needs them. */
  dropBefore(at: number): void {
    dropChunksBefore(this.chunks, at >>> CHUNK_BITS);
  }

  /** Bytes held by the words (not the parts, which states share). */
  get heldBytes(): number {
    return chunkBytes(this.chunks);
  }

  private part(v: unknown): number {
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.parts.length;
      this.parts.push(v);
      this.index.set(v, i);
    }
    return i;
  }

  /** Room for `n` more words in the chunk being written, or a new chunk. */
  private reserve(n: number): void {
    if (this.length + n <= this.words.length) return;
    if (n > CHUNK) throw new Error(`internal: a state of ${n} parts`);
    // Chunks grow from the first's size to CHUNK, so a small level stays small.
    this.words = new Int32Array(Math.min(CHUNK, Math.max(this.words.length * 2, n)));
    this.chunks.push(this.words);
    this.length = 0;
  }
}

/** Words a chunk holds (1 MiB). */
const CHUNK_BITS = 18;
const CHUNK = 1 << CHUNK_BITS;
