import { describe, expect, it } from 'vitest';
import { VisitedSet } from '../../checker/fingerprint/visited-set.ts';

describe('the visited set', () => {
  it('numbers new fingerprints 0, 1, 2, … and recognises ones it has seen', () => {
    const v = new VisitedSet(16);
    expect(v.add(1, 2)).toBe(0);
    expect(v.add(3, 4)).toBe(1);
    expect(v.add(1, 2)).toBe(-1 - 0);
    expect(v.add(3, 4)).toBe(-1 - 1);
    expect(v.get(3, 4)).toBe(1);
    expect(v.get(4, 3)).toBe(-1);
    expect(v.size).toBe(2);
  });

  it('keeps every fingerprint and its id while growing by doubling', () => {
    const v = new VisitedSet(16);
    const n = 100_000;
    for (let i = 0; i < n; i++) expect(v.add(Math.imul(i, 0x9e3779b1) >>> 0, i)).toBe(i);
    expect(v.size).toBe(n);
    for (let i = 0; i < n; i += 997) expect(v.get(Math.imul(i, 0x9e3779b1) >>> 0, i)).toBe(i);
    expect(v.add(0, 0)).toBe(-1 - 0);
  });

  it('accepts the all-zero fingerprint like any other', () => {
    const v = new VisitedSet(16);
    expect(v.add(0, 0)).toBe(0);
    expect(v.add(0, 0)).toBe(-1);
  });
});
