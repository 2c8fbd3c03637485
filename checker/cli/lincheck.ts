// `interleave lincheck <file...>`: check recorded histories (Jepsen logs, Jepsen EDN, kv logs, our
// JSON) for linearizability. What each format's failed and indeterminate operations mean is in its
// parser (../consistency/parse/) and the README's lincheck section.
//
// Exit code: 0 every file is linearizable, 1 some file is not, 2 some file is bad input, 3 some
// check ran out of time. With several files the most severe wins, in the order 2 > 1 > 3 > 0 (see
// ./history-files.ts).

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../errors.ts';
import { renderExplanationHtml, renderExplanationText } from '../consistency/explain.ts';
import { checkLinearizability, type LinearizabilityResult } from '../consistency/linearizability.ts';
import { checkableHistory, type CheckableHistory } from '../consistency/parse/checkable-history.ts';
import type { HistoryFormat } from '../consistency/parse/parsed-history.ts';
import type { BuiltinSpecName } from '../consistency/specs/index.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_UNKNOWN, EXIT_VIOLATED } from './exit-codes.ts';
import { checkEachFile, htmlPath, indent, readHistoryFile, reportFile } from './history-files.ts';

const MODELS = ['cas-register', 'register', 'kv'] as const satisfies readonly BuiltinSpecName[];
/** Other names for a model: Porcupine and Jepsen call the cas register `etcd`. */
const ALIASES = { etcd: 'cas-register' } as const satisfies Record<string, BuiltinSpecName>;
const FORMATS = ['auto', 'jepsen-log', 'kv-log', 'edn', 'json'] as const;

export interface LincheckArgs {
  files: string[];
  model?: BuiltinSpecName | keyof typeof ALIASES;
  format: HistoryFormat | 'auto';
  /** The register's value before the first write (default nil), as given: `0`, `nil`, `abc`. */
  init?: string;
  timeout?: number;
  html?: string;
  reporter: 'text' | 'json';
}

/** One line of `--reporter json`. */
export interface LincheckReport {
  file: string;
  model: string | null;
  result: 'linearizable' | 'not-linearizable' | 'unknown' | 'error';
  operations: number;
  partitions: number;
  /** Check time; parsing excluded. */
  ms: number;
  message?: string;
}

function exitCodeOf(result: LincheckReport['result']): number {
  switch (result) {
    case 'linearizable':
      return EXIT_OK;
    case 'not-linearizable':
      return EXIT_VIOLATED;
    case 'unknown':
      return EXIT_UNKNOWN;
    case 'error':
      return EXIT_BAD_INPUT;
  }
}

export const lincheckCommand: CommandModule<object, LincheckArgs> = {
  command: 'lincheck <files..>',
  describe: 'check recorded histories for linearizability',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'history files' })
      .option('model', {
        choices: [...MODELS, ...(Object.keys(ALIASES) as (keyof typeof ALIASES)[])],
        describe: 'sequential specification (etcd = cas-register; default: implied by the file: jepsen-log and edn → cas-register, kv-log → kv)',
      })
      .option('format', {
        choices: FORMATS,
        default: 'auto' as const,
        describe: 'history format (auto: by extension .edn/.json/.jsonl, else by the first line)',
      })
      .option('init', {
        type: 'string',
        describe: "the register's value before the first write: an integer, nil (the default) or a string (register, cas-register)",
      })
      .option('timeout', { type: 'number', describe: 'seconds per file before giving up with "unknown" (exit 3)' })
      .option('html', { type: 'string', describe: 'write an HTML explanation page here' })
      .option('reporter', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' })
      .check((args) => {
        if (args.timeout !== undefined && !(args.timeout > 0)) throw new InputError('--timeout must be a positive number of seconds');
        return true;
      }) as unknown as Argv<LincheckArgs>,
  handler: (args) => checkEachFile(args.files, (file) => exitCodeOf(lincheckFile(file, args).result)),
};

/** Checks one file, prints its report and writes its HTML page if asked. */
function lincheckFile(file: string, args: LincheckArgs): LincheckReport {
  return reportFile(
    args.reporter,
    () => {
      const { spec, history } = load(file, args);
      const result = checkLinearizability(history, spec, args.timeout === undefined ? {} : { timeoutMs: args.timeout * 1000 });
      const report: LincheckReport = {
        file,
        model: spec.name,
        result: result.result,
        operations: result.operations,
        partitions: result.partitions,
        ms: Math.round(result.ms * 1000) / 1000,
      };
      let text = summary(file, result, args.timeout);
      if (result.result === 'not-linearizable') text += `\n${indent(renderExplanationText(result, spec))}`;
      if (args.html !== undefined) {
        const path = htmlPath(args.html, file, args.files.length);
        writeFileSync(path, renderExplanationHtml(result, spec, `${basename(file)}: ${spec.name}`));
        text += `\n  explanation written to ${path}`;
      }
      return { report, text };
    },
    (message) => ({ file, model: args.model ?? null, result: 'error', operations: 0, partitions: 0, ms: 0, message }),
  );
}

function load(file: string, args: LincheckArgs): CheckableHistory {
  const model = args.model === 'etcd' ? ALIASES.etcd : args.model;
  return checkableHistory(readHistoryFile(file), file, { format: args.format, model, init: args.init });
}

function summary(file: string, result: LinearizabilityResult, timeout: number | undefined): string {
  const size = `${result.operations} operation${result.operations === 1 ? '' : 's'}, ${result.partitions} part${result.partitions === 1 ? '' : 's'}, ${result.ms.toFixed(1)} ms`;
  switch (result.result) {
    case 'linearizable':
      return `${file}: linearizable (${size})`;
    case 'not-linearizable':
      return `${file}: NOT linearizable (${size})`;
    case 'unknown':
      return `${file}: unknown — no verdict within ${timeout ?? '?'} s (${size})`;
  }
}
