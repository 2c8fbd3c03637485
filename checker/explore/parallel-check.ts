// `interleave check --workers N`: a spec configuration explored by the parallel search, judged
// and reported as `checkConfig` (checker/check.ts) does for one worker.

import { failedExploration, prepareConfig, reportRun, type CheckOptions, type RunReport } from '../check.ts';
import { InputError } from '../errors.ts';
import type { Spec } from '../spec.ts';
import type { Outcome } from './outcome.ts';
import { exploreParallel } from './parallel.ts';

export async function checkConfigParallel(spec: Spec, config: string, file: string, workers: number, options: CheckOptions = {}): Promise<RunReport> {
  const p = prepareConfig(spec, config, file, options);
  if (!p.ok) return p.report;
  if ((p.settings.strategy ?? 'bfs') !== 'bfs') return failedExploration(p, new InputError('--workers needs the bfs strategy'));
  let outcome: Outcome<unknown, unknown>;
  try {
    outcome = await exploreParallel({ file, spec: spec.name, config }, p.model, { ...p.settings, workers });
  } catch (e) {
    return failedExploration(p, e);
  }
  // The parallel search does no partial-order reduction (sleep sets would have to travel with
  // the states between workers).
  return reportRun(p, outcome, p.settings.por === true ? ['--por not applied: not with --workers'] : []);
}
