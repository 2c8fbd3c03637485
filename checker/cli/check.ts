// `interleave check <files|dirs>`: run every spec configuration and judge it.

import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { Argv, CommandModule } from 'yargs';
import { prepareRuns, runConfig, type RunOptions, type RunReport } from '../check.ts';
import type { Strategy } from '../explore/options.ts';
import type { Progress } from '../explore/outcome.ts';
import { randomJson, randomText } from '../explore/random/report.ts';
import { parseShard, type Shard } from '../explore/random/shard.ts';
import { InputError } from '../errors.ts';
import { describeExpectation } from '../spec.ts';
import { traceFileName, writeTrace } from '../trace/trace.ts';
import { junitOf, summaryOf, type Finished } from '../trace/ci-report.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATED } from './exit-codes.ts';
import { findSpecFiles, loadSpecs } from './load.ts';
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
  por: boolean;
  workers: number;
  seed?: number;
  walks?: number;
  'walk-depth'?: number;
  shard?: string;
  swarm?: boolean;
  'trace-out': string;
  reporter: 'text' | 'json' | 'junit';
  'junit-out'?: string;
  minimize?: boolean;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <paths..>',
  describe: 'check every spec in the given files and directories',
  builder: (y: Argv) =>
    y
      .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'spec files or directories' })
      .option('config', { type: 'string', describe: 'run only this configuration (heavy ones included)' })
      .option('all', { type: 'boolean', default: false, describe: 'also run heavy configurations' })
      .option('strategy', { choices: ['bfs', 'dfs', 'random'] as const, describe: 'search strategy (default bfs: shortest counterexample; random: seeded random walks, not a proof)' })
      .option('max-depth', { type: 'number', describe: 'do not expand states this many steps deep' })
      .option('max-states', { type: 'number', describe: 'stop after this many distinct states' })
      .option('timeout', { type: 'number', describe: 'wall-clock budget per configuration, in seconds' })
      .option('symmetry', { type: 'boolean', default: false, describe: 'count symmetric states once (where the spec declares symmetry)' })
      .option('por', { type: 'boolean', default: false, describe: 'partial-order reduction: sleep sets over steps that commute (actor systems, bfs; not with a state constraint, --symmetry or --workers: a note says when it is not applied)' })
      .option('workers', { type: 'number', default: 1, describe: 'threads exploring bfs together, this one and N - 1 workers (one shared visited set: counts are exact; counterexamples shortest)' })
      .option('seed', { type: 'number', describe: 'random: seed of the run (default: a fresh one, printed)' })
      .option('walks', { type: 'number', describe: 'random: walks in the whole run, all shards together (default 1000)' })
      .option('walk-depth', { type: 'number', describe: 'random: steps of one walk at most (default --max-depth, else 100)' })
      .option('shard', { type: 'string', describe: 'random: run only shard i/n of the walks (needs --seed); join reports with interleave merge' })
      .option('swarm', { type: 'boolean', describe: 'random: vary the fault mix per walk (default on; --no-swarm: uniform)' })
      .option('trace-out', { type: 'string', default: 'traces', describe: 'directory for counterexample traces' })
      .option('reporter', { choices: ['text', 'json', 'junit'] as const, default: 'text' as const, describe: 'output format (junit: JUnit XML for CI)' })
      .option('junit-out', { type: 'string', describe: 'with --reporter junit: write the XML to this file (default stdout)' })
      .option('minimize', { type: 'boolean', describe: 'minimise counterexamples (default: on for every strategy but bfs, whose are shortest)' }) as unknown as Argv<CheckArgs>,
  handler: async (args) => {
    process.exitCode = await runCheck(args);
  },
};

async function runCheck(args: CheckArgs): Promise<number> {
  // The first spec file's workers start while the specs load (TypeScript through tsx takes a while).
  const first = args.workers > 1 ? findSpecFiles(args.paths)[0] : undefined;
  if (first !== undefined) prepareRuns(first, { workers: args.workers });
  const loaded = await loadSpecs(args.paths);
  const runs = loaded.flatMap(({ spec, file }) =>
    Object.entries(spec.configs)
      .filter(([name, cfg]) => (args.config !== undefined ? name === args.config : args.all || !cfg.heavy))
      .map(([name]) => ({ spec, file, name })),
  );
  if (runs.length === 0) {
    throw new InputError(args.config !== undefined ? `no spec has a configuration named ${args.config}` : `no spec configurations found in ${args.paths.join(', ')}`);
  }
  const shard = args.shard !== undefined ? parseShard(args.shard) : undefined;
  if (shard && args.seed === undefined) throw new InputError('--shard needs --seed, so that every shard numbers the same walks');
  let exit = EXIT_OK;
  let met = 0;
  let randomRuns = 0;
  const finished: Finished[] = [];
  for (const { spec, file, name } of runs) {
    const label = `${spec.name}/${name}`;
    let counts: (() => Progress) | undefined;
    const options: RunOptions = { ...runOptions(args, shard, label), onStart: (now) => (counts = now) };
    const report = await interruptibly(
      () => runConfig(spec, name, file, options),
      () => interrupted(label, counts?.()),
    );
    clearProgress();
    const tracePath = report.trace ? join(args['trace-out'], traceFileName(spec.name, name)) : undefined;
    if (report.trace && tracePath) writeTrace(tracePath, report.trace);
    finished.push({ report, spec, ...(tracePath ? { tracePath } : {}) });
    if (args.reporter === 'json') process.stdout.write(JSON.stringify(jsonLine(report, tracePath)) + '\n');
    else if (args.reporter === 'text') process.stdout.write(textLine(report, tracePath) + '\n');
    if (report.status === 'error') exit = EXIT_BAD_INPUT;
    else if (!report.met && exit === EXIT_OK) exit = EXIT_VIOLATED;
    if (report.met) met++;
    if (report.random) randomRuns++;
  }
  if (args.reporter === 'junit') writeOut(args['junit-out'], junitOf(finished));
  // On GitHub Actions: a table of verdicts and the counterexamples as Mermaid diagrams.
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary) appendFileSync(summary, summaryOf(finished) + '\n');
  if (args.reporter === 'text') {
    const failed = runs.length - met;
    process.stdout.write(`\n${runs.length} configuration${runs.length === 1 ? '' : 's'}: ${met} met expectation, ${failed} did not\n`);
    if (randomRuns > 0) process.stdout.write(`${randomRuns} ran random walks: a 'holds' there means no violation was found, not that none exists\n`);
  }
  return exit;
}

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const EXIT_INTERRUPTED = 130;
const INTERRUPTED = 'ERR_SCRIPT_EXECUTION_INTERRUPTED';
const RUN_KEY = Symbol.for('interleave.check.run');
/** Calls the function stored under RUN_KEY: a script, so that Ctrl-C can break into it. */
const RUN_SCRIPT = new Script(`globalThis[Symbol.for('interleave.check.run')]()`, { filename: 'interleave-check' });

