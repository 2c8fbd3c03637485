import { describe, expect, it } from 'vitest';
import { fingerprintHex } from '../../checker/fingerprint/hash.ts';

describe('fingerprints', () => {
  it('do not depend on the key order of plain objects', () => {
    expect(fingerprintHex({ a: 1, b: [2, 3], c: { x: 'y', z: null } })).toBe(fingerprintHex({ c: { z: null, x: 'y' }, b: [2, 3], a: 1 }));
  });

  it('depend on the order of arrays', () => {
    expect(fingerprintHex([1, 2])).not.toBe(fingerprintHex([2, 1]));
  });

  it('do not depend on the insertion order of Sets and Maps', () => {
    expect(fingerprintHex(new Set([1, 2, 3]))).toBe(fingerprintHex(new Set([3, 1, 2])));
    expect(fingerprintHex(new Map([['a', 1], ['b', 2]]))).toBe(fingerprintHex(new Map([['b', 2], ['a', 1]])));
    expect(fingerprintHex(new Map([['a', 1], ['b', 2]]))).not.toBe(fingerprintHex(new Map([['a', 2], ['b', 1]])));
  });

  it('tell apart values that print alike', () => {
    const values: unknown[] = [0, -1, 1, 1.5, '1', true, false, null, undefined, [], {}, [[]], [{}], new Set(), new Map(), 'a', ['a'], { a: undefined, b: 1 }, { b: 1, c: 1 }, 2 ** 40, -(2 ** 40)];
    const hashes = new Set(values.map(fingerprintHex));
    // `{a: undefined, b: 1}` is `{b: 1}`, which is not in the list; everything else is distinct.
    expect(hashes.size).toBe(values.length);
  });

  it('ignore keys whose value is undefined, as JSON does', () => {
    expect(fingerprintHex({ a: 1, b: undefined })).toBe(fingerprintHex({ a: 1 }));
  });

  it('give a frozen object the same fingerprint as an equal unfrozen one (identity caching is invisible)', () => {
    const frozen = Object.freeze({ x: Object.freeze([1, 2]), y: 'z' });
    expect(fingerprintHex(frozen)).toBe(fingerprintHex({ y: 'z', x: [1, 2] }));
    expect(fingerprintHex({ s: frozen })).toBe(fingerprintHex({ s: { x: [1, 2], y: 'z' } }));
  });

  it('have no collisions among 200,000 small distinct states', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(fingerprintHex({ n: i % 1000, m: Math.floor(i / 1000), tag: i % 7 === 0 ? 'x' : 'y' }));
    expect(seen.size).toBe(200_000);
  });
});
