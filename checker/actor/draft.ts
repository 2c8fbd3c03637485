// A handler's draft: a plain deep copy of the actor's state, which the handler changes in place.
// When it returns, the copy is settled against the state it was made from: each part equal in
// content to the part it replaces becomes that old (frozen) object again, and each new part is
// frozen. So a handler that changed nothing gives back the very state it was given, and a step
// shares every part it did not change with the state before it, as structural sharing would.
//
// Why not immer's proxies: actor states are small, and copying one whole is cheaper than a proxy
// per object the handler reads (measured on Stateright's Paxos with 3 servers and 3 clients: the
// handler's share of a search fell from 45% to 28%). The one difference a handler could see:
// "changed" means changed in content, so writing a value equal to the old one is no change.
//
// Plain objects, arrays, Maps and Sets are copied; other objects (class instances) are values,
// shared as they are, and must not be changed in place.

import type { Draft } from 'immer';

/** `base` as `recipe` changes it on a draft: `base` itself when nothing changed (see above). */
export function change<S>(base: S, recipe: (draft: Draft<S>) => void): S {
  const draft = thaw(base);
  recipe(draft as Draft<S>);
  return settle(base, draft);
}

/** A mutable deep copy of `v`. */
export function thaw<T>(v: T): T {
  return copy(v, false);
}

/**
 * What a handler hands over (a message, an operation's input or output) may hold parts of its
 * draft, which it may go on changing: those parts are copied now. Frozen parts are shared.
 */
export function detach<T>(v: T): T {
  return copy(v, true);
}

function copy<T>(v: T, shareFrozen: boolean): T {
  if (typeof v !== 'object' || v === null || (shareFrozen && Object.isFrozen(v))) return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = copy(v[i] as unknown, shareFrozen);
    return out as T;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    const rec = v as Record<string, unknown>;
    for (const k in rec) out[k] = copy(rec[k], shareFrozen);
    return out as T;
  }
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, copy(x as unknown, shareFrozen)])) as T;
  if (v instanceof Set) return new Set([...v].map((x) => copy(x as unknown, shareFrozen))) as T;
  return v;
}

/** `draft` settled against `base` (see above); `base` itself when nothing changed. */
export function settle<T>(base: T, draft: T): T {
  if (base === draft || typeof draft !== 'object' || draft === null) return draft;
  if (Object.isFrozen(draft)) return sameContent(base, draft) ? base : draft;
  if (Array.isArray(draft)) return settleArray(base, draft) as T;
  const proto = Object.getPrototypeOf(draft) as unknown;
  if (proto === Object.prototype || proto === null) return settleObject(base, draft as Record<string, unknown>) as T;
  if (draft instanceof Map) return settleMap(base, draft) as T;
  if (draft instanceof Set) return settleSet(base, draft) as T;
  return draft;
}

function settleArray(base: unknown, d: unknown[]): unknown {
  const b = Array.isArray(base) && base.length === d.length ? (base as unknown[]) : undefined;
  let changed = b === undefined;
  for (let i = 0; i < d.length; i++) {
    const was = b?.[i];
    const x = settle(was, d[i]);
    d[i] = x;
    if (x !== was) changed = true;
  }
  return changed ? Object.freeze(d) : base;
}

function settleObject(base: unknown, d: Record<string, unknown>): unknown {
  const b = isPlainObject(base) ? base : undefined;
  let changed = b === undefined;
  let keys = 0;
  for (const k in d) {
    const was = b?.[k];
    const x = settle(was, d[k]);
    d[k] = x;
    if (x !== was || (b !== undefined && was === undefined && !(k in b))) changed = true;
    keys++;
  }
  if (!changed) for (const _ in b) keys--;
  return changed || keys !== 0 ? Object.freeze(d) : base;
}

function settleMap(base: unknown, d: Map<unknown, unknown>): unknown {
  const b = base instanceof Map && base.size === d.size ? (base as Map<unknown, unknown>) : undefined;
  let changed = b === undefined;
  for (const [k, x] of d) {
    const was = b?.get(k);
    const y = settle(was, x);
    if (y !== x) d.set(k, y);
    if (y !== was || (b !== undefined && was === undefined && !b.has(k))) changed = true;
  }
  return changed ? Object.freeze(d) : base;
}

function settleSet(base: unknown, d: Set<unknown>): unknown {
  const same = base instanceof Set && base.size === d.size && [...d].every((x) => base.has(x));
  return same ? base : Object.freeze(d);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep equality of plain data (what a frozen value assigned into a draft is compared with). */
function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  let keys = 0;
  for (const k in a) {
    if (!(k in b) || !sameContent(a[k], b[k])) return false;
    keys++;
  }
  for (const _ in b) keys--;
  return keys === 0;
}
