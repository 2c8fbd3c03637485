// `interleave merge <reports..>`: join the JSON reports of sharded runs (`check --reporter json
// --shard i/n`) into one verdict per configuration, with the exit code `check` would give.
//
// Per configuration: a violation in any shard is a violation of the whole run (the expected
// property wins when shards found different ones; then the shortest trace); `holds` needs every
// shard to have met it, and every shard 1/n..n/n to be present — a missing shard is walks never run.

import { readFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../errors.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATED } from './exit-codes.ts';

interface MergeArgs {
  reports: string[];
  reporter: 'text' | 'json';
}

/** One line of `check --reporter json`, as far as merging reads it. */
export interface ReportLine {
  readonly spec: string;
  readonly config: string;
  readonly file: string;
  readonly status: string;
  readonly property: string | null;
  readonly expected: string;
  readonly met: boolean;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly maxDepth: number;
  readonly ms: number;
  readonly trace: string | null;
  readonly reason?: string;
  readonly strategy?: string;
  readonly seed?: number;
  readonly shard?: string;
  readonly walks?: number;
  readonly steps?: number;
  readonly coverage?: { readonly distinctStates: number; readonly newPer1kSteps: number };
  readonly violatingWalk?: number;
  readonly msToViolation?: number;
  readonly shrunkLength?: number;
}

/** The merged verdict of every shard's report of one configuration. */
export interface MergedReport extends Pick<ReportLine, 'spec' | 'config' | 'file' | 'status' | 'property' | 'expected' | 'met' | 'reason'> {
  readonly reports: number;
  readonly shards?: { readonly count: number; readonly present: readonly string[]; readonly missing: readonly string[] };
  readonly seeds?: readonly number[];
  readonly walks?: number;
  readonly steps?: number;
  /** The largest shard's count (a lower bound: shards share states) and the sum (an upper bound). */
  readonly distinctStates: { readonly max: number; readonly sum: number };
  /** New states per 1,000 steps at the end of the shards, weighted by their steps. */
  readonly newPer1kSteps?: number;
  /** Wall time of the slowest shard, and of all shards together. */
  readonly ms: { readonly max: number; readonly sum: number };
  readonly trace: string | null;
  readonly violatingWalk?: number;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <reports..>',
  describe: 'merge JSON reports of sharded runs (check --reporter json --shard i/n) into one verdict',
  builder: (y: Argv) =>
    y
      .positional('reports', { type: 'string', array: true, demandOption: true, describe: 'files written by check --reporter json' })
      .option('reporter', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }) as unknown as Argv<MergeArgs>,
  handler: (args) => {
    const merged = mergeReports(args.reports.flatMap(readReport));
    for (const m of merged) process.stdout.write((args.reporter === 'json' ? JSON.stringify(m) : textLine(m)) + '\n');
    const met = merged.filter((m) => m.met).length;
    if (args.reporter === 'text') {
      process.stdout.write(`\n${merged.length} configuration${merged.length === 1 ? '' : 's'}: ${met} met expectation, ${merged.length - met} did not\n`);
      if (merged.some((m) => m.walks !== undefined)) process.stdout.write(`random walks: a 'holds' means no shard found a violation, not that none exists\n`);
    }
    process.exitCode = exitCode(merged);
  },
};

export function exitCode(merged: readonly MergedReport[]): number {
  if (merged.some((m) => m.status === 'error')) return EXIT_BAD_INPUT;
  return merged.every((m) => m.met) ? EXIT_OK : EXIT_VIOLATED;
}

/** The report lines of one file; anything that is not a `check --reporter json` line is bad input. */
export function readReport(path: string): ReportLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`${path}: cannot read the report`);
  }
  const lines: ReportLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch {
      throw new InputError(`${path}:${i + 1}: not JSON (write reports with check --reporter json)`);
    }
    const fault = lineFault(doc);
    if (fault) throw new InputError(`${path}:${i + 1}: not a check report line: ${fault}`);
    lines.push(doc as ReportLine);
  });
  if (lines.length === 0) throw new InputError(`${path}: no report lines`);
  return lines;
}

function lineFault(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'expected a JSON object';
  const d = doc as Record<string, unknown>;
  for (const k of ['spec', 'config', 'file', 'status', 'expected'] as const) if (typeof d[k] !== 'string') return `"${k}" must be a string`;
  if (typeof d.met !== 'boolean') return '"met" must be a boolean';
  if (d.shard !== undefined && (typeof d.shard !== 'string' || !/^\d+\/\d+$/.test(d.shard))) return '"shard" must be i/n';
  return undefined;
}

