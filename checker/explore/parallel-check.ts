// `interleave check --workers N`: a spec configuration explored by the parallel search, judged
// and reported as `checkConfig` (checker/check.ts) does for one worker.

import { judge, type CheckOptions, type RunReport } from '../check.ts';
import { InputError } from '../errors.ts';
import type { AnyModel } from '../model.ts';
import type { Spec } from '../spec.ts';
import { toJson } from '../trace/plain.ts';
import { TRACE_FORMAT, TRACE_VERSION, type Trace } from '../trace/trace.ts';
import type { ExploreOptions } from './options.ts';
import type { Outcome } from './outcome.ts';
import { exploreParallel } from './parallel.ts';

export async function checkConfigParallel(spec: Spec, config: string, file: string, workers: number, options: CheckOptions = {}): Promise<RunReport> {
  const cfg = spec.configs[config];
  if (!cfg) throw new InputError(`${file}: spec ${spec.name} has no configuration ${config}`);
  const base = { spec: spec.name, config, file, expected: cfg.expect, strategy: 'bfs' };
  const settings: ExploreOptions = { ...cfg.explore, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const failed = (error: string): RunReport => ({
    ...base,
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
  });
  if ((settings.strategy ?? 'bfs') !== 'bfs') return failed(`${file}: ${spec.name}/${config}: --workers needs the bfs strategy`);
  let model: AnyModel;
  let outcome: Outcome<unknown, unknown>;
  try {
    model = cfg.model();
  } catch (e) {
    return failed(`${file}: building ${spec.name}/${config} threw: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    outcome = await exploreParallel({ file, spec: spec.name, config }, model, { ...settings, workers });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return failed(`${file}: ${spec.name}/${config}: ${e.message}`);
  }
  const trace = outcome.path && outcome.property ? traceOf(model, spec, config, file, outcome) : undefined;
  const reason = judge(cfg.expect, outcome);
  return {
    ...base,
    status: outcome.status,
    distinctStates: outcome.distinctStates,
    generatedStates: outcome.generatedStates,
    maxDepth: outcome.maxDepth,
    ms: outcome.ms,
    unreached: outcome.unreached,
    boundsHit: outcome.boundsHit,
    ...(outcome.property !== undefined ? { property: outcome.property } : {}),
    met: reason === undefined,
    ...(reason ? { reason } : {}),
    ...(trace ? { trace } : {}),
  };
}

function traceOf(model: AnyModel, spec: Spec, config: string, file: string, o: Outcome<unknown, unknown>): Trace {
  const path = o.path!;
  const last = path.states[path.states.length - 1];
  const nodes = (model as { nodeNames?: readonly string[] }).nodeNames;
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    spec: spec.name,
    config,
    file,
    property: o.property!,
    expected: spec.configs[config]!.expect,
    strategy: 'bfs',
    ...(nodes ? { nodes } : {}),
    init: path.init,
    steps: path.actions.map((a) => ({ action: toJson(a), label: model.formatAction ? model.formatAction(a) : JSON.stringify(a) })),
    finalState: toJson(model.present ? model.present(last) : last),
  };
}
