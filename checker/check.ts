// Running a spec configuration and judging the outcome against what the spec expects: the one way
// in for the CLI (`interleave check`), `interleave/vitest` and any other tool. It chooses the
// search (one thread, or worker threads kept between runs of a spec file), explains what it did
// otherwise than asked, and shortens counterexamples where the search does not find shortest ones.

import { InputError } from './errors.ts';
import { verifyPath } from './explore/determinism.ts';
import { explore } from './explore/search.ts';
import { porUnavailable } from './explore/por.ts';
import type { ExploreOptions } from './explore/options.ts';
import { exploreParallel } from './explore/parallel/coordinator.ts';
import { prestartWorkers } from './explore/parallel/worker-pool.ts';
import type { Bound, Outcome, Progress, Status } from './explore/outcome.ts';
import type { RandomSummary } from './explore/random/summary.ts';
import type { AnyModel } from './model.ts';
import { describeExpectation, type Expectation, type Spec } from './spec.ts';
import { checkLiveness, hasLiveness, type LivenessOutcome } from './liveness/check-liveness.ts';
import type { PropertyKind } from './properties.ts';
import { minimizeRun } from './trace/ci-report.ts';
import { toJson } from './trace/plain.ts';
import { TRACE_FORMAT, TRACE_VERSION, type Trace } from './trace/trace.ts';

export interface RunReport {
  readonly spec: string;
  readonly config: string;
  readonly file: string;
  readonly status: Status | 'error';
  /** The violated property (status `violated`). */
  readonly property?: string;
  /** Its kind (always, eventually, leadsTo, …). */
  readonly propertyKind?: PropertyKind;
  readonly expected: Expectation;
  /** Whether the run met the spec's expectation. */
  readonly met: boolean;
  /** Why it did not, in one line. */
  readonly reason?: string;
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly maxDepth: number;
  readonly ms: number;
  readonly unreached: readonly string[];
  readonly boundsHit: readonly Bound[];
  /** The strategy that ran (bfs, dfs, random). */
  readonly strategy?: string;
  /** Random strategy: seed, shard, walks, coverage (a random run is evidence, not a proof). */
  readonly random?: RandomSummary;
  readonly trace?: Trace;
  /** For status `error`: the fault, in one line. */
  readonly error?: string;
  /** What the run did otherwise than asked (a reduction it could not apply, and why). */
  readonly notes?: readonly string[];
}

/** How to run a configuration: the spec's own bounds and strategy, overridden by these. */
export interface RunOptions extends Omit<ExploreOptions, 'onProgress' | 'edges'> {
  readonly onProgress?: (p: Progress) => void;
  /**
   * Threads exploring together (bfs): this one and `workers - 1` worker threads, which are kept
   * for the next run of the same spec file. Default 1.
   */
  readonly workers?: number;
  /** Minimise a counterexample (default: for every strategy but bfs, whose are shortest). */
  readonly minimize?: boolean;
}

/**
 * Runs configuration `config` of `spec` (loaded from `file`) and judges the outcome: on worker
 * threads with `workers` > 1, its counterexample minimised where asked (by default, where it may
 * not be a shortest one).
 */
export async function runConfig(spec: Spec, config: string, file: string, options: RunOptions = {}): Promise<RunReport> {
  const { workers = 1, minimize, ...explore } = options;
  let report = workers > 1 ? await checkOnWorkers(spec, config, file, workers, explore) : checkConfig(spec, config, file, explore);
  if (report.trace && (minimize ?? report.strategy !== 'bfs')) report = minimizeRun(report, spec);
  return report;
}

/**
 * Starts, ahead of the first run of `file`, the worker threads `options.workers` asks for: they load
 * the spec while the caller does (a worker takes a few tenths of a second to start).
 */
export function prepareRuns(file: string, options: Pick<RunOptions, 'workers'>): void {
  const workers = options.workers ?? 1;
  if (workers > 1) prestartWorkers(file, workers - 1);
}

/** A configuration ready to explore, or the report of why it could not be built. */
type Prepared =
  | { readonly ok: true; readonly spec: Spec; readonly config: string; readonly file: string; readonly model: AnyModel; readonly settings: ExploreOptions }
  | { readonly ok: false; readonly report: RunReport };