export function mergeReports(lines: readonly ReportLine[]): MergedReport[] {
  const groups = new Map<string, ReportLine[]>();
  for (const l of lines) {
    const key = JSON.stringify([l.file, l.spec, l.config]);
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  return [...groups.values()].map(mergeGroup);
}

function mergeGroup(g: readonly ReportLine[]): MergedReport {
  const first = g[0]!;
  const expectsViolation = first.expected.startsWith('violates ');
  const wanted = expectsViolation ? first.expected.slice('violates '.length) : undefined;
  const sum = (f: (l: ReportLine) => number | undefined): number => g.reduce((k, l) => k + (f(l) ?? 0), 0);
  const random = g.some((l) => l.walks !== undefined);
  const shards = shardCoverage(g);
  const seeds = [...new Set(g.flatMap((l) => (l.seed !== undefined ? [l.seed] : [])))];
  const steps = sum((l) => l.steps);
  const base = {
    spec: first.spec,
    config: first.config,
    file: first.file,
    expected: first.expected,
    reports: g.length,
    ...(shards ? { shards } : {}),
    ...(seeds.length > 0 ? { seeds } : {}),
    ...(random ? { walks: sum((l) => l.walks), steps } : {}),
    distinctStates: { max: Math.max(...g.map((l) => l.distinctStates)), sum: sum((l) => l.distinctStates) },
    ...(random && steps > 0 ? { newPer1kSteps: Math.round((sum((l) => (l.coverage?.newPer1kSteps ?? 0) * (l.steps ?? 0)) / steps) * 10) / 10 } : {}),
    ms: { max: Math.max(...g.map((l) => l.ms)), sum: sum((l) => l.ms) },
  };
  const errored = g.find((l) => l.status === 'error');
  if (errored) return { ...base, status: 'error', property: null, met: false, reason: errored.reason ?? 'a shard failed', trace: null };
  const violations = g.filter((l) => l.status === 'violated');
  if (violations.length > 0) {
    const pool = violations.some((l) => l.property === wanted) ? violations.filter((l) => l.property === wanted) : violations;
    const length = (l: ReportLine): number => l.shrunkLength ?? l.maxDepth;
    const best = [...pool].sort((a, b) => length(a) - length(b) || (a.violatingWalk ?? 0) - (b.violatingWalk ?? 0))[0]!;
    const met = best.property === wanted;
    const reason = met ? undefined : wanted ? `expected to violate ${wanted}, but ${best.property} was violated` : `expected to hold, but ${best.property} is violated`;
    return {
      ...base,
      status: 'violated',
      property: best.property,
      met,
      ...(reason ? { reason } : {}),
      trace: best.trace,
      ...(best.violatingWalk !== undefined ? { violatingWalk: best.violatingWalk } : {}),
    };
  }
  const status = g.every((l) => l.status === first.status) ? first.status : 'incomplete';
  const notMet = g.find((l) => !l.met);
  let reason = notMet?.reason;
  if (!reason && shards && shards.missing.length > 0) reason = `missing shard${shards.missing.length === 1 ? '' : 's'} ${shards.missing.join(', ')}: their walks never ran`;
  if (!reason && seeds.length > 1) reason = `shards ran with different seeds (${seeds.join(', ')}): their walks may overlap`;
  return { ...base, status, property: null, met: reason === undefined, ...(reason ? { reason } : {}), trace: null };
}

/** Which shards of n are present; undefined when the reports are not sharded. */
function shardCoverage(g: readonly ReportLine[]): MergedReport['shards'] {
  const parsed = g.flatMap((l) => (l.shard ? [l.shard.split('/').map(Number) as [number, number]] : []));
  if (parsed.length === 0) return undefined;
  const count = Math.max(...parsed.map(([, n]) => n));
  const present = new Set(parsed.filter(([, n]) => n === count).map(([i]) => i));
  const all = Array.from({ length: count }, (_, i) => i + 1);
  return {
    count,
    present: all.filter((i) => present.has(i)).map((i) => `${i}/${count}`),
    missing: all.filter((i) => !present.has(i)).map((i) => `${i}/${count}`),
  };
}

function textLine(m: MergedReport): string {
  const mark = m.met ? '✓' : '✗';
  const n = (x: number): string => x.toLocaleString('en-US');
  const from = m.shards ? `${m.shards.present.length} of ${m.shards.count} shards` : `${m.reports} report${m.reports === 1 ? '' : 's'}`;
  let verdict: string;
  if (m.status === 'violated') verdict = `violates ${m.property}${m.trace ? ` (trace ${m.trace})` : ''}${m.met ? ' as expected' : ''}`;
  else if (m.status === 'error') verdict = 'error';
  else verdict = m.walks !== undefined && m.status === 'incomplete' ? 'no violation found' : m.status;
  const walks = m.walks !== undefined ? `${n(m.walks)} walks, ${n(m.steps ?? 0)} steps, ` : '';
  const states = m.distinctStates.max === m.distinctStates.sum ? n(m.distinctStates.max) : `${n(m.distinctStates.max)}–${n(m.distinctStates.sum)}`;
  const rate = m.newPer1kSteps !== undefined ? `, ${m.newPer1kSteps} new per 1,000 steps at the end` : '';
  const seed = m.seeds && m.seeds.length > 0 ? `, seed ${m.seeds.join('/')}` : '';
  return `${mark} ${m.spec}/${m.config}: ${verdict}; ${from}${seed}; ${walks}${states} distinct states${rate}; slowest ${n(m.ms.max)} ms${m.reason ? `\n    ${m.reason}` : ''}`;
}
