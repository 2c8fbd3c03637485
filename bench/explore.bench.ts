// The explorer's throughput and the reductions: TwoPhase (5..9 RMs; one worker, two workers,
// symmetry) and PaxosCommit (one and two workers) beside TLC's figures on this machine
// (shared/BASELINES.md §4), and the 2PC actors' largest configurations with and without partial-order reduction and symmetry, and the largest
// non-heavy actor specs of the other protocols (Paxos, ABD, Raft) as they stand.
//
// Every measurement runs in a fresh process (so its peak RSS is its own) and prints one JSON line:
// distinct and generated states, wall ms, distinct states per wall second, CPU ms of the process
// (all threads), peak RSS and peak RSS per distinct state (`bytesPerState`). On a shared machine
// wall time depends on what else runs; CPU time does not, much: compare ratios from one run. `npm run bench -- explore` runs only this file;
// `... explore -- twophase-rm7` (any substring of a run's name) only the runs that match.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { explore, type Outcome } from '../checker/index.ts';
import { configModel } from '../checker/spec.ts';
import { exploreParallel } from '../checker/explore/parallel/coordinator.ts';
import type { AnyModel } from '../checker/model.ts';
import { twoPhaseCommit } from '../protocols/twopc/index.ts';
import { paxosCommit } from '../specs/tlaplus/PaxosCommit.ts';
import { twoPhase } from '../specs/tlaplus/TwoPhase.ts';
import { bytesPerState } from './memory.ts';
import { PAXOS_COMMIT, TLC_PAXOS_COMMIT_RATE, TLC_TWOPHASE_RATE, TWOPHASE, TWOPHASE_SYMMETRIC, differsFromTlc, type Known } from './baselines.ts';


interface Run {
  readonly name: string;
  readonly fields: Record<string, string | number | boolean>;
  readonly run: () => Promise<Outcome<unknown, unknown>>;
  /** Run first and not measured: a smaller configuration, as `check` on a spec file runs before. */
  readonly before?: () => Promise<unknown>;
  readonly tlc?: number;
  /** TLC's answer for the model; a run that differs fails the bench. */
  readonly known?: Known;
  /** Minutes long: run only with `--heavy`. */
  readonly heavy?: boolean;
}

const runs: Run[] = [];
const TWOPHASE_FILE = { file: 'specs/tlaplus/TwoPhase.ts', spec: 'TwoPhase' };
for (const rms of [5, 6, 7, 8]) {
  runs.push({ name: `twophase-rm${rms}`, fields: { bench: 'twophase', rms, workers: 1 }, run: async () => explore(twoPhase(rms)), tlc: TLC_TWOPHASE_RATE[`${rms}/1`], known: TWOPHASE[rms] });
}
for (const rms of [7, 8, 9]) {
  runs.push({
    name: `twophase-rm${rms}-workers2`,
    fields: { bench: 'twophase', rms, workers: 2 },
    run: () => exploreParallel({ ...TWOPHASE_FILE, config: `rm${rms}` }, twoPhase(rms), { workers: 2 }),
    tlc: TLC_TWOPHASE_RATE[`${rms}/2`],
    known: TWOPHASE[rms],
  });
}
// The same after a run of 6 RMs in the same process, as `interleave check TwoPhase.ts --all` runs
// them: the code is warm and, with two workers, the worker is already started (worker-pool.ts).
for (const rms of [7, 8]) {
  const fields = { bench: 'twophase', rms, after: 'rm6' };
  runs.push({ name: `twophase-rm${rms}-after-rm6`, fields: { ...fields, workers: 1 }, before: async () => explore(twoPhase(6)), run: async () => explore(twoPhase(rms)), known: TWOPHASE[rms] });
  runs.push({
    name: `twophase-rm${rms}-workers2-after-rm6`,
    fields: { ...fields, workers: 2 },
    before: () => exploreParallel({ ...TWOPHASE_FILE, config: 'rm6' }, twoPhase(6), { workers: 2 }),
    run: () => exploreParallel({ ...TWOPHASE_FILE, config: `rm${rms}` }, twoPhase(rms), { workers: 2 }),
    known: TWOPHASE[rms],
  });
}
// 61,515,776 states, minutes on one thread: only with --heavy (`npm run bench -- explore --heavy`,
// or `node --import tsx bench/explore.bench.ts --heavy twophase-rm10` for these alone).
runs.push({ name: 'twophase-rm10', fields: { bench: 'twophase', rms: 10, workers: 1 }, run: async () => explore(twoPhase(10)), known: TWOPHASE[10], heavy: true });
runs.push({
  name: 'twophase-rm10-workers2',
  fields: { bench: 'twophase', rms: 10, workers: 2 },
  run: () => exploreParallel({ ...TWOPHASE_FILE, config: 'rm10' }, twoPhase(10), { workers: 2 }),
  known: TWOPHASE[10],
  heavy: true,
});
const PAXOS_COMMIT_CFG = { rms: 2, acceptors: 3, maxBallot: 1 };
runs.push({ name: 'paxoscommit', fields: { bench: 'paxoscommit', workers: 1 }, run: async () => explore(paxosCommit(PAXOS_COMMIT_CFG)), tlc: TLC_PAXOS_COMMIT_RATE[1], known: PAXOS_COMMIT });
runs.push({
  name: 'paxoscommit-workers2',
  fields: { bench: 'paxoscommit', workers: 2 },
  run: () => exploreParallel({ file: 'specs/tlaplus/PaxosCommit.ts', spec: 'PaxosCommit', config: 'rm2-acc3' }, paxosCommit(PAXOS_COMMIT_CFG), { workers: 2 }),
  tlc: TLC_PAXOS_COMMIT_RATE[2],
  known: PAXOS_COMMIT,
});
for (const rms of [5, 6, 7, 8]) {
  runs.push({ name: `twophase-rm${rms}-symmetry`, fields: { bench: 'twophase', rms, symmetry: true }, run: async () => explore(twoPhase(rms), { symmetry: true }), known: TWOPHASE_SYMMETRIC[rms] });
}
for (const [n, crashes] of [
  [4, 1],
  [3, 2],
] as const) {
  const fields = { bench: 'twopc-actors', participants: n, crashes };
  runs.push({ name: `twopc-p${n}-c${crashes}`, fields, run: async () => explore(twoPhaseCommit({ participants: n, crashes })) });
  runs.push({ name: `twopc-p${n}-c${crashes}-por`, fields: { ...fields, por: true }, run: async () => explore(twoPhaseCommit({ participants: n, crashes }), { por: true }) });
  runs.push({ name: `twopc-p${n}-c${crashes}-symmetry`, fields: { ...fields, symmetry: true }, run: async () => explore(twoPhaseCommit({ participants: n, crashes }), { symmetry: true }) });
}
runs.push({
  name: 'twopc-p3-c2-workers2',
  fields: { bench: 'twopc-actors', participants: 3, crashes: 2, workers: 2 },
  run: () => exploreParallel({ file: 'specs/twopc/two-phase-commit.ts', spec: 'TwoPhaseCommit', config: 'p3-crash2' }, twoPhaseCommit({ participants: 3, crashes: 2 }), { workers: 2 }),
});

