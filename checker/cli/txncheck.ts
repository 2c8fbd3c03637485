// `interleave txncheck <file...>`: check recorded histories of transactions (Jepsen EDN or our
// JSON) for isolation anomalies, and judge them under the consistency models asked for.
//
// Exit code: 0 every file is valid under every model asked, 1 some file is not, 2 some file is bad
// input, 3 some verdict is unknown. With several files the most severe wins, as in `lincheck`:
// 2 > 1 > 3 > 0.

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../errors.ts';
import { checkTransactions, type Validity } from '../consistency/transactions/check.ts';
import { renderTxnExplanation, renderTxnHtml, renderTxnSummary } from '../consistency/transactions/explain.ts';
import { isConsistencyModel, MODELS, type ConsistencyModel } from '../consistency/transactions/models.ts';
import { readTxnHistory, type TxnHistoryFormat } from '../consistency/transactions/read-history.ts';
import { WORKLOADS, type Workload } from '../consistency/transactions/txn.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_UNKNOWN, EXIT_VIOLATED } from './exit-codes.ts';
import { checkEachFile, htmlPath, indent, readHistoryFile, reportFile } from './history-files.ts';

export interface TxncheckArgs {
  files: string[];
  workload?: Workload;
  consistency: string;
  format: TxnHistoryFormat | 'auto';
  reporter: 'text' | 'json';
  html?: string;
  wfrKeys: boolean;
}

/** One line of `--reporter json`. */
export interface TxncheckReport {
  file: string;
  result: Validity | 'error';
  /** The anomaly types found, e.g. ["G1c", "G-single"]. */
  anomalies: string[];
  /** Check time; parsing excluded. */
  ms: number;
  models?: Record<string, Validity>;
  message?: string;
}

const EXIT: Record<TxncheckReport['result'], number> = { valid: EXIT_OK, invalid: EXIT_VIOLATED, unknown: EXIT_UNKNOWN, error: EXIT_BAD_INPUT };

function parseModels(list: string): ConsistencyModel[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new InputError('--consistency names no model');
  for (const n of names) if (!isConsistencyModel(n)) throw new InputError(`unknown consistency model ${JSON.stringify(n)} (known: ${MODELS.join(', ')})`);
  return names as ConsistencyModel[];
}

export const txncheckCommand: CommandModule<object, TxncheckArgs> = {
  command: 'txncheck <files..>',
  describe: 'check recorded histories of transactions for isolation anomalies',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'history files (Jepsen EDN or JSON)' })
      .option('workload', { choices: WORKLOADS, describe: 'list-append or rw-register (required for EDN; JSON files may say it)' })
      .option('consistency', { type: 'string', default: 'strict-serializable', describe: `comma-separated models: ${MODELS.join(', ')}` })
      .option('format', { choices: ['auto', 'edn', 'json'] as const, default: 'auto' as const, describe: 'history format' })
      .option('reporter', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' })
      .option('html', { type: 'string', describe: 'write an HTML explanation page here' })
      .option('wfr-keys', {
        type: 'boolean',
        default: true,
        describe: "rw-register: a transaction's write of a key follows the version it read of it (Elle's wfr-keys?); --no-wfr-keys to drop",
      })
      .check((args) => {
        parseModels(String(args.consistency));
        return true;
      }) as unknown as Argv<TxncheckArgs>,
  handler: (args) => {
    const models = parseModels(args.consistency);
    checkEachFile(args.files, (file) => EXIT[txncheckFile(file, models, args).result]);
  },
};

function txncheckFile(file: string, models: ConsistencyModel[], args: TxncheckArgs): TxncheckReport {
  return reportFile(
    args.reporter,
    () => {
      const history = readTxnHistory(readHistoryFile(file), file, { format: args.format, ...(args.workload === undefined ? {} : { workload: args.workload }) });
      const result = checkTransactions(history, { models, wfrKeys: args.wfrKeys });
      const report: TxncheckReport = {
        file,
        result: result.result,
        anomalies: [...result.anomalyTypes],
        ms: Math.round(result.ms * 1000) / 1000,
        models: Object.fromEntries(result.models.map((m) => [m.model, m.result])),
      };
      let text = renderTxnSummary(result, file);
      if (result.anomalyTypes.length > 0) text += `\n${indent(renderTxnExplanation(result))}`;
      if (args.html !== undefined) {
        const path = htmlPath(args.html, file, args.files.length);
        writeFileSync(path, renderTxnHtml(result, `${basename(file)}: ${history.workload}`));
        text += `\n  explanation written to ${path}`;
      }
      return { report, text };
    },
    (message) => ({ file, result: 'error', anomalies: [], ms: 0, message }),
  );
}
