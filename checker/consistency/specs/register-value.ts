// Values held by the register specifications. `null` is Jepsen's nil: the register before any write.

import { fingerprintParts } from '../../fingerprint/hash.ts';

export type RegisterValue = number | string | null;

export function isRegisterValue(v: unknown): v is RegisterValue {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

export function showValue(v: RegisterValue): string {
  return v === null ? 'nil' : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function hashValue(v: RegisterValue): number {
  return fingerprintParts(v);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
