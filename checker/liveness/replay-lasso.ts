// Replaying a lasso: re-run the prefix and the cycle, confirm the loop closes (the state after the
// last step is the state after step `cycleStart`), that the behaviour going round it for ever is
// fair, and that the property's goal is missed on it as the property says.

import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import { identifier } from '../explore/state-store.ts';
import type { AnyModel } from '../model.ts';
import type { Fairness } from './fairness.ts';
import { isLiveness, type LivenessProperty } from './properties.ts';

export type LassoVerdict =
  | { readonly status: 'reproduced' }
  | { readonly status: 'fixed'; readonly reason: string }
  | { readonly status: 'diverged'; readonly step: number; readonly reason: string };

/**
 * Judges the states a lasso trace replayed to (`states[0]` initial, `states[i]` after step i, the
 * actions that led there): whether the loop back to `states[cycleStart]` closes and still violates
 * `property`.
 */
export function judgeLasso(model: AnyModel, property: string, states: readonly unknown[], actions: readonly unknown[], cycleStart: number): LassoVerdict {
  const p = model.properties.find((x) => x.name === property);
  if (!p || !isLiveness(p)) return { status: 'diverged', step: 0, reason: `the spec has no liveness property named ${property}` };
  const last = states.length - 1;
  if (cycleStart < 0 || cycleStart > last) return { status: 'diverged', step: 0, reason: `the cycle's start ${cycleStart} is not a step of the trace` };
  if (key(model, states[last]) !== key(model, states[cycleStart])) {
    return { status: 'diverged', step: last, reason: `the loop does not close: the state after step ${last} is not the state after step ${cycleStart}` };
  }
  const unfair = unfairness(model, states, actions, cycleStart);
  if (unfair) return { status: 'fixed', reason: unfair };
  return missesGoal(p as LivenessProperty<unknown>, states, cycleStart) ? { status: 'reproduced' } : { status: 'fixed', reason: `${property} holds on this behaviour` };
}

function key(model: AnyModel, s: unknown): string {
  const identify = identifier(model, false);
  fingerprintState(identify ? identify(s) : s);
  return `${fingerprintOut[0]},${fingerprintOut[1]}`;
}

/** Whether the behaviour (prefix, then the cycle for ever) misses the property's goal. */
function missesGoal(p: LivenessProperty<unknown>, states: readonly unknown[], cycleStart: number): boolean {
  const onCycle = states.slice(cycleStart);
  switch (p.kind) {
    case 'eventually':
      return !states.some((s) => p.goal(s));
    case 'alwaysEventually':
      return !onCycle.some((s) => p.goal(s));
    case 'leadsTo': {
      if (onCycle.some((s) => p.goal(s))) return false;
      let lastGoal = -1;
      states.forEach((s, i) => p.goal(s) && (lastGoal = i));
      return states.some((s, i) => i > lastGoal && p.trigger!(s));
    }
  }
}

/** Why going round the cycle for ever is not fair, or undefined when it is. */
function unfairness(model: AnyModel, states: readonly unknown[], actions: readonly unknown[], cycleStart: number): string | undefined {
  const fairness = (a: unknown): Fairness | undefined => model.fairness?.(a);
  const cycle = states.slice(cycleStart, states.length - 1);
  if (cycle.length === 0) cycle.push(states[states.length - 1]);
  const taken = new Set<string>();
  for (let i = cycleStart; i < actions.length; i++) {
    const f = fairness(actions[i]);
    if (f && key(model, states[i]) !== key(model, states[i + 1])) taken.add(f.class);
  }
  const enabledAt = cycle.map((s) => {
    const on = new Map<string, Fairness>();
    const k = key(model, s);
    for (const a of model.actions(s)) {
      const f = fairness(a);
      if (!f) continue;
      const t = model.next(s, a);
      if (t !== undefined && key(model, t) !== k) on.set(f.class, f);
    }
    return on;
  });
  const classes = new Map<string, Fairness>();
  for (const on of enabledAt) for (const [c, f] of on) classes.set(c, f);
  for (const [c, f] of classes) {
    if (taken.has(c)) continue;
    const enabledEverywhere = enabledAt.every((on) => on.has(c));
    if (f.kind === 'strong' || enabledEverywhere) return `the cycle is not fair: ${c} is ${f.kind === 'strong' ? 'enabled on it' : 'enabled all along it'} and never taken`;
  }
  return undefined;
}
