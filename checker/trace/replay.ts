// Replaying a trace against today's code: does it still reach the violation?

import { HandlerError, InputError } from '../errors.ts';
import { describeAction, type AnyModel } from '../model.ts';
import { DEADLOCK } from '../properties.ts';
import { judgeLasso } from '../liveness/replay-lasso.ts';
import type { Trace } from './trace.ts';

export type ReplayResult =
  /** Every step applied and the property is still violated at the end. */
  | { readonly status: 'reproduced'; readonly states: readonly unknown[] }
  /** Every step applied but the property now holds: the bug is fixed (or the spec changed). */
  | { readonly status: 'fixed'; readonly states: readonly unknown[] }
  /** A step no longer applies; `step` is 1-based. */
  | { readonly status: 'diverged'; readonly step: number; readonly reason: string; readonly states: readonly unknown[] };

export function replay(model: AnyModel, trace: Trace): ReplayResult {
  const inits = model.init();
  const first = inits[trace.init];
  if (first === undefined) return { status: 'diverged', step: 0, reason: `the model has no initial state #${trace.init}`, states: [] };
  const states: unknown[] = [first];
  let s: unknown = first;
  for (let i = 0; i < trace.steps.length; i++) {
    const step = trace.steps[i]!;
    let t: unknown;
    try {
      t = model.next(s, step.action);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new HandlerError(`step ${i + 1} (${step.label}) threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (t === undefined) return { status: 'diverged', step: i + 1, reason: `${step.label}: not enabled`, states };
    states.push(t);
    s = t;
  }
  if (trace.cycleStart !== undefined) {
    const lasso = judgeLasso(model, trace.property, states, trace.steps.map((x) => x.action), trace.cycleStart);
    return lasso.status === 'diverged' ? { ...lasso, states } : { status: lasso.status, states };
  }
  return { status: violates(model, trace.property, s) ? 'reproduced' : 'fixed', states };
}

/** Whether `property` fails in `s` (Deadlock: `s` has no successor). */
export function violates(model: AnyModel, property: string, s: unknown): boolean {
  if (property === DEADLOCK) return !model.actions(s).some((a: unknown) => model.next(s, a) !== undefined);
  const p = model.properties.find((x) => x.name === property && x.kind === 'always');
  if (!p) throw new InputError(`the spec has no invariant named ${property}`);
  return !p.holds(s);
}

export function labelSteps(model: AnyModel, actions: readonly unknown[]): string[] {
  return actions.map((a) => describeAction(model, a));
}
