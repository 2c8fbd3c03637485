import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintHex, fingerprintOut, fingerprintState } from '../../checker/fingerprint/hash.ts';
import { fmix, step } from '../../checker/fingerprint/mix.ts';

// The reference: the same function with no caching at all (on the same MurmurHash3 mixing steps),
// written as plainly as possible. The fast path (string and object memos by position, the
// small-integer table) must agree with it on every value, whatever was hashed before.
const SEED_A = 0x9747b28c | 0;
const SEED_B = 0x85ebca6b | 0;
function str(s: string): [number, number] {
  let a = SEED_A ^ 7;
  for (let i = 0; i < s.length; i++) a = step(a, s.charCodeAt(i));
  a = fmix(a ^ s.length);
  return [a, fmix(a ^ SEED_B ^ Math.imul(s.length, 0x27d4eb2d))];
}
function reference(v: unknown): [number, number] {
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') {
    if ((v | 0) === v) return [fmix(step(SEED_A ^ 5, v)), fmix(step(SEED_B ^ 5, v ^ 0x5bd1e995))];
    const f = new Float64Array([v]);
    const u = new Uint32Array(f.buffer);
    return [fmix(step(step(SEED_A ^ 6, u[0]!), u[1]!)), fmix(step(step(SEED_B ^ 6, u[1]!), u[0]!))];
  }
  if (typeof v === 'boolean') return [fmix(SEED_A ^ (v ? 4 : 3)), fmix(SEED_B ^ (v ? 4 : 3))];
  if (v === null) return [fmix(SEED_A ^ 2), fmix(SEED_B ^ 2)];
  if (v === undefined) return [fmix(SEED_A ^ 1), fmix(SEED_B ^ 1)];
  if (Array.isArray(v)) {
    let a = SEED_A ^ 8;
    let b = SEED_B ^ 8;
    for (const x of v) {
      const [xa, xb] = reference(x);
      a = step(a, xa);
      b = step(b, xb);
    }
    return [fmix(a ^ v.length), fmix(b ^ v.length)];
  }
  let sa = 0;
  let sb = 0;
  let n = 0;
  for (const [k, x] of Object.entries(v as object)) {
    if (x === undefined) continue;
    const [ka, kb] = str(k);
    const [xa, xb] = reference(x);
    sa = (sa + fmix(step(ka, xa))) | 0;
    sb = (sb + fmix(step(kb, xb))) | 0;
    n++;
  }
  return [fmix(step(SEED_A ^ 9, sa) ^ n), fmix(step(SEED_B ^ 9, sb) ^ n)];
}
const hex = ([a, b]: [number, number]): string => (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.constantFrom('', 'a', 'working', 'x'), fc.string(), fc.integer({ min: -5000, max: 5000 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('', 'a', 'b', 'rmState', 'k'), tie('node'), { maxKeys: 4 })),
}));

describe('fingerprints on the hot path', () => {
  it('agree with an uncached reference on any value, whatever was hashed before (frozen or not)', () => {
    fc.assert(
      fc.property(fc.array(value.node, { minLength: 1, maxLength: 6 }), (vs) => {
        for (const v of vs) {
          expect(fingerprintHex(v)).toBe(hex(reference(v)));
          const frozen = structuredClone(v);
          deepFreeze(frozen);
          expect(fingerprintHex(frozen)).toBe(hex(reference(v)));
          fingerprintState(frozen);
          expect(hex([fingerprintOut[0]!, fingerprintOut[1]!])).toBe(hex(reference(v)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hash the empty string as a string, not as an unwritten memo slot', () => {
    expect(fingerprintHex({ value: '' })).toBe(hex(reference({ value: '' })));
    expect(fingerprintHex([''])).toBe(hex(reference([''])));
    expect(fingerprintHex({ value: '' })).not.toBe(fingerprintHex({ value: 'a' }));
  });

  it('reuse the hash of a part a step left unchanged, and notice a part that changed', () => {
    const shared = Object.freeze({ log: Object.freeze(['a', 'b']), term: 3 });
    const s1 = { actors: [shared, Object.freeze({ log: Object.freeze([]), term: 1 })] };
    const s2 = { actors: [shared, Object.freeze({ log: Object.freeze(['c']), term: 1 })] };
    fingerprintState(s1);
    const h1 = hex([fingerprintOut[0]!, fingerprintOut[1]!]);
    fingerprintState(s2);
    const h2 = hex([fingerprintOut[0]!, fingerprintOut[1]!]);
    expect(h1).toBe(hex(reference(s1)));
    expect(h2).toBe(hex(reference(s2)));
    expect(h1).not.toBe(h2);
  });
});

function deepFreeze(v: unknown): void {
  if (typeof v !== 'object' || v === null) return;
  for (const x of Object.values(v)) deepFreeze(x);
  Object.freeze(v);
}
