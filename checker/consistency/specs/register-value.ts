// Values held by the register specifications. `null` is Jepsen's nil: the register before any write.

import { fingerprintParts } from '../../fingerprint/hash.ts';

export type RegisterValue = number | string | null;

export function isRegisterValue(v: unknown): v is RegisterValue {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

export function showValue(v: RegisterValue): string {
  return v === null ? 'nil' : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** A hash of a register value; integers, the common case, skip the general structural hash. */
export function hashValue(v: RegisterValue): number {
  if (typeof v === 'number' && (v | 0) === v) {
    let h = Math.imul(v ^ 0x3c6ef372, 0x85ebca6b);
    h ^= h >>> 13;
    return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
  }
  return v === null ? 0x6a09e667 : fingerprintParts(v);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
