// Running a spec configuration and judging the outcome against what the spec expects.

import { InputError } from './errors.ts';
import { explore } from './explore/search.ts';
import { porUnavailable } from './explore/por.ts';
import type { ExploreOptions } from './explore/options.ts';
import type { Bound, Outcome, Progress, Status } from './explore/outcome.ts';
import type { RandomSummary } from './explore/random-summary.ts';
import type { AnyModel } from './model.ts';
import { describeExpectation, type Expectation, type Spec } from './spec.ts';
import { checkLiveness, hasLiveness, type LivenessOutcome } from './liveness/check-liveness.ts';
import type { PropertyKind } from './properties.ts';
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

export interface CheckOptions extends Omit<ExploreOptions, 'onProgress'> {
  readonly onProgress?: (p: Progress) => void;
}

/** A configuration ready to explore, or the report of why it could not be built. */
export type Prepared =
  | { readonly ok: true; readonly spec: Spec; readonly config: string; readonly file: string; readonly model: AnyModel; readonly settings: ExploreOptions }
  | { readonly ok: false; readonly report: RunReport };

/** Builds the model of `spec`'s configuration `config`, with the spec's bounds under `options`. */
export function prepareConfig(spec: Spec, config: string, file: string, options: CheckOptions = {}): Prepared {
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
export function failedExploration(p: Prepared & { ok: true }, e: unknown): RunReport {
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
export function reportRun(p: Prepared & { ok: true }, explored: Outcome<unknown, unknown>, notes: readonly string[] = []): RunReport {
  const { spec, config, file, model, settings } = p;
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

/** Builds the model of `spec`'s configuration `config`, explores it and judges the outcome. */
export function checkConfig(spec: Spec, config: string, file: string, options: CheckOptions = {}): RunReport {
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
