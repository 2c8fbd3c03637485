// The explorer's visited set: 64-bit fingerprints, 8 bytes a slot, open addressing with linear
// probing, and nothing else. A state's id is its insertion number, so the table need not store it
// (the explorer keeps per-state data in arrays indexed by id).
//
// Memory: the table grows by half when it is 3/4 full, so the load stays between 1/2 and 3/4:
// 10.7 to 16 bytes a state. (Doubling a power-of-two table would leave it between 3/8 and 3/4
// full, up to 21 bytes a state.) A slot's index is the hash scaled to the capacity (a multiply,
// not a mask), so any capacity works.
//
// The all-zero fingerprint marks an empty slot; a state whose fingerprint is (0, 0) is stored as
// (0, 1). That merges two of 2^64 fingerprints: no measurable cost in collision probability.

const MAX_LOAD = 0.75;
const GROWTH = 1.5;

export class FingerprintSet {
  private table: Int32Array;
  private capacity: number;
  private limit: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    this.capacity = Math.max(16, Math.ceil(initialCapacity));
    this.table = new Int32Array(this.capacity * 2);
    this.limit = Math.floor(this.capacity * MAX_LOAD);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** Inserts the fingerprint (hi, lo); true when it was not there before. */
  add(hi: number, lo: number): boolean {
    if (this.count >= this.limit) this.grow();
    hi |= 0;
    lo |= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const t = this.table;
    const cap = this.capacity;
    let i = slotOf(hi, lo, cap);
    for (;;) {
      const j = i << 1;
      const h = t[j]!;
      const l = t[j + 1]!;
      if (h === 0 && l === 0) {
        t[j] = hi;
        t[j + 1] = lo;
        this.count++;
        return true;
      }
      if (h === hi && l === lo) return false;
      if (++i === cap) i = 0;
    }
  }

  /**
   * Reads the home slots of the first `n` fingerprints (his[i], los[i]), so that the lookups that
   * follow find them in cache: a prefetch. The reads are independent of each other, so the memory
   * system serves them all at once rather than one cache miss after another. What is read is kept
   * (`touched`) only so that the reads are not optimised away.
   */
  touch(his: Int32Array, los: Int32Array, n: number): void {
    const t = this.table;
    const cap = this.capacity;
    let x = 0;
    for (let i = 0; i < n; i++) x ^= t[slotOf(his[i]!, los[i]!, cap) << 1]!;
    this.touched ^= x;
  }

  /** See `touch`. */
  touched = 0;

  has(hi: number, lo: number): boolean {
    hi |= 0;
    lo |= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const t = this.table;
    const cap = this.capacity;
    let i = slotOf(hi, lo, cap);
    for (;;) {
      const j = i << 1;
      const h = t[j]!;
      const l = t[j + 1]!;
      if (h === 0 && l === 0) return false;
      if (h === hi && l === lo) return true;
      if (++i === cap) i = 0;
    }
  }

  private grow(): void {
    const old = this.table;
    const cap = Math.ceil(this.capacity * GROWTH);
    const t = new Int32Array(cap * 2);
    for (let j = 0; j < old.length; j += 2) {
      const hi = old[j]!;
      const lo = old[j + 1]!;
      if (hi === 0 && lo === 0) continue;
      let i = slotOf(hi, lo, cap);
      while (t[i << 1] !== 0 || t[(i << 1) + 1] !== 0) if (++i === cap) i = 0;
      t[i << 1] = hi;
      t[(i << 1) + 1] = lo;
    }
    this.table = t;
    this.capacity = cap;
    this.limit = Math.floor(cap * MAX_LOAD);
  }
}

/** The home slot of (hi, lo) in a table of `cap` slots: 27 bits of mixed hash scaled to cap. */
export function slotOf(hi: number, lo: number, cap: number): number {
  const h = (hi ^ Math.imul(lo, 0x9e3779b1)) >>> 5;
  return Math.floor((h * cap) / 134217728);
}
