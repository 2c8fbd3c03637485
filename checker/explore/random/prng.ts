// A small seeded PRNG for random walks (SplitMix32: a 32-bit state, one multiply-xorshift per
// draw). Each walk gets its own generator, seeded from the run's seed and the walk's index, so a
// walk is the same whichever shard runs it and whatever walks ran before it.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A uniform float in [0, 1). */
  float(): number {
    return this.next() / 0x1_0000_0000;
  }

  /** A uniform integer in [0, n), n ≥ 1 (n up to 2^32). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
}

/** The seed of walk `index` of a run seeded with `seed`: the two mixed so that nearby walks are unrelated. */
export function walkSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(index + 1, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A fresh seed for a run that was given none (printed, so the run can be repeated). */
export function freshSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) >>> 0;
}
