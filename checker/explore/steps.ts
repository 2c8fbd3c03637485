// Taking steps in a model outside an exhaustive search (random walks, schedules): the same error
// handling as the search — a handler that throws is named with its action — and the enabled steps
// of a state, memoised by state so that replaying many similar schedules shares their prefixes.

import { HandlerError, InputError } from '../errors.ts';
import { describeAction, type Model } from '../model.ts';
import type { Property } from '../properties.ts';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function candidatesOf<S, A>(model: Model<S, A>, s: S): readonly A[] {
  try {
    return model.actions(s);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new HandlerError(`listing actions threw: ${message(e)}`);
  }
}

export function successorOf<S, A>(model: Model<S, A>, s: S, a: A): S | undefined {
  try {
    return model.next(s, a);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new HandlerError(`${describeAction(model, a)} threw: ${message(e)}`);
  }
}

/** Whether property `p` holds in `s`; a predicate that throws is named. */
export function holdsIn<S>(p: Property<S>, s: S): boolean {
  try {
    return p.holds(s);
  } catch (e) {
    throw new HandlerError(`property ${p.name} threw: ${message(e)}`);
  }
}

/** The first `always` property that fails in `s`, or undefined. */
export function brokenInvariant<S, A>(model: Model<S, A>, s: S): string | undefined {
  for (const p of model.properties) if (p.kind === 'always' && !holdsIn(p, s)) return p.name;
  return undefined;
}

export function expandable<S, A>(model: Model<S, A>, s: S): boolean {
  return model.within === undefined || model.within(s);
}

/** Whether a search would expand `s` and find a step: stopping there at a depth bound is not exhaustive. */
export function canStep<S, A>(model: Model<S, A>, s: S): boolean {
  return expandable(model, s) && candidatesOf(model, s).some((a) => successorOf(model, s, a) !== undefined);
}

export interface Step<S, A> {
  readonly action: A;
  readonly state: S;
  /** Index of the action among `model.actions(s)`. */
  readonly candidate: number;
}

const CACHE_LIMIT = 200_000;

/** The enabled steps of each state, computed once per state object. */
export class EnabledSteps<S, A> {
  private readonly cache = new Map<S, readonly Step<S, A>[]>();

  constructor(readonly model: Model<S, A>) {}

  of(s: S): readonly Step<S, A>[] {
    const hit = this.cache.get(s);
    if (hit) return hit;
    const out: Step<S, A>[] = [];
    const cands = candidatesOf(this.model, s);
    for (let k = 0; k < cands.length; k++) {
      const t = successorOf(this.model, s, cands[k]!);
      if (t !== undefined) out.push({ action: cands[k]!, state: t, candidate: k });
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(s, out);
    return out;
  }
}