/** A configuration of a spec file, with and without partial-order reduction, and on two workers. */
async function specModel(file: string, spec: string, config: string): Promise<AnyModel> {
  const mod = (await import(new URL(`../${file}`, import.meta.url).href)) as Record<string, unknown>;
  return configModel(mod, file, spec, config);
}
for (const [file, spec, config] of [
  ['specs/paxos/stateright-parity.ts', 'StaterightPaxos', 's3-c2'],
  ['specs/quorum/abd.ts', 'AbdRegister', 'r2-write-2reads'],
  ['specs/raft/raft.ts', 'Raft', 'replication'],
] as const) {
  const fields = { bench: 'spec', spec, config };
  const name = `${spec}-${config}`;
  runs.push({ name, fields, run: async () => explore(await specModel(file, spec, config)) });
  runs.push({ name: `${name}-por`, fields: { ...fields, por: true }, run: async () => explore(await specModel(file, spec, config), { por: true }) });
  runs.push({
    name: `${name}-workers2`,
    fields: { ...fields, workers: 2 },
    run: async () => exploreParallel({ file, spec, config }, await specModel(file, spec, config), { workers: 2 }),
  });
}

const self = fileURLToPath(import.meta.url);
const one = process.argv.indexOf('--one');
if (one >= 0) {
  // A child process: one measurement.
  const run = runs.find((r) => r.name === process.argv[one + 1])!;
  await run.before?.();
  const cpu0 = process.cpuUsage();
  const o = await run.run();
  const cpu = process.cpuUsage(cpu0);
  const statesPerSec = Math.round((o.distinctStates / Math.max(o.ms, 1)) * 1000);
  const line: Record<string, string | number | boolean> = {
    ...run.fields,
    status: o.status,
    states: o.distinctStates,
    generated: o.generatedStates,
    depth: o.maxDepth,
    ms: o.ms,
    statesPerSec,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    bytesPerState: bytesPerState(o.distinctStates),
  };
  if (run.tlc !== undefined) {
    line.tlcStatesPerSec = run.tlc;
    line.ratioToTlc = Math.round((statesPerSec / run.tlc) * 100) / 100;
  }
  console.log(JSON.stringify(line));
  const differs = run.known === undefined ? undefined : differsFromTlc(o, run.known);
  if (differs !== undefined) {
    process.stderr.write(`${run.name}: ${differs}\n`);
    process.exitCode = 1;
  }
} else {
  let failed = 0;
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const heavy = process.argv.includes('--heavy');
  for (const run of runs) {
    if (filters.length > 0 && !filters.some((f) => run.name.includes(f))) continue;
    if (run.heavy === true && !heavy) continue;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', self, '--one', run.name], { stdio: 'inherit' });
    if (r.status !== 0) {
      failed++;
      process.stderr.write(`bench run ${run.name} exited ${String(r.status)}\n`);
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}
