// The properties a logical clock must have, checked against the true happens-before relation that
// the engine keeps (→ below), over every pair of stamped events.
//
// Lamport's Clock Condition: a → b implies C(a) < C(b).
// The Strong Clock Condition of vector clocks (Mattern): a → b exactly when V(a) < V(b), and so
// a ∥ b exactly when V(a) and V(b) are incomparable.
//
// Each explain function names the first two events whose order the clock gets wrong, or returns
// undefined; the property holds exactly when there is nothing to explain.

import { always } from '../../checker/index.ts';
import { causalEvents, compareVectors, concurrent, describeEvent, findEventPair, happensBefore, type CausalLog, type LoggedEvent } from '../../checker/causality.ts';

interface Logged {
  readonly causality?: CausalLog;
}

const stamped = <T>(s: Logged, is: (x: unknown) => x is T): (LoggedEvent & { readonly stamp: T })[] =>
  causalEvents(s.causality).filter((e): e is LoggedEvent & { readonly stamp: T } => is(e.stamp));

const isNumber = (x: unknown): x is number => typeof x === 'number';
const isVector = (x: unknown): x is readonly number[] => Array.isArray(x) && x.every(isNumber);
const vec = (v: readonly number[]): string => `[${v.join(',')}]`;

export function explainClockCondition(s: Logged, names?: readonly string[]): string | undefined {
  const pair = findEventPair(stamped(s, isNumber), (a, b) => happensBefore(a, b) && !(a.stamp < b.stamp));
  if (!pair) return undefined;
  const [a, b] = pair;
  return `event ${describeEvent(a, names)} → ${describeEvent(b, names)} but C = ${a.stamp} ≥ ${b.stamp}`;
}

export function explainStrongClockCondition(s: Logged, names?: readonly string[]): string | undefined {
  const events = stamped(s, isVector);
  const wrong = findEventPair(events, (a, b) => {
    const order = compareVectors(a.stamp, b.stamp);
    return happensBefore(a, b) !== (order === 'before') || concurrent(a, b) !== (order === 'concurrent');
  });
  if (!wrong) return undefined;
  const [a, b] = wrong;
  const truth = happensBefore(a, b) ? '→' : happensBefore(b, a) ? '←' : '∥';
  const order = compareVectors(a.stamp, b.stamp);
  const claimed = { before: '<', after: '>', equal: '=', concurrent: 'incomparable to' }[order];
  return `event ${describeEvent(a, names)} ${truth} ${describeEvent(b, names)} but V = ${vec(a.stamp)} ${claimed} ${vec(b.stamp)}`;
}

export const clockCondition = always<Logged>('ClockCondition', (s) => explainClockCondition(s) === undefined);

export const strongClockCondition = always<Logged>('StrongClockCondition', (s) => explainStrongClockCondition(s) === undefined);
