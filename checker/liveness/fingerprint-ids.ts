// Fingerprint → state id, for a search that must name the target of every edge, including edges
// to states it has seen before (the visited set answers only "seen or not"). Open addressing with
// linear probing over one Int32Array of (hi, lo, id) triples; 12 bytes a slot, at most half full.

export class FingerprintIds {
  private table: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let c = 16;
    while (c < capacity) c *= 2;
    this.mask = c - 1;
    this.table = new Int32Array(c * 3).fill(-1);
  }

  private slot(hi: number, lo: number): number {
    return (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
  }

  /** Records the id of fingerprint (hi, lo); returns the id. */
  set(hi: number, lo: number, id: number): number {
    if (2 * (this.count + 1) > this.mask + 1) this.grow();
    hi |= 0;
    lo |= 0;
    const t = this.table;
    for (let i = this.slot(hi, lo); ; i = (i + 1) & this.mask) {
      const k = 3 * i;
      if (t[k + 2] === -1) {
        t[k] = hi;
        t[k + 1] = lo;
        t[k + 2] = id;
        this.count++;
        return id;
      }
      if (t[k] === hi && t[k + 1] === lo) {
        t[k + 2] = id;
        return id;
      }
    }
  }

  /** The id of fingerprint (hi, lo), or -1. */
  get(hi: number, lo: number): number {
    hi |= 0;
    lo |= 0;
    const t = this.table;
    for (let i = this.slot(hi, lo); ; i = (i + 1) & this.mask) {
      const k = 3 * i;
      if (t[k + 2] === -1) return -1;
      if (t[k] === hi && t[k + 1] === lo) return t[k + 2]!;
    }
  }

  private grow(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array((this.mask + 1) * 3).fill(-1);
    this.count = 0;
    for (let k = 0; k < old.length; k += 3) if (old[k + 2] !== -1) this.set(old[k]!, old[k + 1]!, old[k + 2]!);
  }
}
