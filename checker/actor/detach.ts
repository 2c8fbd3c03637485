// Values a handler hands to the engine (messages, operation inputs and outputs) may contain parts
// of its immer draft, e.g. `ctx.send(p, { entries: s.log.slice(1) })`. Drafts are revoked when the
// handler returns, so such values are resolved to plain copies at the moment they are handed over.

import { current, isDraft, type Draft } from 'immer';

export function detach<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (isDraft(v)) return current(v as Draft<object>) as T;
  if (Object.isFrozen(v)) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const d = detach(v[i] as unknown);
      if (d !== v[i]) (out ??= v.slice())[i] = d;
    }
    return (out ?? v) as T;
  }
  if (v instanceof Set) {
    const items = [...v].map(detach);
    return (items.some((x, i) => x !== [...v][i]) ? new Set(items) : v) as T;
  }
  if (v instanceof Map) {
    const entries = [...v].map(([k, x]) => [detach(k), detach(x)] as const);
    return (entries.some(([k, x], i) => k !== [...v.keys()][i] || x !== [...v.values()][i]) ? new Map(entries) : v) as T;
  }
  let out: Record<string, unknown> | undefined;
  const rec = v as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    const d = detach(rec[k]);
    if (d !== rec[k]) (out ??= { ...rec })[k] = d;
  }
  return (out ?? v) as T;
}
