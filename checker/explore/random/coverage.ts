// Coverage feedback for random walks: the distinct states the walks have seen, and whether recent
// walks still find new ones. When the rate of new states per 1,000 steps falls towards zero, more
// walks of the same kind stop helping: deepen the walks or change the fault mix instead.

import { fingerprintParts, lastHi } from '../../fingerprint/hash.ts';
import { FingerprintSet } from '../../fingerprint/fingerprint-set.ts';

export interface CoveragePoint {
  readonly walks: number;
  readonly steps: number;
  readonly distinctStates: number;
}

export interface Coverage {
  readonly distinctStates: number;
  /** New states per 1,000 steps over the last `window` walks. */
  readonly newPer1kSteps: number;
  readonly window: number;
  /** Walks run since the last one that found a new state. */
  readonly walksSinceNew: number;
  /** Distinct states after 1, 2, 4, 8, ... walks, and at the end. */
  readonly curve: readonly CoveragePoint[];
}

export class CoverageTracker {
  readonly visited = new FingerprintSet(1 << 12);
  private readonly perWalk: { steps: number; fresh: number }[] = [];
  private walkSteps = 0;
  private walkFresh = 0;
  private steps = 0;
  private lastNew = -1;
  private readonly curve: CoveragePoint[] = [];

  constructor(private readonly identify: (s: unknown) => unknown) {}

  get size(): number {
    return this.visited.size;
  }

  /** Records a state reached by a walk; `step` false for a walk's initial state. */
  see(s: unknown, step: boolean): void {
    const lo = fingerprintParts(this.identify(s));
    if (this.visited.add(lastHi, lo)) this.walkFresh++;
    if (step) {
      this.walkSteps++;
      this.steps++;
    }
  }

  endWalk(): void {
    if (this.walkFresh > 0) this.lastNew = this.perWalk.length;
    this.perWalk.push({ steps: this.walkSteps, fresh: this.walkFresh });
    this.walkSteps = 0;
    this.walkFresh = 0;
    const n = this.perWalk.length;
    if ((n & (n - 1)) === 0) this.curve.push({ walks: n, steps: this.steps, distinctStates: this.size });
  }

  summary(): Coverage {
    const n = this.perWalk.length;
    const window = Math.max(1, Math.ceil(n / 10));
    let steps = 0;
    let fresh = 0;
    for (let i = Math.max(0, n - window); i < n; i++) {
      steps += this.perWalk[i]!.steps;
      fresh += this.perWalk[i]!.fresh;
    }
    const curve = [...this.curve];
    if (n > 0 && curve[curve.length - 1]?.walks !== n) curve.push({ walks: n, steps: this.steps, distinctStates: this.size });
    return {
      distinctStates: this.size,
      newPer1kSteps: steps > 0 ? Math.round((fresh / steps) * 1000 * 10) / 10 : 0,
      window: Math.min(window, n),
      walksSinceNew: n - 1 - this.lastNew,
      curve,
    };
  }
}

/** One line for a person: distinct states, and whether more walks would still find new ones. */
export function describeCoverage(c: Coverage): string {
  const rate = `${c.newPer1kSteps.toLocaleString('en-US')} new per 1,000 steps over the last ${c.window} walk${c.window === 1 ? '' : 's'}`;
  const hint = c.newPer1kSteps === 0 ? ' (saturated: more walks of this depth will not help)' : c.newPer1kSteps < 1 ? ' (saturating)' : '';
  return `${c.distinctStates.toLocaleString('en-US')} distinct states seen; ${rate}${hint}`;
}
