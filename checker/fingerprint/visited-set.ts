// A visited set that also maps each fingerprint to its state's id: for searches that must find a
// state they have seen again, as partial-order reduction does to re-expand a state reached with a
// smaller sleep set. The plain searches use fingerprint-set.ts, which stores no ids (8 bytes a
// slot instead of 12).
//
// Open addressing over typed arrays, doubling when 3/4 full. The id is the insertion number, so
// per-state data (parent, action) lives in arrays indexed by id.

const EMPTY = -1;

export class VisitedSet {
  private his: Uint32Array;
  private los: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 16;
    while (cap < initialCapacity) cap <<= 1;
    this.his = new Uint32Array(cap);
    this.los = new Uint32Array(cap);
    this.ids = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table itself. */
  get bytes(): number {
    return this.his.byteLength + this.los.byteLength + this.ids.byteLength;
  }

  /**
   * Inserts the fingerprint (hi, lo). Returns the new state's id (0, 1, 2, ...) when it was not
   * present, or -1 - existingId when it was.
   */
  add(hi: number, lo: number): number {
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow();
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const id = this.ids[i]!;
      if (id === EMPTY) {
        this.his[i] = hi;
        this.los[i] = lo;
        this.ids[i] = this.count;
        return this.count++;
      }
      if (this.los[i] === lo && this.his[i] === hi) return -1 - id;
      i = (i + 1) & this.mask;
    }
  }

  /** The id of (hi, lo), or -1. */
  get(hi: number, lo: number): number {
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const id = this.ids[i]!;
      if (id === EMPTY) return -1;
      if (this.los[i] === lo && this.his[i] === hi) return id;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const { his, los, ids } = this;
    const cap = (this.mask + 1) * 2;
    this.his = new Uint32Array(cap);
    this.los = new Uint32Array(cap);
    this.ids = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      if (id === EMPTY) continue;
      const hi = his[j]!;
      const lo = los[j]!;
      let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
      while (this.ids[i] !== EMPTY) i = (i + 1) & this.mask;
      this.his[i] = hi;
      this.los[i] = lo;
      this.ids[i] = id;
    }
  }
}
