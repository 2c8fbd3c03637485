// Format auto-detection, from the file's extension when it is decisive (`.edn`, `.json`,
// `.jsonl`), otherwise from its first non-blank line; and one entry point for all formats.

import { InputError } from '../../errors.ts';
import { looksLikeEdn, parseEdnHistory } from './edn-history.ts';
import { looksLikeJepsenLog, parseJepsenLog } from './jepsen-log.ts';
import { looksLikeJson, parseJsonHistory } from './json-history.ts';
import { looksLikeKvLog, parseKvLog } from './kv-log.ts';
import type { HistoryFormat, ParsedHistory } from './parsed-history.ts';

export const historyFormats: readonly HistoryFormat[] = ['jepsen-log', 'kv-log', 'edn', 'json'];

const BY_EXTENSION: Readonly<Record<string, HistoryFormat>> = { '.edn': 'edn', '.json': 'json', '.jsonl': 'json' };

/** The format of `text` (named `file`), or undefined when no parser recognises it. */
export function detectFormat(text: string, file?: string): HistoryFormat | undefined {
  const extension = file === undefined ? undefined : /\.[^./\\]+$/.exec(file)?.[0].toLowerCase();
  const byExtension = extension === undefined ? undefined : BY_EXTENSION[extension];
  if (byExtension !== undefined) return byExtension;
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim();
  if (first === undefined) return undefined;
  if (looksLikeJepsenLog(first)) return 'jepsen-log';
  if (looksLikeKvLog(first)) return 'kv-log';
  if (looksLikeEdn(first)) return 'edn';
  if (looksLikeJson(first)) return 'json';
  return undefined;
}

/** Parses a history file; `file` names it in error messages. Throws `InputError` on bad input. */
export function parseHistory(text: string, file: string, format: HistoryFormat | 'auto' = 'auto'): ParsedHistory {
  if (text.trim() === '') throw new InputError(`${file}: empty history file`);
  const chosen = format === 'auto' ? detectFormat(text, file) : format;
  switch (chosen) {
    case 'jepsen-log':
      return parseJepsenLog(text, file) as ParsedHistory;
    case 'kv-log':
      return parseKvLog(text, file) as ParsedHistory;
    case 'edn':
      return parseEdnHistory(text, file) as ParsedHistory;
    case 'json':
      return parseJsonHistory(text, file);
    case undefined:
      throw new InputError(`${file}:1: cannot tell the history format (expected a Jepsen log, Jepsen EDN, a kv log or JSON); use --format`);
  }
}
