// Reading JSON history files, shared by the linearizability and isolation checkers' JSON formats:
// a whole document or JSON lines, with parse errors reported as `file:line: invalid JSON: …`.

import { InputError } from '../errors.ts';

/** One non-blank line of a JSON-lines file, parsed; `line` counts from 1. */
export interface JsonLine {
  readonly value: unknown;
  readonly line: number;
}

/** Parses `text` as one JSON document, or returns undefined when it is JSON lines instead. */
export function parseJsonDocument(text: string, file: string): { readonly document: unknown } | undefined {
  try {
    return { document: JSON.parse(text) };
  } catch (error) {
    if (!startsWithJsonLine(text)) throw new InputError(`${file}:${syntaxErrorLine(text, error)}: ${invalidJson(error)}`);
    return undefined;
  }
}

/** Every non-blank line of `text`, each parsed as JSON. */
export function parseJsonLines(text: string, file: string): JsonLine[] {
  const lines = text.split('\n');
  const parsed: JsonLine[] = [];
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '') continue;
    try {
      parsed.push({ value: JSON.parse(line), line: l + 1 });
    } catch (error) {
      throw new InputError(`${file}:${l + 1}: ${invalidJson(error)}`);
    }
  }
  return parsed;
}

/** `value` as a record, if it is a JSON object. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Whether the first non-blank line is JSON by itself (so a file that is not one document may be JSON lines). */
function startsWithJsonLine(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() !== '');
  if (first === undefined) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

function invalidJson(error: unknown): string {
  return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/** The line of a JSON.parse error, from its message's line or position (V8 gives one or the other). */
function syntaxErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const lineMatch = /line (\d+)/.exec(message);
  if (lineMatch !== null) return Number(lineMatch[1]);
  const positionMatch = /position (\d+)/.exec(message);
  if (positionMatch === null) return 1;
  const position = Number(positionMatch[1]);
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
