// The read/write register: a single cell, initially nil (null). A read returns the last value
// written. Outputs: a read returns `{ value }`; a write's output is ignored.

import type { Operation } from '../history.ts';
import type { SequentialSpec } from '../sequential-spec.ts';
import { hashValue, isRecord, isRegisterValue, showValue, type RegisterValue } from './register-value.ts';

export type RegisterInput =
  | { readonly f: 'read' }
  | { readonly f: 'write'; readonly value: RegisterValue };

export interface RegisterOutput {
  readonly value?: RegisterValue;
}

export const register: SequentialSpec<RegisterInput, RegisterOutput, RegisterValue> = {
  name: 'register',
  init: () => null,
  step(state, input, output) {
    if (input.f === 'write') return input.value;
    return output.value === state ? state : undefined;
  },
  readOnly: (input) => input.f === 'read',
  stepPending(state, input) {
    return [input.f === 'write' ? input.value : state];
  },
  equal: (a, b) => a === b,
  hash: hashValue,
  describe: describeRegisterOp,
  validate(op) {
    if (!isRecord(op.input)) return 'input must be an object';
    const { f } = op.input;
    if (f === 'write') return isRegisterValue(op.input.value) ? undefined : 'write needs a value';
    if (f !== 'read') return `input.f must be "read" or "write", got ${JSON.stringify(f)}`;
    return validateReadOutput(op);
  },
};

export function validateReadOutput(op: Operation<unknown, unknown>): string | undefined {
  if (op.ret === undefined) return undefined;
  if (!isRecord(op.output) || !('value' in op.output)) return 'a completed read needs output {"value": …} (or "outputUnknown": true)';
  const { value } = op.output;
  if (!isRegisterValue(value)) {
    return `a read's value must be a number, a string or null, got ${JSON.stringify(value) ?? String(value)}${Array.isArray(value) ? ' (an array)' : ` (${typeof value})`}`;
  }
  return undefined;
}

export function describeRegisterOp(op: Operation<RegisterInput, RegisterOutput>): string {
  const { input } = op;
  const done = op.ret !== undefined;
  if (input.f === 'write') return `write(${showValue(input.value)})${done ? '' : ' -> ?'}`;
  return `read() -> ${done ? showValue(op.output?.value ?? null) : '?'}`;
}
