// Replaying a trace against today's code: does it still reach the violation?

import { HandlerError, InputError } from '../errors.ts';
import { describeAction, type AnyModel } from '../model.ts';
import { DEADLOCK } from '../properties.ts';
import { judgeLasso } from '../liveness/replay-lasso.ts';
import { diff, toJson } from './plain.ts';
import { isRecording, plainRecord, type StepRecord } from './step-record.ts';
import type { Trace } from './trace.ts';

/** The states a replay went through and the record of each step. */
export interface Replayed {
  /** `states[0]` initial, `states[i]` after step i. */
  readonly states: readonly unknown[];
  /** `records[0]` the initial state's, `records[i]` step i's; as long as `states`. */
  readonly records: readonly StepRecord[];
}

export type ReplayResult = Replayed &
  (
    | /** Every step applied and the property is still violated at the end. */ { readonly status: 'reproduced' }
    | /** Every step applied but the property now holds: the bug is fixed (or the spec changed). */ { readonly status: 'fixed' }
    | /** A step no longer applies; `step` is 1-based. */ { readonly status: 'diverged'; readonly step: number; readonly reason: string }
  );

export function replay(model: AnyModel, trace: Trace): ReplayResult {
  const inits = model.init();
  const first = inits[trace.init];
  if (first === undefined) return { status: 'diverged', step: 0, reason: `the model has no initial state #${trace.init}`, states: [], records: [] };
  const recording = isRecording(model) ? model : undefined;
  const presented = (s: unknown) => toJson(model.present ? model.present(s) : s);
  const states: unknown[] = [first];
  const records: StepRecord[] = [recording ? recording.recordInit(first) : plainRecord({ kind: 'init' }, 'initial state')];
  let s: unknown = first;
  for (let i = 0; i < trace.steps.length; i++) {
    const step = trace.steps[i]!;
    let t: unknown;
    let record: StepRecord | undefined;
    try {
      if (recording) {
        const r = recording.record(s, step.action);
        t = r?.state;
        record = r?.record;
      } else t = model.next(s, step.action);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new HandlerError(`step ${i + 1} (${step.label}) threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (t === undefined) return { status: 'diverged', step: i + 1, reason: `${step.label}: not enabled`, states, records };
    states.push(t);
    // A raw model's step: its label and what changed in the state as people read it.
    records.push(record ?? plainRecord({ kind: 'step' }, describeAction(model, step.action), diff(presented(s), presented(t))));
    s = t;
  }
  if (trace.cycleStart !== undefined) {
    const lasso = judgeLasso(model, trace.property, states, trace.steps.map((x) => x.action), trace.cycleStart);
    return lasso.status === 'diverged' ? { ...lasso, states, records } : { status: lasso.status, states, records };
  }
  return { status: violates(model, trace.property, s) ? 'reproduced' : 'fixed', states, records };
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
