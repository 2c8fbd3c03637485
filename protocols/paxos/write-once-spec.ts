// The write-once register (a consensus object): propose(v) sets the register if it is empty and
// returns its content. A history of Paxos clients must be linearizable with respect to it: every
// client learns the same value, and that value was proposed before anyone learned it.

import type { SequentialSpec } from '../register/register-spec.ts';

export interface ProposeInput {
  readonly f: 'propose';
  readonly value: string;
}

export interface ProposeOutput {
  readonly value: string;
}

export const writeOnceRegister: SequentialSpec<ProposeInput, ProposeOutput, string | null> = {
  name: 'write-once-register',
  init: () => null,
  step: (state, input, output) => ((state ?? input.value) === output.value ? (state ?? input.value) : undefined),
  stepPending: (state, input) => [state ?? input.value],
  equal: (a, b) => a === b,
  hash: (v) => (v === null ? 0 : [...v].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7)),
  describe: (op) => `propose(${op.input.value}) -> ${op.ret === undefined ? '?' : op.output!.value}`,
};
