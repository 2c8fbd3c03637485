// Causal Delivery: if the broadcast of m1 happens before the broadcast of m2, no process delivers
// m2 before m1. "Happens before" is the true relation the engine keeps; each broadcast event is
// stamped with its message's id.

import { causalEvents, describeEvent, happensBefore, type CausalLog, type LoggedEvent } from '../../checker/causality.ts';
import type { Id } from '../../checker/index.ts';

interface Delivering {
  readonly actors: readonly { readonly delivered: readonly string[] }[];
  readonly causality?: CausalLog;
}

export function explainCausalDelivery(s: Delivering, names?: readonly string[]): string | undefined {
  const broadcasts = new Map<string, LoggedEvent>();
  for (const e of causalEvents(s.causality)) if (typeof e.stamp === 'string') broadcasts.set(e.stamp, e);
  for (let p: Id = 0; p < s.actors.length; p++) {
    const delivered = s.actors[p]!.delivered;
    for (let j = 0; j < delivered.length; j++) {
      const m2 = broadcasts.get(delivered[j]!)!;
      for (const [m1, b1] of broadcasts) {
        if (!happensBefore(b1, m2)) continue;
        const i = delivered.indexOf(m1);
        if (i >= 0 && i < j) continue;
        const who = names?.[p] ?? `P${p + 1}`;
        const when = i < 0 ? 'without having delivered' : 'before';
        return `broadcast of ${m1} at ${describeEvent(b1, names)} → broadcast of ${delivered[j]} at ${describeEvent(m2, names)}, but ${who} delivered ${delivered[j]} ${when} ${m1}`;
      }
    }
  }
  return undefined;
}
