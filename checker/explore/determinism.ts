// Catching models that are not functions of their state. A `next` (or an actor's handler) that
// reads `Math.random()`, the clock or a module-level counter makes counts vary from run to run and
// counterexamples unreplayable, since a path is rebuilt by re-running its steps. So the searches
// re-execute a sample of their expansions and compare the successors' fingerprints: every
// expansion of the first RECHECK_ALL (a small model is checked whole), then every RECHECK_EVERY-th,
// chosen by count, not at random, so that a run is repeatable. A re-executed successor is a fresh
// object, hashed whole rather than from cached parts, so a recheck of an actor system's state costs
// several expansions: the sample is kept small (Raft replication re-executes under 1% of its
// expansions).
// A counterexample is re-executed step by step before it is reported (checker/check.ts). Both
// re-executions run the model's code afresh: memos of step results do not answer (afresh.ts).
//
// A difference is bad input (InputError): the model, not the checker, is at fault.

import { InputError } from '../errors.ts';
import { fingerprint, fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { describeAction, type Model } from '../model.ts';
import { executingAfresh } from './afresh.ts';
import type { Path } from './outcome.ts';
import { candidatesOf, successorOf } from './steps.ts';

/** Every one of the first this many expansions is re-executed. */
export const RECHECK_ALL = 128;
/** After those, one expansion in this many. */
export const RECHECK_EVERY = 1024;

/** A step's route from an initial state: its index in `init()` and action indices. */
export interface Chain {
  readonly init: number;
  readonly steps: readonly number[];
}

/**
 * One search's sample of re-executed expansions. The search calls `due` before expanding a state;
 * when it says yes, it tells `enabled`/`disabled` each action's outcome (right after hashing the
 * successor into `fingerprintOut`) and calls `verify` once the expansion is done.
 */
export class DeterminismCheck<S, A> {
  private expansions = 0;
  /** Per action index of the sampled expansion: the successor's fingerprint, or disabled. */
  private his: number[] = [];
  private los: number[] = [];
  private on: boolean[] = [];

  constructor(
    private readonly model: Model<S, A>,
    /** What the visited set hashes of a state (its view, canonicalised under symmetry). */
    private readonly identify: (s: S) => unknown,
    /** The route to a state id, to name the state in the report. */
    private readonly chainOf: (id: number) => Chain,
  ) {}

  /** Whether the expansion about to run is to be re-executed (and recorded). */
  due(): boolean {
    const n = this.expansions++;
    if (n >= RECHECK_ALL && n % RECHECK_EVERY !== 0) return false;
    this.his.length = 0;
    this.los.length = 0;
    this.on.length = 0;
    return true;
  }

  /** Action `k` was enabled; its successor's fingerprint is in `fingerprintOut`. */
  enabled(k: number): void {
    this.his[k] = fingerprintOut[0]!;
    this.los[k] = fingerprintOut[1]!;
    this.on[k] = true;
  }

  /** Action `k` was not enabled. */
  disabled(k: number): void {
    this.on[k] = false;
  }

  /**
   * Executes the expansion of `s` (state `id`) twice and compares: for searches that do not expand
   * a state's actions in one go (depth-first, sleep sets). Call after `due` said yes.
   */
  twice(s: S, id: number): void {
    const { model } = this;
    const actions = candidatesOf(model, s);
    for (let k = 0; k < actions.length; k++) {
      const t = successorOf(model, s, actions[k]!);
      if (t === undefined) {
        this.disabled(k);
        continue;
      }
      fingerprintState(this.identify(t));
      this.enabled(k);
    }
    this.verify(s, id, actions.length);
  }

  /** Re-executes the expansion of `s` (state `id`), whose `count` actions were recorded: throws on a difference. */
  verify(s: S, id: number, count: number): void {
    executingAfresh(() => this.reexecute(s, id, count));
  }

  private reexecute(s: S, id: number, count: number): void {
    const { model } = this;
    const actions = candidatesOf(model, s);
    if (actions.length !== count) {
      throw new InputError(`nondeterministic: actions(s) listed ${count} then ${actions.length} actions for the state after steps ${this.where(id)}`);
    }
    for (let k = 0; k < count; k++) {
      const a = actions[k]!;
      const t = successorOf(model, s, a);
      const was = this.on[k] === true;
      if (t === undefined) {
        if (was) throw this.differs(a, id, 'was enabled once and not the next time');
        continue;
      }
      if (!was) throw this.differs(a, id, 'was not enabled once and enabled the next time');
      fingerprintState(this.identify(t));
      if (fingerprintOut[0] !== this.his[k] || fingerprintOut[1] !== this.los[k]) throw this.differs(a, id, 'gave two different states');
    }
  }

  private differs(a: A, id: number, what: string): InputError {
    return new InputError(`nondeterministic: action ${describeAction(this.model, a)} from the state after steps ${this.where(id)} ${what}`);
  }

  private where(id: number): string {
    const { init, steps } = this.chainOf(id);
    return describeRoute(this.model, init, steps);
  }
}

/**
 * A route as action labels, `[a, b, c]` (with the initial state's index when there are several).
 * The model may not replay faithfully (that is what is being reported), so an action that cannot
 * be listed is shown by its index.
 */
export function describeRoute<S, A>(model: Model<S, A>, init: number, steps: readonly number[]): string {
  const labels: string[] = [];
  let s: S | undefined;
  try {
    s = model.init()[init];
  } catch {
    s = undefined;
  }
  for (const k of steps) {
    let label = `#${k}`;
    try {
      if (s !== undefined) {
        const a = model.actions(s)[k];
        if (a !== undefined) {
          label = describeAction(model, a);
          s = model.next(s, a);
        } else s = undefined;
      }
    } catch {
      s = undefined;
    }
    labels.push(label);
  }
  const from = init === 0 ? '' : ` (from initial state ${init})`;
  return `[${labels.join(', ')}]${from}`;
}

/**
 * Re-executes every step of a counterexample (and its initial state) and throws, naming the first
 * step that gives another state, if the model does not reproduce it.
 */
export function verifyPath<S, A>(model: Model<S, A>, path: Path<S, A>): void {
  executingAfresh(() => reexecutePath(model, path));
}

function reexecutePath<S, A>(model: Model<S, A>, path: Path<S, A>): void {
  const view = model.view?.bind(model);
  const key = (s: S): string => {
    const f = fingerprint(view === undefined ? s : view(s));
    return `${f.hi}:${f.lo}`;
  };
  const init = model.init()[path.init];
  if (init === undefined || key(init) !== key(path.states[0]!)) {
    throw new InputError(`nondeterministic: init() gave two different initial states (index ${path.init})`);
  }
  const from = path.init === 0 ? '' : ` (from initial state ${path.init})`;
  const labels: string[] = [];
  for (let i = 0; i < path.actions.length; i++) {
    const a = path.actions[i]!;
    const t = successorOf(model, path.states[i]!, a);
    const label = describeAction(model, a);
    if (t === undefined || key(t) !== key(path.states[i + 1]!)) {
      const what = t === undefined ? 'was not enabled when re-executed' : 'gave two different states';
      throw new InputError(`nondeterministic: action ${label} from the state after steps [${labels.join(', ')}]${from} ${what}`);
    }
    labels.push(label);
  }
}
