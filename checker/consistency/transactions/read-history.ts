// Reading a history of transactions from a file's text, in either format.

import { InputError } from '../../errors.ts';
import { looksLikeEdn, parseJepsenEdnHistory } from './jepsen-edn.ts';
import { looksLikeJsonTxns, parseJsonTxnHistory } from './json-history.ts';
import type { TxnHistory, Workload } from './txn.ts';

export type TxnHistoryFormat = 'edn' | 'json';

export function detectTxnFormat(text: string): TxnHistoryFormat | undefined {
  if (looksLikeEdn(text)) return 'edn';
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim();
  return first !== undefined && looksLikeJsonTxns(first) ? 'json' : undefined;
}

/**
 * Parses a history; `file` names it in messages. `workload` is required for EDN (Jepsen's files do
 * not say it) and overrides a JSON file's own. Throws `InputError` on bad input.
 */
export function readTxnHistory(text: string, file: string, options: { format?: TxnHistoryFormat | 'auto'; workload?: Workload } = {}): TxnHistory {
  const format = options.format === undefined || options.format === 'auto' ? detectTxnFormat(text) : options.format;
  switch (format) {
    case 'json':
      return parseJsonTxnHistory(text, file, options.workload);
    case 'edn':
      if (options.workload === undefined) throw new InputError(`${file}: a Jepsen history does not say its workload; use --workload list-append|rw-register`);
      return parseJepsenEdnHistory(text, file, options.workload);
    case undefined:
      if (text.trim() === '') throw new InputError(`${file}: empty history file`);
      throw new InputError(`${file}:1: cannot tell the history format (expected Jepsen EDN or JSON); use --format`);
  }
}
