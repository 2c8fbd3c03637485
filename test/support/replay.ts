// Counterexamples must replay: shared by the protocol and explorer tests.

import { expect } from 'vitest';
import type { Model, Outcome } from '../../checker/index.ts';

export interface Replayed<S> {
  /** `states[0]` is the initial state. */
  readonly states: readonly S[];
  readonly final: S;
  /** Each step as `formatAction` labels it. */
  readonly labels: readonly string[];
}

/**
 * Re-applies a path's actions with `model.next` from its initial state, after a JSON round trip
 * (as a trace file holds them); every step must apply.
 */
export function replayPath<S, A>(model: Model<S, A>, path: { readonly init: number; readonly actions: readonly unknown[] }): Replayed<S> {
  const actions = JSON.parse(JSON.stringify(path.actions)) as A[];
  let s = model.init()[path.init]!;
  const states: S[] = [s];
  const labels: string[] = [];
  for (const a of actions) {
    const label = model.formatAction ? model.formatAction(a) : JSON.stringify(a);
    const t = model.next(s, a);
    expect(t, `step ${labels.length + 1} (${label}) applies on replay`).toBeDefined();
    s = t!;
    states.push(s);
    labels.push(label);
  }
  return { states, final: s, labels };
}

/** A violation's path replays, and its property fails in the last state. */
export function replayCounterexample<S, A>(model: Model<S, A>, outcome: Outcome<unknown, unknown>): Replayed<S> {
  expect(outcome.status).toBe('violated');
  const replayed = replayPath(model, outcome.path!);
  const property = model.properties.find((p) => p.name === outcome.property);
  expect(property, `the model has a property named ${outcome.property}`).toBeDefined();
  expect(property!.holds(replayed.final)).toBe(false);
  return replayed;
}
