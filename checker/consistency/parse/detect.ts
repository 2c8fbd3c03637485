// Format auto-detection from the first non-blank line, and one entry point for all formats.

import { InputError } from '../../errors.ts';
import { looksLikeJepsenLog, parseJepsenLog } from './jepsen-log.ts';
import { looksLikeJson, parseJsonHistory } from './json-history.ts';
import { looksLikeKvLog, parseKvLog } from './kv-log.ts';
import type { HistoryFormat, ParsedHistory } from './parsed-history.ts';

export const historyFormats: readonly HistoryFormat[] = ['jepsen-log', 'kv-log', 'json'];

/** The format of `text`, or undefined when no parser recognises its first line. */
export function detectFormat(text: string): HistoryFormat | undefined {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim();
  if (first === undefined) return undefined;
  if (looksLikeJepsenLog(first)) return 'jepsen-log';
  if (looksLikeKvLog(first)) return 'kv-log';
  if (looksLikeJson(first)) return 'json';
  return undefined;
}

/** Parses a history file; `file` names it in error messages. Throws `InputError` on bad input. */
export function parseHistory(text: string, file: string, format: HistoryFormat | 'auto' = 'auto'): ParsedHistory {
  const chosen = format === 'auto' ? detectFormat(text) : format;
  switch (chosen) {
    case 'jepsen-log':
      return parseJepsenLog(text, file) as ParsedHistory;
    case 'kv-log':
      return parseKvLog(text, file) as ParsedHistory;
    case 'json':
      return parseJsonHistory(text, file);
    case undefined:
      if (text.trim() === '') throw new InputError(`${file}: empty history file`);
      throw new InputError(`${file}:1: cannot tell the history format (expected a Jepsen log, a kv log or JSON); use --format`);
  }
}
