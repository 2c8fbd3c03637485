// Where and why a trace breaks its property: the first state in which it fails, and the parts of
// the violating state that break it (the values a reader should look at).

import type { AnyModel } from '../model.ts';
import { DEADLOCK } from '../properties.ts';
import { withActors, type SystemState } from '../actor/system-state.ts';
import { violates } from './replay.ts';

/** The index of the first state of `states` in which `property` fails (0: the initial state). */
export function firstViolation(model: AnyModel, property: string, states: readonly unknown[]): number | undefined {
  for (let i = 0; i < states.length; i++) {
    try {
      if (violates(model, property, states[i])) return i;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The parts of `last` that break `property`: for an actor system the nodes, for an object state
 * its top-level fields, such that putting that one part back as it was in `first` makes the
 * property hold (each is necessary to the failure). When no single part does (the failure needs
 * several together, or lies outside the parts), the parts the property read when it failed that
 * changed since `first`, found by evaluating it on `last` through a proxy that notes each part
 * read; a part it never read cannot be involved. Names are node names or field names.
 */
export function culprits(model: AnyModel, property: string, first: unknown, last: unknown): string[] {
  if (property === DEADLOCK) return [];
  const p = model.properties.find((x) => x.name === property && x.kind === 'always');
  if (!p || typeof last !== 'object' || last === null || typeof first !== 'object' || first === null) return [];
  const holds = (s: unknown): boolean => {
    try {
      return p.holds(s);
    } catch {
      return false;
    }
  };
  const names = (model as { nodeNames?: readonly string[] }).nodeNames;
  const a = first as Record<string, unknown>;
  const b = last as Record<string, unknown>;
  type Part = { name: string; reset: () => unknown; changed: boolean };
  let parts: Part[];
  if (names && Array.isArray(a.actors) && Array.isArray(b.actors)) {
    const before = a.actors as unknown[];
    const after = b.actors as unknown[];
    parts = names.map((name, i) => ({
      name,
      reset: () => withActors(last as SystemState<unknown, unknown>, after.map((x, k) => (k === i ? before[i] : x))),
      changed: JSON.stringify(before[i]) !== JSON.stringify(after[i]),
    }));
  } else if (!Array.isArray(b)) {
    parts = Object.keys(b).map((k) => ({
      name: k,
      reset: () => ({ ...b, [k]: a[k] }),
      changed: JSON.stringify(plain(a[k])) !== JSON.stringify(plain(b[k])),
    }));
  } else return [];
  const blamed = parts.filter((x) => x.changed && holds(x.reset())).map((x) => x.name);
  if (blamed.length > 0) return blamed;
  const read = partsRead(p.holds, last, names !== undefined && Array.isArray(b.actors));
  return parts.filter((x, i) => x.changed && read.has(names && Array.isArray(b.actors) ? String(i) : x.name)).map((x) => x.name);
}

/** Which parts (actor indexes as strings, or top-level fields) `holds` reads of `s`. */
function partsRead(holds: (s: unknown) => boolean, s: unknown, actors: boolean): Set<string> {
  const read = new Set<string>();
  const watch = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(t, key, receiver) as unknown;
      },
    });
  try {
    if (actors) {
      const sys = s as SystemState<unknown, unknown>;
      holds(withActors(sys, watch(sys.actors.slice())));
    } else holds(watch(s as object));
  } catch {
    // A property that fails on the proxy reads what it read before it threw.
  }
  return read;
}

function plain(v: unknown): unknown {
  if (v instanceof Set) return [...v].map(String).sort();
  if (v instanceof Map) return [...v.entries()].map(([k, x]) => [String(k), plain(x)]);
  return v;
}
