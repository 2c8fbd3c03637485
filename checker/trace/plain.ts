// States as plain JSON values, for trace files and for display: Sets become sorted arrays, Maps
// become objects (or entry lists when their keys are not strings or numbers).

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function toJson(v: unknown): Json {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'bigint':
      return v.toString();
    case 'object': {
      if (Array.isArray(v)) return v.map(toJson);
      if (v instanceof Set) return [...v].map(toJson).sort((a, b) => cmp(JSON.stringify(a), JSON.stringify(b)));
      if (v instanceof Map) {
        const keys = [...v.keys()];
        if (keys.every((k) => typeof k === 'string' || typeof k === 'number')) {
          const o: { [k: string]: Json } = {};
          for (const k of keys.sort()) o[String(k)] = toJson(v.get(k));
          return o;
        }
        return [...v.entries()].map(([k, x]) => [toJson(k), toJson(x)]);
      }
      const o: { [k: string]: Json } = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) o[k] = toJson(x);
      return o;
    }
    default:
      return String(v);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A change between two JSON values at a dotted path. */
export interface Change {
  readonly path: string;
  readonly before: Json | undefined;
  readonly after: Json | undefined;
}

/** The leaf-level changes from `a` to `b`; arrays that changed length are reported whole. */
export function diff(a: Json | undefined, b: Json | undefined, path = ''): Change[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObj = (x: Json | undefined): x is { [k: string]: Json } => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => diff(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((x, i) => diff(x, b[i], `${path}[${i}]`));
  }
  return [{ path, before: a, after: b }];
}

export function show(v: Json | undefined): string {
  return v === undefined ? '∅' : JSON.stringify(v);
}
