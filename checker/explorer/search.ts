// "Search from here": breadth-first search from the explorer's current state to the nearest state
// that violates an invariant, or that reaches a `sometimes` goal, within a bound on the states
// visited. It runs in slices between which the server answers other requests, so the page can
// poll its progress and cancel it. The answer is a path of candidate-action indices, the form the
// explorer's URL carries, so the page jumps to it as to any other path.

import { InputError } from '../errors.ts';
import { fingerprintHex } from '../fingerprint/hash.ts';
import type { AnyModel } from '../model.ts';
import { holdsSafely } from './session.ts';

/** `violation`: any invariant fails; `sometimes:<name>`: that property's predicate holds. */
export type SearchGoal = 'violation' | `sometimes:${string}`;

export type SearchStatus = 'running' | 'found' | 'not found' | 'bound reached' | 'cancelled';

export interface SearchProgress {
  readonly status: SearchStatus;
  /** Distinct states visited so far. */
  readonly states: number;
  /** The depth (steps from the start) being expanded. */
  readonly depth: number;
  readonly ms: number;
}

export interface SearchResult extends SearchProgress {
  /** `found`: the steps from the start (candidate-action indices) to the goal. */
  readonly steps?: readonly number[];
  /** `found`: what holds there (the violated invariant, or the goal reached). */
  readonly property?: string;
}

/** States expanded between two yields to the event loop. */
const SLICE = 500;

export class Search {
  private cancelled = false;
  private visited = 0;
  private depth = 0;
  private readonly started = performance.now();
  private outcome: SearchResult | undefined;

  constructor(
    private readonly model: AnyModel,
    private readonly start: unknown,
    readonly goal: SearchGoal,
    private readonly maxStates: number,
  ) {
    if (goal !== 'violation') {
      const name = goal.slice('sometimes:'.length);
      if (!model.properties.some((p) => p.kind === 'sometimes' && p.name === name)) throw new InputError(`the spec has no sometimes property named ${name}`);
    }
  }

  cancel(): void {
    this.cancelled = true;
  }

  progress(): SearchResult {
    return this.outcome ?? { status: 'running', states: this.visited, depth: this.depth, ms: Math.round(performance.now() - this.started) };
  }

  /** Runs to the end (goal found, space exhausted, bound reached or cancelled). */
  async run(): Promise<SearchResult> {
    this.outcome = await this.bfs();
    return this.outcome;
  }

  /** The property the goal names that `s` meets, if any. */
  private reached(s: unknown): string | undefined {
    const m = this.model;
    if (this.goal === 'violation') return m.properties.find((p) => p.kind === 'always' && !holdsSafely(p.holds, s))?.name;
    const name = this.goal.slice('sometimes:'.length);
    const p = m.properties.find((x) => x.kind === 'sometimes' && x.name === name);
    return p && holdsSafely(p.holds, s) ? name : undefined;
  }

  private async bfs(): Promise<SearchResult> {
    const m = this.model;
    const key = (s: unknown): string => fingerprintHex(m.view ? m.view(s) : s);
    // Per visited state: its parent and the candidate-action index that reached it.
    const parents = new Map<string, { readonly parent: string | null; readonly action: number }>();
    const done = (status: SearchStatus, extra: Partial<SearchResult> = {}): SearchResult => ({
      status,
      states: this.visited,
      depth: this.depth,
      ms: Math.round(performance.now() - this.started),
      ...extra,
    });
    const pathTo = (k: string): number[] => {
      const steps: number[] = [];
      for (let e = parents.get(k)!; e.parent !== null; e = parents.get(e.parent)!) steps.push(e.action);
      return steps.reverse();
    };
    const startKey = key(this.start);
    parents.set(startKey, { parent: null, action: -1 });
    this.visited = 1;
    const hit = this.reached(this.start);
    if (hit !== undefined) return done('found', { steps: [], property: hit });
    let frontier: { s: unknown; k: string }[] = [{ s: this.start, k: startKey }];
    let work = 0;
    while (frontier.length > 0) {
      const next: { s: unknown; k: string }[] = [];
      for (const { s, k } of frontier) {
        if (++work % SLICE === 0) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (this.cancelled) return done('cancelled');
        }
        if (m.within && !m.within(s)) continue;
        const candidates = m.actions(s);
        for (let i = 0; i < candidates.length; i++) {
          const t = m.next(s, candidates[i]);
          if (t === undefined) continue;
          const tk = key(t);
          if (parents.has(tk)) continue;
          parents.set(tk, { parent: k, action: i });
          this.visited++;
          const goal = this.reached(t);
          if (goal !== undefined) return done('found', { steps: pathTo(tk), property: goal, depth: this.depth + 1 });
          if (this.visited >= this.maxStates) return done('bound reached');
          next.push({ s: t, k: tk });
        }
      }
      frontier = next;
      if (frontier.length > 0) this.depth++;
    }
    return done('not found');
  }
}
