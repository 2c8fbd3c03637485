// The compare-and-set register (Jepsen's etcd model): read/write as `register`, plus
// cas(from, to), which succeeds and stores `to` iff the register holds `from`, and otherwise fails
// with no effect. The register starts as nil, so a cas against nil fails.
// Outputs: read `{ value }`, cas `{ ok }`, write ignored.

import type { Operation } from '../history.ts';
import type { SequentialSpec } from '../sequential-spec.ts';
import { hashValue, isRecord, isRegisterValue, showValue, type RegisterValue } from './register-value.ts';
import { describeRegisterOp, validateReadOutput, type RegisterInput } from './register.ts';

export type CasRegisterInput =
  | RegisterInput
  | { readonly f: 'cas'; readonly from: RegisterValue; readonly to: RegisterValue };

export interface CasRegisterOutput {
  readonly value?: RegisterValue;
  readonly ok?: boolean;
}

export const casRegister: SequentialSpec<CasRegisterInput, CasRegisterOutput, RegisterValue> = {
  name: 'cas-register',
  init: () => null,
  step(state, input, output) {
    switch (input.f) {
      case 'write':
        return input.value;
      case 'read':
        return output.value === state ? state : undefined;
      case 'cas':
        if (output.ok === true) return state === input.from ? input.to : undefined;
        return state !== input.from ? state : undefined;
    }
  },
  readOnly: (input, output) => input.f === 'read' || (input.f === 'cas' && output.ok !== true),
  stepPending(state, input) {
    switch (input.f) {
      case 'write':
        return [input.value];
      case 'read':
        return [state];
      case 'cas':
        return [state === input.from ? input.to : state];
    }
  },
  equal: (a, b) => a === b,
  hash: hashValue,
  describe(op: Operation<CasRegisterInput, CasRegisterOutput>) {
    const { input } = op;
    if (input.f !== 'cas') return describeRegisterOp({ ...op, input });
    const result = op.ret === undefined ? '?' : op.output?.ok === true ? 'ok' : 'fail';
    return `cas(${showValue(input.from)}, ${showValue(input.to)}) -> ${result}`;
  },
  validate(op) {
    if (!isRecord(op.input)) return 'input must be an object';
    const { f } = op.input;
    if (f === 'write') return isRegisterValue(op.input.value) ? undefined : 'write needs a value';
    if (f === 'read') return validateReadOutput(op);
    if (f !== 'cas') return `input.f must be "read", "write" or "cas", got ${JSON.stringify(f)}`;
    if (!isRegisterValue(op.input.from) || !isRegisterValue(op.input.to)) return 'cas needs "from" and "to" values';
    if (op.ret !== undefined && !(isRecord(op.output) && typeof op.output.ok === 'boolean')) {
      return 'a completed cas needs output {"ok": true|false}';
    }
    return undefined;
  },
};