/** Builds the model of `spec`'s configuration `config`, with the spec's bounds under `options`. */
function prepareConfig(spec: Spec, config: string, file: string, options: Omit<RunOptions, 'workers' | 'minimize'>): Prepared {
  const cfg = spec.configs[config];
  if (!cfg) throw new InputError(`${file}: spec ${spec.name} has no configuration ${config}`);
  const settings: ExploreOptions = { ...cfg.explore, ...definedOnly(options) };
  try {
    return { ok: true, spec, config, file, model: cfg.model(), settings };
  } catch (e) {
    return { ok: false, report: failedRun(spec, config, file, `${file}: building ${spec.name}/${config} threw: ${e instanceof Error ? e.message : String(e)}`) };
  }
}

/** The report of a run whose exploration threw `e`: bad input is reported, anything else rethrown. */
function failedExploration(p: Prepared & { ok: true }, e: unknown): RunReport {
  if (!(e instanceof InputError)) throw e;
  return failedRun(p.spec, p.config, p.file, `${p.file}: ${p.spec.name}/${p.config}: ${e.message}`);
}

function failedRun(spec: Spec, config: string, file: string, error: string): RunReport {
  return {
    spec: spec.name,
    config,
    file,
    expected: spec.configs[config]!.expect,
    status: 'error',
    met: false,
    error,
    reason: error,
    distinctStates: 0,
    generatedStates: 0,
    maxDepth: 0,
    ms: 0,
    unreached: [],
    boundsHit: [],
  };
}

/** What the run did otherwise than asked: a `--por` the search could not apply, and why. */
function porNotes({ model, settings }: Prepared & { ok: true }): string[] {
  if (settings.por !== true || (settings.strategy ?? 'bfs') !== 'bfs') return [];
  const why = porUnavailable(model, settings);
  return why === undefined ? [] : [`--por not applied: ${why}`];
}

