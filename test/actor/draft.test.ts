import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detach, settle, thaw } from '../../checker/actor/draft.ts';

const deepFreeze = <T>(v: T): T => {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
};

describe("a handler's draft", () => {
  const base = deepFreeze({ ballot: [1, 0], log: [{ term: 1, op: 'a' }, { term: 1, op: 'b' }], votes: [2], decided: false });

  it('is a mutable deep copy: changing it leaves the state it came from as it was', () => {
    const d = thaw(base);
    d.log[0]!.op = 'z';
    d.votes.push(3);
    expect(base.log[0]!.op).toBe('a');
    expect(base.votes).toEqual([2]);
  });

  it('settles to the very same state when nothing changed, or only equal values were written', () => {
    const d = thaw(base);
    d.ballot = [1, 0];
    d.decided = false;
    d.log = d.log.filter(() => true);
    expect(settle(base, d)).toBe(base);
  });

  it('shares every unchanged part with the old state and freezes the new ones', () => {
    const d = thaw(base);
    d.log[1]!.op = 'c';
    const t = settle(base, d);
    expect(t).not.toBe(base);
    expect(t).toEqual({ ballot: [1, 0], log: [{ term: 1, op: 'a' }, { term: 1, op: 'c' }], votes: [2], decided: false });
    expect(t.ballot).toBe(base.ballot);
    expect(t.votes).toBe(base.votes);
    expect(t.log[0]).toBe(base.log[0]);
    expect(Object.isFrozen(t) && Object.isFrozen(t.log) && Object.isFrozen(t.log[1])).toBe(true);
  });

  it('tells a key set to undefined from a missing key, and a removed key from a kept one', () => {
    const b = deepFreeze({ a: 1 } as { a?: number; b?: number });
    const added = thaw(b);
    added.b = undefined;
    expect(settle(b, added)).not.toBe(b);
    const removed = thaw(b);
    delete removed.a;
    expect(settle(b, removed)).toEqual({});
  });

  it('copies Maps and Sets, and keeps an unchanged one', () => {
    const b = { m: new Map([['x', [1]]]), s: new Set([1, 2]) };
    const d = thaw(b);
    d.m.get('x')!.push(2);
    expect(b.m.get('x')).toEqual([1]);
    const t = settle(b, d);
    expect(t.m.get('x')).toEqual([1, 2]);
    expect(t.s).toBe(b.s);
  });

  it('hands over copies of draft parts (the handler may go on changing them) and frozen values as they are', () => {
    const d = thaw(base);
    const msg = detach({ type: 'AppendEntries', entries: d.log, ballot: base.ballot });
    d.log.push({ term: 2, op: 'c' });
    expect(msg.entries).toHaveLength(2);
    expect(msg.ballot).toBe(base.ballot);
  });

  it('settles any change of plain data to its content, sharing what is equal (random states and changes)', () => {
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b'), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(fc.constantFrom('p', 'q', 'r'), tie('value'), { maxKeys: 3 }),
    })).object;
    fc.assert(
      fc.property(data, data, (a, b) => {
        const old = deepFreeze(structuredClone(a));
        // The draft becomes b's content, key by key at the top.
        const d = thaw(old) as Record<string, unknown>;
        for (const k of Object.keys(d)) if (!(k in b)) delete d[k];
        for (const [k, v] of Object.entries(b)) d[k] = structuredClone(v);
        const t = settle(old, d) as Record<string, unknown>;
        expect(t).toEqual(b);
        expect(Object.isFrozen(t)).toBe(true);
        if (JSON.stringify(a) === JSON.stringify(b) && Object.keys(a).join() === Object.keys(b).join()) expect(t).toBe(old);
        for (const k of Object.keys(b)) if (JSON.stringify(a[k]) === JSON.stringify(b[k])) expect(t[k]).toBe(old[k]);
      }),
    );
  });
});
