// A real run from start to verdict: run the cluster (cluster.ts), write the history as JSON and
// Jepsen EDN, check it for linearizability against the configuration's sequential spec, and write
// the summary and the HTML report.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderExplanationHtml, renderExplanationText } from '../consistency/explain.ts';
import { checkLinearizability, type LinearizabilityResult } from '../consistency/linearizability.ts';
import { InputError } from '../errors.ts';
import { runCluster, type ClusterOptions, type RunOutcome } from './cluster.ts';
import { loadRunModel } from './run-model.ts';
import { writeEdnHistory, writeJsonHistory } from './history-files.ts';
import { runReportHtml } from './html-report.ts';
import { summarize, type RunSummary } from './summary.ts';

export interface RunResult {
  readonly summary: RunSummary;
  readonly outcome: RunOutcome;
  readonly check: LinearizabilityResult | undefined;
  /** The checker's explanation when the history is not linearizable. */
  readonly explanation: string | undefined;
  readonly files: { readonly json: string; readonly edn: string; readonly html: string; readonly faults: string };
}

export async function runAndCheck(options: ClusterOptions & { readonly checkTimeoutS: number }): Promise<RunResult> {
  const run = await loadRunModel(options.target);
  const spec = run.runtime?.spec;
  if (spec === undefined) throw new InputError(`${options.target.file}: configuration ${options.target.config} has no runtime.spec: say which sequential spec its clients' history follows`);
  mkdirSync(options.outDir, { recursive: true });
  const outcome = await runCluster(options, run);
  const files = {
    json: join(options.outDir, 'history.json'),
    edn: join(options.outDir, 'history.edn'),
    html: join(options.outDir, 'report.html'),
    faults: join(options.outDir, 'faults.json'),
  };
  const ops = outcome.history.operations;
  writeJsonHistory(files.json, spec.name, ops);
  writeEdnHistory(files.edn, ops, outcome.history.now());
  writeFileSync(files.faults, JSON.stringify({ faults: outcome.faults, errors: outcome.errors, recoveries: outcome.recoveries, fates: outcome.fates }, null, 1) + '\n');
  const check = checkLinearizability(outcome.history.history(), spec, { timeoutMs: options.checkTimeoutS * 1000 });
  const summary = summarize(outcome, options.target.seed, check.result, files.json);
  const failed = check.result === 'not-linearizable';
  const explanation = failed ? renderExplanationText(check, spec) : undefined;
  const explanationHtml = failed ? renderExplanationHtml(check, spec, `${summary.spec} ${summary.config}: not linearizable`) : undefined;
  const endMs = Math.max(outcome.history.now() / 1000, ...outcome.faults.map((f) => f.t));
  writeFileSync(files.html, runReportHtml(summary, ops, outcome.faults, endMs, explanationHtml, explanation));
  return { summary, outcome, check, explanation, files };
}
