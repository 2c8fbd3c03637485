// Operations that returned without their output being observed: a Jepsen read whose value is nil
// (Knossos's meaning: the value is unknown), a JSON operation marked `"outputUnknown": true`.
//
// Parsers mark such an operation with the output `UNKNOWN_OUTPUT`; which operations may carry it
// depends on the model, which is known only once the file is parsed and `--model` applied, so
// `resolveUnknownOutputs` settles them then:
// - a read (register, cas-register) or a get (kv) with an unknown value constrains nothing (any
//   value is legal and it changes no state), so it is left out;
// - a write, put or append ignores its output anyway, so it stays, with the empty output;
// - a cas's outcome decides the state after it, so an unknown one is an input error: an operation
//   whose outcome is unknown is pending (no `ret`), and may then take effect at any later point.

import { InputError } from '../../errors.ts';
import type { History, Operation } from '../history.ts';
import type { BuiltinSpecName } from '../specs/index.ts';

/** The output of an operation that returned without its output being observed. */
export const UNKNOWN_OUTPUT: unique symbol = Symbol('unknown output');

/** For each model, the operations (`input.f`) that only observe, and those whose output is ignored. */
const OUTPUT_FREE: Record<BuiltinSpecName, { reads: readonly string[]; ignored: readonly string[] }> = {
  register: { reads: ['read'], ignored: ['write'] },
  'cas-register': { reads: ['read'], ignored: ['write'] },
  kv: { reads: ['get'], ignored: ['put', 'append'] },
};

/**
 * The history with its unknown outputs settled for `model` (see above), and the positions of the
 * operations kept. Throws `InputError` naming the operation when an output cannot be unknown.
 */
export function resolveUnknownOutputs(
  history: History,
  where: readonly string[],
  model: BuiltinSpecName,
): { history: History; where: readonly string[] } {
  if (!history.some((op) => op.output === UNKNOWN_OUTPUT)) return { history, where };
  const { reads, ignored } = OUTPUT_FREE[model];
  const kept: Operation[] = [];
  const keptWhere: string[] = [];
  history.forEach((op, i) => {
    if (op.output !== UNKNOWN_OUTPUT) {
      kept.push(op);
      keptWhere.push(where[i]!);
      return;
    }
    const f = functionOf(op.input);
    if (f !== undefined && reads.includes(f)) return;
    if (f !== undefined && ignored.includes(f)) {
      kept.push({ ...op, output: {} });
      keptWhere.push(where[i]!);
      return;
    }
    throw new InputError(
      `${where[i]}: the output of ${f === undefined ? 'this operation' : `a ${f}`} cannot be unknown in the ${model} model ` +
        `(only a ${reads.join('/')}'s can); an operation whose outcome is unknown is pending: give it no return`,
    );
  });
  return { history: kept, where: keptWhere };
}

function functionOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const f = (input as { f?: unknown }).f;
  return typeof f === 'string' ? f : undefined;
}
