// Test helper: a counterexample must replay. Re-applies the path's actions (after a JSON round trip,
// as a trace file would) from a fresh initial state and returns the final state.

import { expect } from 'vitest';
import type { Model, Outcome } from '../../checker/index.ts';

export function replayPath<S, A>(model: Model<S, A>, outcome: Outcome<S, A>): S {
  expect(outcome.path).toBeDefined();
  const actions = JSON.parse(JSON.stringify(outcome.path!.actions)) as A[];
  let s = model.init()[outcome.path!.init]!;
  for (const a of actions) {
    const t = model.next(s, a);
    expect(t, `replaying ${JSON.stringify(a)}`).toBeDefined();
    s = t!;
  }
  const property = model.properties.find((p) => p.name === outcome.property)!;
  expect(property.holds(s)).toBe(false);
  return s;
}
