// Minimising a counterexample: drop the steps the violation does not need.
//
// A random walk or a depth-first search finds a bug through a long detour; the reader wants only
// the steps that matter. We delta-debug the step list (Zeller's ddmin, removing chunks of
// shrinking size), after first cutting out loops that return to a state already visited, and
// finish with single-step removal until no step can go (1-minimal). Every candidate is re-checked
// by replay: each remaining step must be enabled in turn, every state before the last must be
// inside the model's `within` constraint (the explorer would not have expanded it otherwise), and
// the property must fail at the end, or earlier, in which case the candidate is cut there. The
// result is therefore always a trace that violates the property and is never longer than the input.

import { InputError } from '../errors.ts';
import { describeAction, type AnyModel } from '../model.ts';
import { fingerprintHex } from '../fingerprint/hash.ts';
import { toJson, type Json } from './plain.ts';
import { violates } from './replay.ts';
import type { Trace } from './trace.ts';

export interface MinimizeOptions {
  /** Stop and return the shortest trace found so far after this long (default 60 s). */
  readonly timeoutMs?: number;
  /** Stop after this many candidate replays (default unlimited). */
  readonly maxReplays?: number;
}

export interface Minimized {
  readonly trace: Trace;
  /** Steps before and after. */
  readonly before: number;
  readonly after: number;
  /** Candidate traces replayed. */
  readonly replays: number;
  readonly ms: number;
  /** False when a budget stopped the search before the result was 1-minimal. */
  readonly complete: boolean;
}

/** A shorter trace that still violates `trace.property` (the trace itself when none is). */
export function minimizeTrace(model: AnyModel, trace: Trace, options: MinimizeOptions = {}): Trace {
  return minimize(model, trace, options).trace;
}

/** As `minimizeTrace`, with what it took. Throws an InputError when the trace does not violate. */
export function minimize(model: AnyModel, trace: Trace, options: MinimizeOptions = {}): Minimized {
  const started = Date.now();
  // A lasso's prefix is already a shortest one, and dropping steps would open its cycle.
  if (trace.cycleStart !== undefined) throw new InputError('a lasso (a liveness counterexample) is not minimised: its prefix is already a shortest one');
  const first = model.init()[trace.init];
  if (first === undefined) throw new InputError(`the model has no initial state #${trace.init}`);
  const search = new Shrinker(model, trace.property, first, started + (options.timeoutMs ?? 60_000), options.maxReplays ?? Infinity);
  const original = search.replay(trace.steps.map((s) => s.action), 0, [first]);
  if (!original) throw new InputError(`the trace does not reach a violation of ${trace.property}; nothing to minimise`);
  let best = original;
  best = search.dropLoops(best);
  best = search.ddmin(best);
  best = search.oneMinimal(best);
  const last = best.states[best.states.length - 1];
  const minimized: Trace = {
    ...trace,
    steps: best.actions.map((action) => ({ action, label: describeAction(model, action) })),
    finalState: toJson(model.present ? model.present(last) : last),
  };
  return {
    trace: minimized,
    before: trace.steps.length,
    after: best.actions.length,
    replays: search.replays,
    ms: Date.now() - started,
    complete: !search.outOfBudget(),
  };
}

/** A valid candidate: its actions and the states along it (`states[0]` initial). */
interface Run {
  readonly actions: readonly Json[];
  readonly states: readonly unknown[];
}

class Shrinker {
  replays = 0;
  constructor(
    private readonly model: AnyModel,
    private readonly property: string,
    private readonly first: unknown,
    private readonly deadline: number,
    private readonly maxReplays: number,
  ) {}

  outOfBudget(): boolean {
    return this.replays >= this.maxReplays || Date.now() >= this.deadline;
  }

  /**
   * Replays `actions` from `from` (whose states `prefix[0..from]` are known not to violate, except
   * when `from` is 0 and the initial state itself does), cut at the first violation; undefined
   * when a step is not enabled, leaves `within`, or the property never fails.
   */
  replay(actions: readonly Json[], from: number, prefix: readonly unknown[]): Run | undefined {
    this.replays++;
    const states = prefix.slice(0, from + 1);
    let s = states[from];
    if (from === 0 && this.fails(s)) return { actions: [], states };
    for (let i = from; i < actions.length; i++) {
      if (this.model.within && !this.model.within(s)) return undefined;
      const t: unknown = this.model.next(s, actions[i]);
      if (t === undefined) return undefined;
      states.push(t);
      s = t;
      if (this.fails(s)) return { actions: actions.slice(0, i + 1), states };
    }
    return undefined;
  }

  private fails(s: unknown): boolean {
    return violates(this.model, this.property, s);
  }

  /** `run` without steps [start, end), if that still violates. */
  private without(run: Run, start: number, end: number): Run | undefined {
    if (this.outOfBudget()) return undefined;
    const actions = [...run.actions.slice(0, start), ...run.actions.slice(end)];
    return this.replay(actions, start, run.states);
  }

  /** Cuts out stretches that return to a state seen before: they cannot matter. */
  dropLoops(run: Run): Run {
    const key = (s: unknown): string => fingerprintHex(this.model.view ? this.model.view(s) : s);
    let changed = true;
    while (changed && !this.outOfBudget()) {
      changed = false;
      const seen = new Map<string, number>();
      for (let j = 0; j < run.states.length; j++) {
        const k = key(run.states[j]);
        const i = seen.get(k);
        if (i === undefined) {
          seen.set(k, j);
          continue;
        }
        const shorter = this.without(run, i, j);
        if (shorter) {
          run = shorter;
          changed = true;
          break;
        }
      }
    }
    return run;
  }

  /** ddmin over the steps: remove chunks, halving their size when none can go. */
  ddmin(run: Run): Run {
    let n = 2;
    while (run.actions.length >= 2 && !this.outOfBudget()) {
      const len = run.actions.length;
      const size = Math.ceil(len / n);
      let reduced = false;
      // Later chunks first: the steps right before the violation are the likeliest to be needed,
      // but the earliest states are shared by every candidate, so replays stay short.
      for (let start = Math.floor((len - 1) / size) * size; start >= 0; start -= size) {
        const shorter = this.without(run, start, Math.min(len, start + size));
        if (shorter) {
          run = shorter;
          reduced = true;
          break;
        }
      }
      if (reduced) n = Math.max(n - 1, 2);
      else if (size === 1) break;
      else n = Math.min(n * 2, len);
    }
    return run;
  }

  /** Single-step removal until no step can be dropped. */
  oneMinimal(run: Run): Run {
    let changed = true;
    while (changed && !this.outOfBudget()) {
      changed = false;
      for (let i = run.actions.length - 1; i >= 0; i--) {
        const shorter = this.without(run, i, i + 1);
        if (shorter) {
          run = shorter;
          changed = true;
          i = Math.min(i, run.actions.length);
        }
      }
    }
    return run;
  }
}
