// What `lincheck` and `txncheck` share: reading each history file, printing one report per file
// (text, or a JSON line with `--reporter json`), and the exit code of a run over several files.
//
// With several files the most severe outcome wins, in the order bad input > violation > unknown >
// ok: bad input means the run did not check what was asked; a violation is a definite finding,
// which an inconclusive check elsewhere does not weaken.

import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputError } from '../errors.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_UNKNOWN, EXIT_VIOLATED } from './exit-codes.ts';

export type Reporter = 'text' | 'json';

const SEVERITY: Record<number, number> = { [EXIT_OK]: 0, [EXIT_UNKNOWN]: 1, [EXIT_VIOLATED]: 2, [EXIT_BAD_INPUT]: 3 };

/** Checks every file in turn and sets the process's exit code to the most severe file's. */
export function checkEachFile(files: readonly string[], checkFile: (file: string) => number): void {
  let exitCode = EXIT_OK;
  for (const file of files) {
    const code = checkFile(file);
    if (SEVERITY[code]! > SEVERITY[exitCode]!) exitCode = code;
  }
  process.exitCode = exitCode;
}

/**
 * Runs one file's check and prints its outcome: the text, or the report as a JSON line. Bad input
 * (an InputError) becomes the report `failed` makes of its message, printed as one error line on
 * stderr with the text reporter.
 */
export function reportFile<R>(reporter: Reporter, check: () => { report: R; text: string }, failed: (message: string) => R): R {
  let outcome: { report: R; text: string };
  try {
    outcome = check();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const report = failed(error.message);
    if (reporter === 'text') {
      process.stderr.write(`interleave: ${error.message}\n`);
      return report;
    }
    outcome = { report, text: '' };
  }
  process.stdout.write(reporter === 'json' ? `${JSON.stringify(outcome.report)}\n` : `${outcome.text}\n`);
  return outcome.report;
}

/** The file's text; a missing or unreadable file is bad input. */
export function readHistoryFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`);
  }
}

/** An explanation under a file's summary line, indented by two spaces. */
export function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** The page for `file`: `out` itself for one file; `out` with the file's name inserted for several. */
export function htmlPath(out: string, file: string, files: number): string {
  if (files === 1) return out;
  const ext = extname(out) || '.html';
  const stem = out.endsWith(ext) ? out.slice(0, -ext.length) : out;
  return `${stem}.${basename(file, extname(file))}${ext}`;
}
