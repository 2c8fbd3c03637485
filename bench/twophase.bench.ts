// TwoPhase (5..8 RMs, with and without symmetry) and Paxos (Tiny, Small) explored breadth-first,
// one JSON line per run, beside TLC's single-worker distinct states/s on this machine
// (shared/BASELINES.md §4; TLC has no figure for symmetric runs, so those carry none).

import { bfs, type AnyModel } from '../checker/index.ts';
import { paxos } from '../specs/tlaplus/Paxos.ts';
import { twoPhase } from '../specs/tlaplus/TwoPhase.ts';
import {
  MC_PAXOS_SMALL,
  MC_PAXOS_TINY,
  TLC_MC_PAXOS_SMALL_RATE,
  TLC_MC_PAXOS_TINY_RATE,
  TLC_TWOPHASE_RATE,
  TWOPHASE,
  TWOPHASE_SYMMETRIC,
  differsFromTlc,
  type Known,
} from './baselines.ts';
import { bytesPerState } from './memory.ts';

interface Run {
  readonly fields: Record<string, string | number | boolean>;
  readonly model: () => AnyModel;
  readonly symmetry?: boolean;
  readonly tlcStatesPerSec?: number;
  /** TLC's answer for the model; a run that differs fails the bench. */
  readonly known?: Known;
}

const runs: Run[] = [];
for (const rms of [5, 6, 7, 8]) {
  runs.push({ fields: { bench: 'twophase', rms }, model: () => twoPhase(rms), tlcStatesPerSec: TLC_TWOPHASE_RATE[`${rms}/1`], known: TWOPHASE[rms] });
}
for (const rms of [5, 6, 7, 8]) {
  runs.push({ fields: { bench: 'twophase', rms, symmetry: true }, model: () => twoPhase(rms), symmetry: true, known: TWOPHASE_SYMMETRIC[rms] });
}
runs.push({
  fields: { bench: 'paxos', config: 'tiny' },
  model: () => paxos({ acceptors: 3, values: ['v1', 'v2'], maxBallot: 1 }),
  tlcStatesPerSec: TLC_MC_PAXOS_TINY_RATE,
  known: MC_PAXOS_TINY,
});
runs.push({
  fields: { bench: 'paxos', config: 'small' },
  model: () => paxos({ acceptors: 3, values: ['v1', 'v2'], maxBallot: 2 }),
  tlcStatesPerSec: TLC_MC_PAXOS_SMALL_RATE,
  known: MC_PAXOS_SMALL,
});

for (const run of runs) {
  const o = bfs(run.model(), { symmetry: run.symmetry === true });
  const differs = differsFromTlc(o, run.known);
  if (differs !== undefined) throw new Error(`${JSON.stringify(run.fields)}: ${differs}`);
  const statesPerSec = Math.round((o.distinctStates / Math.max(o.ms, 1)) * 1000);
  const line: Record<string, string | number | boolean> = {
    ...run.fields,
    states: o.distinctStates,
    ms: o.ms,
    statesPerSec,
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    // The process's peak so far: runs go from small to big within each group (memory.ts).
    bytesPerState: bytesPerState(o.distinctStates),
  };
  if (run.tlcStatesPerSec !== undefined) {
    line.tlcStatesPerSec = run.tlcStatesPerSec;
    line.ratioToTlc = Math.round((statesPerSec / run.tlcStatesPerSec) * 100) / 100;
  }
  console.log(JSON.stringify(line));
}
