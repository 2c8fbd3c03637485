// No Lost Update: a write that reached a replica is never discarded unless a causally later write
// (by the engine's true happens-before between the clients' write events) reached a replica too.

import { causalEvents, describeEvent, happensBefore, type CausalLog, type LoggedEvent } from '../../checker/causality.ts';

interface Store {
  readonly actors: readonly ({ readonly versions: readonly { readonly value: string }[] } | object)[];
  readonly causality?: CausalLog;
}

const field = (e: LoggedEvent, key: 'write' | 'apply'): string | undefined => {
  const s = e.stamp;
  if (typeof s !== 'object' || s === null || !(key in s)) return undefined;
  const v = (s as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
};

export function explainLostUpdate(s: Store, names?: readonly string[]): string | undefined {
  const events = causalEvents(s.causality);
  const writes = new Map<string, LoggedEvent>();
  const applied = new Set<string>();
  for (const e of events) {
    const w = field(e, 'write');
    if (w !== undefined) writes.set(w, e);
    const a = field(e, 'apply');
    if (a !== undefined) applied.add(a);
  }
  const held = new Set<string>();
  for (const a of s.actors) if ('versions' in a) for (const v of a.versions) held.add(v.value);
  for (const w of applied) {
    if (held.has(w)) continue;
    const we = writes.get(w)!;
    const later = [...applied].some((x) => happensBefore(we, writes.get(x)!));
    if (later) continue;
    const rivals = [...held].map((x) => `write ${x} at ${describeEvent(writes.get(x)!, names)}`);
    return `write ${w} at ${describeEvent(we, names)} was discarded, yet no causally later write overwrote it: it is concurrent with ${rivals.join(', ')}, which the replicas kept`;
  }
  return undefined;
}
