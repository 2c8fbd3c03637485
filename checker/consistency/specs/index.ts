// The built-in sequential specifications, by the name the CLI accepts.

import type { AnySpec } from '../sequential-spec.ts';
import { casRegister } from './cas-register.ts';
import { kv } from './kv.ts';
import { register } from './register.ts';

export { casRegister, type CasRegisterInput, type CasRegisterOutput } from './cas-register.ts';
export { kv, type KvInput, type KvOutput, type KvState, type KvCell, type KvRope } from './kv.ts';
export { register, type RegisterInput, type RegisterOutput } from './register.ts';
export type { RegisterValue } from './register-value.ts';

export const builtinSpecs = {
  register: register as unknown as AnySpec,
  'cas-register': casRegister as unknown as AnySpec,
  kv: kv as unknown as AnySpec,
} as const;

export type BuiltinSpecName = keyof typeof builtinSpecs;

export function isBuiltinSpecName(name: string): name is BuiltinSpecName {
  return Object.hasOwn(builtinSpecs, name);
}
