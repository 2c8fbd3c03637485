// The explorer's visited set: 64-bit fingerprints, 8 bytes a slot, open addressing with linear
// probing, and nothing else. A state's id is its insertion number, so the table need not store it
// (the explorer keeps per-state data in arrays indexed by id).
//
// Memory: the set is SEGMENTS tables, a fingerprint's table chosen by its top hash bits, each
// growing by half on its own when it is 3/4 full. So each stays between 1/2 and 3/4 full (10.7 to
// 16 bytes a state), and a growth holds an old and a new copy of one table, not of the whole set:
// a set of one table, growing at 61 million states, held ~1 GB of old and new table at once.
// (Doubling a power-of-two table would leave it between 3/8 and 3/4 full, up to 21 bytes a
// state.) A slot's index is the hash scaled to the table's capacity (a multiply, not a mask), so
// any capacity works.
//
// The all-zero fingerprint marks an empty slot; a state whose fingerprint is (0, 0) is stored as
// (0, 1). That merges two of 2^64 fingerprints: no measurable cost in collision probability.

const MAX_LOAD = 0.75;
const GROWTH = 1.5;
const SEGMENT_BITS = 6;
const SEGMENTS = 1 << SEGMENT_BITS;
const MIN_CAPACITY = 16;

export class FingerprintSet {
  private readonly tables: Int32Array[] = [];
  private readonly capacities = new Int32Array(SEGMENTS);
  private readonly limits = new Int32Array(SEGMENTS);
  private readonly counts = new Int32Array(SEGMENTS);
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    const cap = Math.max(MIN_CAPACITY, Math.ceil(initialCapacity / SEGMENTS));
    for (let s = 0; s < SEGMENTS; s++) {
      this.tables.push(new Int32Array(cap * 2));
      this.capacities[s] = cap;
      this.limits[s] = Math.floor(cap * MAX_LOAD);
    }
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the tables. */
  get bytes(): number {
    let n = 0;
    for (const t of this.tables) n += t.byteLength;
    return n;
  }

  /** Inserts the fingerprint (hi, lo); true when it was not there before. */
  add(hi: number, lo: number): boolean {
    hi |= 0;
    lo |= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const m = mixed(hi, lo);
    const s = m >>> (32 - SEGMENT_BITS);
    if (this.counts[s]! >= this.limits[s]!) this.grow(s);
    const t = this.tables[s]!;
    const cap = this.capacities[s]!;
    let i = slotIn(m, cap);
    for (;;) {
      const j = i << 1;
      const h = t[j]!;
      const l = t[j + 1]!;
      if (h === 0 && l === 0) {
        t[j] = hi;
        t[j + 1] = lo;
        this.counts[s]!++;
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
    let x = 0;
    for (let i = 0; i < n; i++) {
      const m = mixed(his[i]!, los[i]!);
      const s = m >>> (32 - SEGMENT_BITS);
      x ^= this.tables[s]![slotIn(m, this.capacities[s]!) << 1]!;
    }
    this.touched ^= x;
  }

  /** See `touch`. */
  touched = 0;

  has(hi: number, lo: number): boolean {
    hi |= 0;
    lo |= 0;
    if (hi === 0 && lo === 0) lo = 1;
    const m = mixed(hi, lo);
    const s = m >>> (32 - SEGMENT_BITS);
    const t = this.tables[s]!;
    const cap = this.capacities[s]!;
    let i = slotIn(m, cap);
    for (;;) {
      const j = i << 1;
      const h = t[j]!;
      const l = t[j + 1]!;
      if (h === 0 && l === 0) return false;
      if (h === hi && l === lo) return true;
      if (++i === cap) i = 0;
    }
  }

  private grow(s: number): void {
    const old = this.tables[s]!;
    const cap = Math.ceil(this.capacities[s]! * GROWTH);
    const t = new Int32Array(cap * 2);
    for (let j = 0; j < old.length; j += 2) {
      const hi = old[j]!;
      const lo = old[j + 1]!;
      if (hi === 0 && lo === 0) continue;
      let i = slotIn(mixed(hi, lo), cap);
      while (t[i << 1] !== 0 || t[(i << 1) + 1] !== 0) if (++i === cap) i = 0;
      t[i << 1] = hi;
      t[(i << 1) + 1] = lo;
    }
    this.tables[s] = t;
    this.capacities[s] = cap;
    this.limits[s] = Math.floor(cap * MAX_LOAD);
  }
}

/** The fingerprint's two halves mixed into 32 bits: the top ones pick a table, the rest a slot. */
function mixed(hi: number, lo: number): number {
  return (hi ^ Math.imul(lo, 0x9e3779b1)) >>> 0;
}

/** The home slot in a table of `cap` slots: the 26 bits below the table's, scaled to cap. */
function slotIn(m: number, cap: number): number {
  return Math.floor((((m << SEGMENT_BITS) >>> 6) * cap) / 67108864);
}
