// Shared by the Paxos and quorum tests: re-run a counterexample step by step.

import { expect } from 'vitest';
import type { Model, Outcome } from '../../checker/index.ts';

/**
 * Re-applies the counterexample's actions with `model.next` from its initial state, checks that
 * the violated property fails at the end, and returns the labels of the steps.
 */
export function replay<S, A>(model: Model<S, A>, o: Outcome<unknown, unknown>): string[] {
  expect(o.status).toBe('violated');
  let s = model.init()[o.path!.init]!;
  const labels: string[] = [];
  for (const a of o.path!.actions as A[]) {
    const t = model.next(s, a);
    expect(t, `step ${labels.length + 1} applies`).toBeDefined();
    s = t!;
    labels.push(model.formatAction!(a));
  }
  expect(model.properties.find((p) => p.name === o.property)!.holds(s)).toBe(false);
  return labels;
}
