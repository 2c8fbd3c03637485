// `interleave check --workers N`: a spec configuration explored by the parallel search, judged
// and reported as `checkConfig` (checker/check.ts) does for one worker.

import { failedExploration, prepareConfig, reportRun, type CheckOptions, type RunReport } from '../check.ts';
import { InputError } from '../errors.ts';
import { checkLiveness, hasLiveness } from '../liveness/check-liveness.ts';
import type { Spec } from '../spec.ts';
import type { Outcome } from './outcome.ts';
import { exploreParallel } from './parallel.ts';

export async function checkConfigParallel(spec: Spec, config: string, file: string, workers: number, options: CheckOptions = {}): Promise<RunReport> {
  const p = prepareConfig(spec, config, file, options);
  if (!p.ok) return p.report;
  if (hasLiveness(p.model)) {
    // The fair-cycle search reads one graph of edges; the parallel search does not record them.
    try {
      const live = checkLiveness(p.model, p.settings);
      return reportRun(p, live, ['--workers not applied: liveness is checked on one thread', ...live.notes]);
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
  // The parallel search does no partial-order reduction (sleep sets would have to travel with
  // the states between workers).
  return reportRun(p, outcome, p.settings.por === true ? ['--por not applied: not with --workers'] : []);
}