/**
 * Runs `run`, calling `onInterrupt` on Ctrl-C. A search on this thread is synchronous, so no
 * SIGINT listener could run before it ends: it runs inside a script started with `breakOnSigint`
 * (as Node's REPL runs its input), which Ctrl-C ends at once; what is asynchronous (worker threads)
 * hears the signal through a listener.
 */
async function interruptibly<T>(run: () => Promise<T>, onInterrupt: () => never): Promise<T> {
  const listener = (): void => onInterrupt();
  process.once('SIGINT', listener);
  const g = globalThis as unknown as Record<symbol, unknown>;
  g[RUN_KEY] = run;
  try {
    let started: Promise<T>;
    try {
      started = RUN_SCRIPT.runInThisContext({ breakOnSigint: true }) as Promise<T>;
    } catch (e) {
      if ((e as { code?: unknown }).code === INTERRUPTED) onInterrupt();
      throw e;
    }
    return await started;
  } finally {
    delete g[RUN_KEY];
    process.off('SIGINT', listener);
  }
}

/** Ctrl-C: what the search had found, in one line, and exit. */
function interrupted(label: string, p: Progress | undefined): never {
  clearProgress();
  let line = `interrupted: ${label}`;
  if (p !== undefined) {
    const rate = p.ms > 0 ? Math.round((p.distinctStates / p.ms) * 1000) : 0;
    const fmt = (n: number): string => n.toLocaleString('en-US');
    line += `: ${fmt(p.distinctStates)} states, depth ${p.depth}, ${fmt(rate)} states/s after ${(p.ms / 1000).toFixed(1)} s`;
  }
  process.stderr.write(line + '\n');
  process.exit(EXIT_INTERRUPTED);
}

/** The run options the flags ask for (a spec's own bounds and strategy apply where they are silent). */
function runOptions(args: CheckArgs, shard: Shard | undefined, label: string): RunOptions {
  return {
    workers: args.workers,
    ...(args.minimize !== undefined ? { minimize: args.minimize } : {}),
    ...(args.strategy !== undefined ? { strategy: args.strategy } : {}),
    ...(args['max-depth'] !== undefined ? { maxDepth: args['max-depth'] } : {}),
    ...(args['max-states'] !== undefined ? { maxStates: args['max-states'] } : {}),
    ...(args.timeout !== undefined ? { timeoutMs: args.timeout * 1000 } : {}),
    symmetry: args.symmetry,
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
    ...(args.walks !== undefined ? { walks: args.walks } : {}),
    ...(args['walk-depth'] !== undefined ? { walkDepth: args['walk-depth'] } : {}),
    ...(shard ? { shard } : {}),
    ...(args.swarm !== undefined ? { swarm: args.swarm } : {}),
    ...(args.reporter === 'text' ? { onProgress: progressLine(label) } : {}),
    ...(args.por ? { por: true } : {}),
  };
}

function jsonLine(r: RunReport, trace: string | undefined): Record<string, unknown> {
  return {
    spec: r.spec,
    config: r.config,
    file: r.file,
    status: r.status,
    property: r.property ?? null,
    ...(r.propertyKind !== undefined ? { propertyKind: r.propertyKind } : {}),
    ...(r.trace?.cycleStart !== undefined ? { cycleStart: r.trace.cycleStart } : {}),
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
    ...(r.strategy !== undefined ? { strategy: r.strategy } : {}),
    ...(r.random ? randomJson(r.random) : {}),
    ...(r.notes ? { notes: r.notes } : {}),
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
  } else verdict = r.random && r.status === 'incomplete' ? 'no violation found' : r.status;
  const random = r.random ? randomText(r.random, r.status === 'violated').map((l) => `\n    ${l}`).join('') : '';
  const notes = (r.notes ?? []).map((n) => `\n    note: ${n}`).join('');
  return `${mark} ${what}: ${verdict}; ${stats}${r.met ? '' : `\n    ${r.reason}`}${random}${notes}`;
}

function writeOut(path: string | undefined, text: string): void {
  if (path === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  } catch (e) {
    throw new InputError(`${path}: cannot write (${e instanceof Error ? e.message : String(e)})`);
  }
}
