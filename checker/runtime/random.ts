// A seeded pseudo-random generator (mulberry32): a real run draws its timers' durations, its
// clients' choices and its faults from it, so a seed names the run's decisions (the machine's own
// timing still varies from run to run).

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** A number between `min` and `max`. */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from nothing');
    return xs[this.below(xs.length)]!;
  }
}

/** A seed for part `part` of a run with seed `seed` (a node, an incarnation of it, the nemesis). */
export function derivedSeed(seed: number, part: number): number {
  let h = (seed ^ Math.imul(part + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}
