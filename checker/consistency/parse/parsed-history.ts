// What every history parser returns: the operations, where each came from (for error messages),
// and the specification the format implies, if any.

import type { History } from '../history.ts';
import type { BuiltinSpecName } from '../specs/index.ts';

export type HistoryFormat = 'jepsen-log' | 'kv-log' | 'edn' | 'json';

export interface ParsedHistory<I = unknown, O = unknown> {
  readonly format: HistoryFormat;
  /** The specification the file names or its format implies; undefined when it says nothing. */
  readonly model: BuiltinSpecName | undefined;
  /**
   * The operations; an output may be `UNKNOWN_OUTPUT` (./unknown-output.ts) until
   * `resolveUnknownOutputs` settles it for the model.
   */
  readonly history: History<I, O>;
  /** For each operation, where it is in the file, e.g. `history.log:12`. */
  readonly where: readonly string[];
}
