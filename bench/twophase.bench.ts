// TwoPhase (5..8 RMs, with and without symmetry) and Paxos (Tiny, Small) explored breadth-first,
// one JSON line per run, beside TLC's single-worker distinct states/s on this machine
// (shared/BASELINES.md §4; TLC has no figure for symmetric runs, so those carry none).

import { bfs, type AnyModel } from '../checker/index.ts';
import { paxos } from '../specs/tlaplus/Paxos.ts';
import { twoPhase } from '../specs/tlaplus/TwoPhase.ts';

interface Run {
  readonly fields: Record<string, string | number | boolean>;
  readonly model: () => AnyModel;
  readonly symmetry?: boolean;
  readonly tlcStatesPerSec?: number;
  /** TLC's distinct-state count (BASELINES §1); a run that differs fails the bench. */
  readonly known?: number;
}

const TWOPHASE_STATES: Record<number, number> = { 5: 8832, 6: 50816, 7: 296448, 8: 1745408 };
const TWOPHASE_ORBITS: Record<number, number> = { 5: 314, 6: 553, 7: 920 };

const TLC_TWOPHASE: Record<number, number> = { 5: 7100, 6: 24500, 7: 41000, 8: 43000 };

const runs: Run[] = [];
for (const rms of [5, 6, 7, 8]) {
  runs.push({ fields: { bench: 'twophase', rms }, model: () => twoPhase(rms), tlcStatesPerSec: TLC_TWOPHASE[rms], known: TWOPHASE_STATES[rms] });
}
for (const rms of [5, 6, 7, 8]) {
  runs.push({ fields: { bench: 'twophase', rms, symmetry: true }, model: () => twoPhase(rms), symmetry: true, known: TWOPHASE_ORBITS[rms] });
}
runs.push({
  fields: { bench: 'paxos', config: 'tiny' },
  model: () => paxos({ acceptors: 3, values: ['v1', 'v2'], maxBallot: 1 }),
  tlcStatesPerSec: 2200,
  known: 3921,
});
runs.push({
  fields: { bench: 'paxos', config: 'small' },
  model: () => paxos({ acceptors: 3, values: ['v1', 'v2'], maxBallot: 2 }),
  tlcStatesPerSec: 14000,
  known: 185369,
});

for (const run of runs) {
  const o = bfs(run.model(), { symmetry: run.symmetry === true });
  if (o.status !== 'holds') throw new Error(`${JSON.stringify(run.fields)}: expected holds, got ${o.status}`);
  if (run.known !== undefined && o.distinctStates !== run.known) throw new Error(`${JSON.stringify(run.fields)}: ${o.distinctStates} distinct states, expected ${run.known}`);
  const statesPerSec = Math.round((o.distinctStates / Math.max(o.ms, 1)) * 1000);
  const line: Record<string, string | number | boolean> = {
    ...run.fields,
    states: o.distinctStates,
    ms: o.ms,
    statesPerSec,
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  if (run.tlcStatesPerSec !== undefined) {
    line.tlcStatesPerSec = run.tlcStatesPerSec;
    line.ratioToTlc = Math.round((statesPerSec / run.tlcStatesPerSec) * 100) / 100;
  }
  console.log(JSON.stringify(line));
}
