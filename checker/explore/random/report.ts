// How reporters show a random run: the seed to repeat it, the walks it ran, the coverage it
// reached — and, always, that finding nothing is evidence, not a proof.

import { describeCoverage } from './coverage.ts';
import type { RandomSummary } from './summary.ts';
import { formatShard } from './shard.ts';

const n = (x: number): string => x.toLocaleString('en-US');

/** The fields a JSON report adds for a random run. */
export function randomJson(r: RandomSummary): Record<string, unknown> {
  return {
    seed: r.seed,
    ...(r.shard ? { shard: formatShard(r.shard) } : {}),
    walks: r.walks,
    steps: r.steps,
    walkDepth: r.walkDepth,
    coverage: r.coverage,
    ...(r.violatingWalk !== undefined ? { violatingWalk: r.violatingWalk } : {}),
    ...(r.msToViolation !== undefined ? { msToViolation: r.msToViolation } : {}),
    ...(r.foundLength !== undefined ? { foundLength: r.foundLength } : {}),
    ...(r.shrunkLength !== undefined ? { shrunkLength: r.shrunkLength } : {}),
  };
}

/** Lines (indented by the caller) for the text reporter. */
export function randomText(r: RandomSummary, violated: boolean): string[] {
  const run = `seed ${r.seed}${r.shard ? `, shard ${formatShard(r.shard)}` : ''}`;
  const out: string[] = [];
  if (violated && r.violatingWalk !== undefined && r.violatingWalk >= 0) {
    out.push(`random: found by walk ${r.violatingWalk} (${run}) after ${n(r.msToViolation ?? 0)} ms; walk of ${r.foundLength} steps, ${r.shrunkLength} after cutting loops and fast-check shrinking`);
    out.push(`repeat with --strategy random --seed ${r.seed}${r.shard ? ` --shard ${formatShard(r.shard)}` : ''}`);
  } else if (violated) out.push(`random: an initial state is already a violation (${run})`);
  else out.push(`random: no violation in ${n(r.walks)} walks of up to ${r.walkDepth} steps (${run}) — evidence, not a proof`);
  out.push(`coverage: ${describeCoverage(r.coverage)}`);
  return out;
}
