import { describe, expect, it } from 'vitest';
import { FingerprintSet } from '../../checker/fingerprint/fingerprint-set.ts';
import { SharedFingerprintSet } from '../../checker/fingerprint/shared-fingerprint-set.ts';

const fp = (i: number): [number, number] => [Math.imul(i, 0x9e3779b1) >>> 0, Math.imul(i ^ 0x5bd1e995, 0x85ebca6b) >>> 0];

describe('the explorer’s fingerprint set', () => {
  it('says "new" once per fingerprint, across growth', () => {
    const set = new FingerprintSet(16);
    const n = 200_000;
    let fresh = 0;
    for (let i = 0; i < n; i++) if (set.add(...fp(i))) fresh++;
    expect(fresh).toBe(n);
    let again = 0;
    for (let i = 0; i < n; i += 7) if (set.add(...fp(i))) again++;
    expect(again).toBe(0);
    expect(set.size).toBe(n);
    for (let i = 0; i < n; i += 101) expect(set.has(...fp(i))).toBe(true);
    expect(set.has(...fp(n + 1))).toBe(false);
  });

  it('takes 8 bytes a slot and stays between half and three-quarters full: at most 16 bytes a state', () => {
    const set = new FingerprintSet(16);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      set.add(...fp(i));
      if (i > 1000) worst = Math.max(worst, set.bytes / set.size);
    }
    expect(worst).toBeLessThanOrEqual(16.1);
  });

  it('grows a part at a time: a growth adds a small fraction of what the set holds, never a whole copy', () => {
    const set = new FingerprintSet(16);
    let before = set.bytes;
    let worstJump = 0;
    for (let i = 0; i < 200_000; i++) {
      set.add(...fp(i));
      const now = set.bytes;
      if (i > 10_000) worstJump = Math.max(worstJump, (now - before) / before);
      before = now;
    }
    expect(worstJump).toBeGreaterThan(0);
    expect(worstJump).toBeLessThan(0.05);
  });

  it('stores the all-zero fingerprint (the empty-slot marker) like any other', () => {
    const set = new FingerprintSet(16);
    expect(set.add(0, 0)).toBe(true);
    expect(set.add(0, 0)).toBe(false);
    expect(set.has(0, 0)).toBe(true);
  });
});

describe('the shared fingerprint set of a parallel search', () => {
  it('says "new" once per fingerprint and keeps every one when it grows', () => {
    let set = SharedFingerprintSet.create(1 << 10);
    let added = 0;
    for (let i = 0; i < 50_000; i++) {
      if (set.full) set = set.grown(set.capacity * 2);
      if (set.add(...fp(i))) {
        set.publish(1);
        added++;
      }
      if (set.add(...fp(i))) added = -Infinity;
    }
    expect(added).toBe(50_000);
    expect(set.size).toBe(50_000);
    let again = 0;
    for (let i = 0; i < 50_000; i += 13) if (set.add(...fp(i))) again++;
    expect(again).toBe(0);
  });

  it('tells apart fingerprints that differ only in a zero half (stored as 1)', () => {
    const set = SharedFingerprintSet.create(64);
    expect(set.add(0, 5)).toBe(true);
    expect(set.add(5, 0)).toBe(true);
    expect(set.add(0, 5)).toBe(false);
  });
});
