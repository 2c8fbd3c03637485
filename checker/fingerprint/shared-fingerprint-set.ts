// The visited set of a parallel search: 64-bit fingerprints in shared memory, inserted lock-free by
// every worker thread at once (8 bytes a slot, open addressing, linear probing).
//
// A slot is empty while its low word is 0. A worker claims a slot by compare-and-swap of the low
// word, then stores the high word; a reader that finds the low word set and the high word still 0
// waits for it. So neither half may be 0: a 0 half is stored as 1 (merging fingerprints that differ
// only there: a 2^-31 sliver of the space, harmless). Exactly one inserter of a fingerprint sees
// "new", so the distinct-state count is exact however the threads interleave.
//
// The table does not grow while workers insert: they stop at a safe point when it passes its
// load limit, and the coordinator rehashes into a bigger buffer (`grown`).

export const SHARED_MAX_LOAD = 0.7;
const MIN_CAPACITY = 1 << 14;

export class SharedFingerprintSet {
  readonly table: Int32Array;
  /** [0]: how many fingerprints the table holds. */
  readonly counter: Int32Array;
  readonly capacity: number;
  readonly limit: number;

  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly counterBuffer: SharedArrayBuffer,
  ) {
    this.table = new Int32Array(buffer);
    this.counter = new Int32Array(counterBuffer);
    this.capacity = this.table.length >> 1;
    this.limit = Math.floor(this.capacity * SHARED_MAX_LOAD);
  }

  /**
   * At least MIN_CAPACITY slots: workers notice the load limit a little late (see
   * explore/parallel/level-part.ts), and the 30% above it must absorb that on the smallest table too.
   */
  static create(capacity: number): SharedFingerprintSet {
    return new SharedFingerprintSet(new SharedArrayBuffer(Math.max(MIN_CAPACITY, capacity) * 8), new SharedArrayBuffer(8));
  }

  get size(): number {
    return Atomics.load(this.counter, 0);
  }

  /** True when the table is past its load limit: stop inserting and let it grow. */
  get full(): boolean {
    return Atomics.load(this.counter, 0) >= this.limit;
  }

  /**
   * Inserts (hi, lo); true for exactly one caller of each fingerprint. The caller counts its
   * insertions and publishes them with `publish` (one shared increment per batch, not per state).
   */
  add(hi: number, lo: number): boolean {
    hi |= 0;
    lo |= 0;
    if (hi === 0) hi = 1;
    if (lo === 0) lo = 1;
    const t = this.table;
    const cap = this.capacity;
    let i = slot(hi, lo, cap);
    for (let probes = 0; probes < cap; probes++) {
      const j = i << 1;
      // Plain reads first: a slot's words, once written, never change, so a match or a mismatch
      // seen without a barrier is final; only an empty or half-written slot needs atomics.
      let l = t[j + 1]!;
      if (l === 0) {
        l = Atomics.compareExchange(t, j + 1, 0, lo);
        if (l === 0) {
          Atomics.store(t, j, hi);
          return true;
        }
      }
      if (l === lo) {
        let h = t[j]!;
        while (h === 0) h = Atomics.load(t, j);
        if (h === hi) return false;
      }
      if (++i === cap) i = 0;
    }
    throw new Error('internal: the shared visited set is full');
  }

  /** Adds `n` insertions to the shared count. */
  publish(n: number): void {
    if (n > 0) Atomics.add(this.counter, 0, n);
  }

  /** A table of `capacity` slots holding every fingerprint of this one (call while no one inserts). */
  grown(capacity: number): SharedFingerprintSet {
    const next = new SharedFingerprintSet(new SharedArrayBuffer(capacity * 8), this.counterBuffer);
    const from = this.table;
    const to = next.table;
    for (let j = 0; j < from.length; j += 2) {
      const lo = from[j + 1]!;
      if (lo === 0) continue;
      const hi = from[j]!;
      let i = slot(hi, lo, capacity);
      while (to[(i << 1) + 1] !== 0) if (++i === capacity) i = 0;
      to[i << 1] = hi;
      to[(i << 1) + 1] = lo;
    }
    return next;
  }
}

function slot(hi: number, lo: number, cap: number): number {
  const h = (hi ^ Math.imul(lo, 0x9e3779b1)) >>> 5;
  return Math.floor((h * cap) / 134217728);
}
