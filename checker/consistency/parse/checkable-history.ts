// From a history file's text to what the linearizability checker takes: the specification (the
// file's model, or the one asked for, from the initial value asked for) and the history, its
// unknown outputs settled for that model and every operation validated against it.

import { InputError } from '../../errors.ts';
import type { History } from '../history.ts';
import type { AnySpec } from '../sequential-spec.ts';
import { builtinSpecs, type BuiltinSpecName } from '../specs/index.ts';
import type { RegisterValue } from '../specs/register-value.ts';
import { parseHistory } from './detect.ts';
import type { HistoryFormat } from './parsed-history.ts';
import { resolveUnknownOutputs } from './unknown-output.ts';

export interface CheckableHistoryOptions {
  format?: HistoryFormat | 'auto';
  /** Overrides the model the file names or its format implies. */
  model?: BuiltinSpecName;
  /** The register's value before the first write (default nil), as typed: `0`, `nil`, `abc`. */
  init?: string;
}

export interface CheckableHistory {
  readonly spec: AnySpec;
  readonly history: History;
  /** For each operation of `history`, where it is in the file. */
  readonly where: readonly string[];
}

/** Parses and prepares `text` (the file `file`); throws `InputError` naming the fault. */
export function checkableHistory(text: string, file: string, options: CheckableHistoryOptions = {}): CheckableHistory {
  const parsed = parseHistory(text, file, options.format ?? 'auto');
  const model = options.model ?? parsed.model;
  if (model === undefined) {
    throw new InputError(`${file}: the history does not say its model; use --model ${Object.keys(builtinSpecs).join('|')}`);
  }
  const spec = withInitialValue(builtinSpecs[model], model, options.init);
  const { history, where } = resolveUnknownOutputs(parsed.history, parsed.where, model);
  if (spec.validate) {
    history.forEach((op, i) => {
      const fault = spec.validate!(op);
      if (fault !== undefined) throw new InputError(`${where[i]}: not a ${model} operation: ${fault}`);
    });
  }
  return { spec, history, where };
}

/** `spec` starting from `init`; only the registers have one initial value to set. */
function withInitialValue(spec: AnySpec, model: BuiltinSpecName, init: string | undefined): AnySpec {
  if (init === undefined) return spec;
  if (model === 'kv') throw new InputError(`--init sets a register's initial value; the kv model starts every key at ""`);
  const value = parseInitialValue(init);
  return { ...spec, init: () => value };
}

function parseInitialValue(text: string): RegisterValue {
  if (text === 'nil' || text === 'null') return null;
  if (/^[+-]?\d+$/.test(text)) {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw new InputError(`--init ${text}: beyond 2^53, the largest integer a register holds exactly`);
    return value;
  }
  return text;
}