/** Judges an exploration's outcome against the configuration's expectation. */
function reportRun(p: Prepared & { ok: true }, explored: Outcome<unknown, unknown>, notes: readonly string[] = []): RunReport {
  const { spec, config, file, model, settings } = p;
  // A counterexample of a model that does not reproduce it is no evidence: re-execute it first.
  if (explored.path) {
    try {
      verifyPath(model, explored.path);
    } catch (e) {
      return failedExploration(p, e);
    }
  }
  const expected = spec.configs[config]!.expect;
  const outcome = preferExpected(model, expected, explored);
  const strategy = settings.strategy ?? 'bfs';
  const trace = outcome.path && outcome.property ? traceOf(model, spec, config, file, expected, outcome, strategy) : undefined;
  const reason = judge(expected, outcome);
  const kind = model.properties.find((x: { name: string }) => x.name === outcome.property)?.kind as PropertyKind | undefined;
  return {
    spec: spec.name,
    config,
    file,
    expected,
    status: outcome.status,
    distinctStates: outcome.distinctStates,
    generatedStates: outcome.generatedStates,
    maxDepth: outcome.maxDepth,
    ms: outcome.ms,
    unreached: outcome.unreached,
    boundsHit: outcome.boundsHit,
    strategy,
    ...(outcome.random !== undefined ? { random: outcome.random } : {}),
    ...(outcome.property !== undefined ? { property: outcome.property } : {}),
    ...(kind !== undefined ? { propertyKind: kind } : {}),
    met: reason === undefined,
    ...(reason ? { reason } : {}),
    ...(trace ? { trace } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/**
 * Builds the model of `spec`'s configuration `config`, explores it on this thread and judges the
 * outcome (`runConfig` without workers or minimisation).
 */
export function checkConfig(spec: Spec, config: string, file: string, options: Omit<RunOptions, 'workers' | 'minimize'> = {}): RunReport {
  const p = prepareConfig(spec, config, file, options);
  if (!p.ok) return p.report;
  // Liveness properties need the whole graph: checkLiveness explores it breadth-first, whatever
  // the strategy asked (its notes say so), with an edge sink.
  const live = hasLiveness(p.model);
  let outcome: Outcome<unknown, unknown>;
  try {
    outcome = live ? checkLiveness(p.model, p.settings) : explore(p.model, p.settings);
  } catch (e) {
    return failedExploration(p, e);
  }
  if (live) return reportRun({ ...p, settings: { ...p.settings, strategy: 'bfs' } }, outcome, (outcome as LivenessOutcome<unknown, unknown>).notes);
  return reportRun(p, outcome, porNotes(p));
}

/** The parallel search: bfs only, and without partial-order reduction. */
async function checkOnWorkers(spec: Spec, config: string, file: string, workers: number, options: Omit<RunOptions, 'workers' | 'minimize'>): Promise<RunReport> {
  const p = prepareConfig(spec, config, file, options);
  if (!p.ok) return p.report;
  if (hasLiveness(p.model)) {
    // The fair-cycle search reads one graph of edges; the parallel search does not record them.
    try {
      const live = checkLiveness(p.model, p.settings);
      return reportRun({ ...p, settings: { ...p.settings, strategy: 'bfs' } }, live, ['--workers not applied: liveness is checked on one thread', ...live.notes]);
    } catch (e) {
      return failedExploration(p, e);
    }
  }
  if ((p.settings.strategy ?? 'bfs') !== 'bfs') return failedExploration(p, new InputError('--workers needs the bfs strategy'));
  let outcome: Outcome<unknown, unknown>;
  try {
    outcome = await exploreParallel({ file, spec: spec.name, config }, p.model, { ...p.settings, workers });
  } catch (e) {
    return failedExploration(p, e);
  }
  // Sleep sets would have to travel with the states between workers.
  return reportRun(p, outcome, p.settings.por === true ? ['--por not applied: not with --workers'] : []);
}

/**
 * A state can break several invariants at once; the explorer names the first in the model's order.
 * When the expected one is among them, name that one: the run did find the expected violation (a
 * random walk can reach such a state before any that breaks only the expected property).
 */
function preferExpected(model: AnyModel, expect: Expectation, o: Outcome<unknown, unknown>): Outcome<unknown, unknown> {
  if (expect === 'holds' || o.status !== 'violated' || o.property === expect.violates || !o.path) return o;
  const last = o.path.states[o.path.states.length - 1];
  const p = model.properties.find((x) => x.kind === 'always' && x.name === expect.violates);
  return p && !p.holds(last) ? { ...o, property: p.name } : o;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Why the outcome does not meet the expectation, or undefined when it does. */
export function judge(expect: Expectation, o: Outcome<unknown, unknown>): string | undefined {
  const wanted = describeExpectation(expect);
  if (expect === 'holds' && o.random !== undefined && o.status === 'incomplete') {
    // Random walks never prove `holds`: a run that found no violation meets the expectation as far
    // as random testing can (the CLI says so), provided its walks reached every `sometimes` state —
    // walks that never get there test nothing.
    if (o.unreached.length > 0) return `vacuous: no walk reached ${o.unreached.join(', ')} in ${o.random.walks} walks`;
    return undefined;
  }
  if (expect === 'holds') {
    switch (o.status) {
      case 'holds':
        return undefined;
      case 'violated':
        return `expected to hold, but ${o.property} is violated`;
      case 'vacuous':
        return `vacuous: never reached ${o.unreached.join(', ')}`;
      case 'incomplete':
        return `incomplete: stopped at ${o.boundsHit.join(', ')} before the search was exhaustive`;
    }
  }
  if (o.status === 'violated' && o.property === expect.violates) return undefined;
  if (o.status === 'violated') return `expected to violate ${expect.violates}, but ${o.property} was violated first`;
  if (o.status === 'incomplete') return `expected to violate ${expect.violates}; no violation found before ${o.boundsHit.join(', ')}`;
  return `expected to ${wanted}, but it holds`;
}

function traceOf(model: AnyModel, spec: Spec, config: string, file: string, expected: Expectation, o: Outcome<unknown, unknown>, strategy: string): Trace {
  const path = o.path!;
  const { cycleStart, fairNotTaken } = o as LivenessOutcome<unknown, unknown>;
  const last = path.states[path.states.length - 1];
  const nodes = (model as { nodeNames?: readonly string[] }).nodeNames;
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    spec: spec.name,
    config,
    file,
    property: o.property!,
    expected,
    strategy,
    ...(o.random !== undefined ? { seed: o.random.seed } : {}),
    ...(nodes ? { nodes } : {}),
    init: path.init,
    steps: path.actions.map((a) => ({ action: toJson(a), label: model.formatAction ? model.formatAction(a) : JSON.stringify(a) })),
    finalState: toJson(model.present ? model.present(last) : last),
    ...(cycleStart !== undefined ? { cycleStart } : {}),
    ...(fairNotTaken !== undefined ? { fairNotTaken } : {}),
  };
}
