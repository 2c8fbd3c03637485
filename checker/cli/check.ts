// `interleave check <files|dirs>`: run every spec configuration and judge it.

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { checkConfig, type RunReport } from '../check.ts';
import type { Strategy } from '../explore/options.ts';
import { InputError } from '../errors.ts';
import { describeExpectation } from '../spec.ts';
import { traceFileName, writeTrace } from '../trace/trace.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATED } from './exit-codes.ts';
import { loadSpecs } from './load.ts';
import { clearProgress, progressLine } from './progress.ts';

interface CheckArgs {
  paths: string[];
  config?: string;
  all: boolean;
  strategy?: Strategy;
  'max-depth'?: number;
  'max-states'?: number;
  timeout?: number;
  symmetry: boolean;
  'trace-out': string;
  reporter: 'text' | 'json';
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <paths..>',
  describe: 'check every spec in the given files and directories',
  builder: (y: Argv) =>
    y
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'spec files or directories' })
      .option('config', { type: 'string', describe: 'run only this configuration (heavy ones included)' })
      .option('all', { type: 'boolean', default: false, describe: 'also run heavy configurations' })
      .option('strategy', { choices: ['bfs', 'dfs'] as const, describe: 'search strategy (default bfs: shortest counterexample)' })
      .option('max-depth', { type: 'number', describe: 'do not expand states this many steps deep' })
      .option('max-states', { type: 'number', describe: 'stop after this many distinct states' })
      .option('timeout', { type: 'number', describe: 'wall-clock budget per configuration, in seconds' })
      .option('symmetry', { type: 'boolean', default: false, describe: 'count symmetric states once (where the spec declares symmetry)' })
      .option('trace-out', { type: 'string', default: 'traces', describe: 'directory for counterexample traces' })
      .option('reporter', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }) as unknown as Argv<CheckArgs>,
  handler: async (args) => {
    process.exitCode = await runCheck(args);
  },
};

async function runCheck(args: CheckArgs): Promise<number> {
  const loaded = await loadSpecs(args.paths);
  const runs = loaded.flatMap(({ spec, file }) =>
    Object.entries(spec.configs)
      .filter(([name, cfg]) => (args.config !== undefined ? name === args.config : args.all || !cfg.heavy))
      .map(([name]) => ({ spec, file, name })),
  );
  if (runs.length === 0) {
    throw new InputError(args.config !== undefined ? `no spec has a configuration named ${args.config}` : `no spec configurations found in ${args.paths.join(', ')}`);
  }
  let exit = EXIT_OK;
  let met = 0;
  for (const { spec, file, name } of runs) {
    const report = checkConfig(spec, name, file, {
      ...(args.strategy !== undefined ? { strategy: args.strategy } : {}),
      ...(args['max-depth'] !== undefined ? { maxDepth: args['max-depth'] } : {}),
      ...(args['max-states'] !== undefined ? { maxStates: args['max-states'] } : {}),
      ...(args.timeout !== undefined ? { timeoutMs: args.timeout * 1000 } : {}),
      symmetry: args.symmetry,
      ...(args.reporter === 'text' ? { onProgress: progressLine(`${spec.name}/${name}`) } : {}),
    });
    clearProgress();
    const tracePath = report.trace ? join(args['trace-out'], traceFileName(spec.name, name)) : undefined;
    if (report.trace && tracePath) writeTrace(tracePath, report.trace);
    if (args.reporter === 'json') process.stdout.write(JSON.stringify(jsonLine(report, tracePath)) + '\n');
    else process.stdout.write(textLine(report, tracePath) + '\n');
    if (report.status === 'error') exit = EXIT_BAD_INPUT;
    else if (!report.met && exit === EXIT_OK) exit = EXIT_VIOLATED;
    if (report.met) met++;
  }
  if (args.reporter === 'text') {
    const failed = runs.length - met;
    process.stdout.write(`\n${runs.length} configuration${runs.length === 1 ? '' : 's'}: ${met} met expectation, ${failed} did not\n`);
  }
  return exit;
}

function jsonLine(r: RunReport, trace: string | undefined): Record<string, unknown> {
  return {
    spec: r.spec,
    config: r.config,
    file: r.file,
    status: r.status,
    property: r.property ?? null,
    expected: describeExpectation(r.expected),
    met: r.met,
    distinctStates: r.distinctStates,
    generatedStates: r.generatedStates,
    maxDepth: r.maxDepth,
    ms: r.ms,
    trace: trace ?? null,
    ...(r.unreached.length > 0 ? { unreached: r.unreached } : {}),
    ...(r.boundsHit.length > 0 ? { boundsHit: r.boundsHit } : {}),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
  };
}

function textLine(r: RunReport, trace: string | undefined): string {
  const mark = r.met ? '✓' : '✗';
  const what = `${r.spec}/${r.config}`;
  if (r.status === 'error') return `${mark} ${what}: error: ${r.error}`;
  const stats = `${r.distinctStates.toLocaleString('en-US')} states, depth ${r.maxDepth}, ${r.ms} ms`;
  let verdict: string;
  if (r.status === 'violated') {
    const steps = r.trace?.steps.length ?? 0;
    verdict = `violates ${r.property} (${steps} step${steps === 1 ? '' : 's'}${trace ? `, trace ${trace}` : ''})`;
    if (r.met) verdict += ' as expected';
  } else verdict = r.status;
  return `${mark} ${what}: ${verdict}; ${stats}${r.met ? '' : `\n    ${r.reason}`}`;
}
