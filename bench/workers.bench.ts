// What `--workers 2` buys: each model on one worker and on two, alternately, three times each (every
// measurement a fresh process, through explore.bench.ts --one), then one JSON line per model with
// the median wall times, the speed-up (median one-worker ms / median two-worker ms) and the CPU
// both spent. Alternating pairs keep the machine's drift (it is shared, and its memory bandwidth
// varies from minute to minute) out of the ratio as far as one run can.
//
// The same rounds also run two one-worker searches side by side, as two processes that share
// nothing. Each is slower than one alone (the cores share caches and memory, and the machine is a
// virtual one), and that slowdown bounds what any two-thread search can gain here: `ceiling` is two
// searches' work in the time of the side-by-side pair (2 × alone ms / side-by-side ms), and
// `ofCeiling` the speed-up as a fraction of it.

import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPEATS = 3;
const MODELS = [
  { model: 'twophase-rm7', one: 'twophase-rm7', two: 'twophase-rm7-workers2' },
  { model: 'twophase-rm8', one: 'twophase-rm8', two: 'twophase-rm8-workers2' },
  { model: 'paxoscommit', one: 'paxoscommit', two: 'paxoscommit-workers2' },
  // After a run of 6 RMs in the same process: warm code, and the worker started (worker-pool.ts).
  { model: 'twophase-rm7-after-rm6', one: 'twophase-rm7-after-rm6', two: 'twophase-rm7-workers2-after-rm6' },
  { model: 'twophase-rm8-after-rm6', one: 'twophase-rm8-after-rm6', two: 'twophase-rm8-workers2-after-rm6' },
  // Actor systems: bigger states, built with immer.
  { model: 'twopc-p3-c2', one: 'twopc-p3-c2', two: 'twopc-p3-c2-workers2' },
  { model: 'Raft-replication', one: 'Raft-replication', two: 'Raft-replication-workers2' },
];

interface Measurement {
  readonly states: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly bytesPerState: number;
}

const explore = fileURLToPath(new URL('./explore.bench.ts', import.meta.url));

const ARGS = ['--import', 'tsx', '--max-old-space-size=8192', explore, '--one'];
const parse = (stdout: string): Measurement => JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement;

function measure(name: string): Measurement {
  const r = spawnSync(process.execPath, [...ARGS, name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} exited ${String(r.status)}: ${r.stderr}`);
  return parse(r.stdout);
}

function measureAsync(name: string): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...ARGS, name]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(parse(out)) : reject(new Error(`${name} exited ${String(code)}: ${err}`))));
  });
}

/** Two one-worker searches at once: the slower one's wall time. */
async function sideBySide(name: string): Promise<number> {
  const pair = await Promise.all([measureAsync(name), measureAsync(name)]);
  return Math.max(...pair.map((m) => m.ms));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const { model, one, two } of MODELS) {
  if (filters.length > 0 && !filters.some((f) => model.includes(f))) continue;
  const ones: Measurement[] = [];
  const twos: Measurement[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    ones.push(measure(one));
    twos.push(measure(two));
    pairs.push(await sideBySide(one));
  }
  if (ones.some((m) => m.states !== twos[0]!.states) || twos.some((m) => m.states !== twos[0]!.states)) throw new Error(`${model}: state counts differ`);
  const ms1 = median(ones.map((m) => m.ms));
  const ms2 = median(twos.map((m) => m.ms));
  const ceiling = (2 * ms1) / median(pairs);
  console.log(
    JSON.stringify({
      bench: 'workers',
      model,
      states: twos[0]!.states,
      oneWorkerMs: ms1,
      twoWorkersMs: ms2,
      speedup: round2(ms1 / ms2),
      sideBySideMs: median(pairs),
      ceiling: round2(ceiling),
      ofCeiling: round2(ms1 / ms2 / ceiling),
      oneWorkerCpuMs: median(ones.map((m) => m.cpuMs)),
      twoWorkersCpuMs: median(twos.map((m) => m.cpuMs)),
      oneWorkerBytesPerState: median(ones.map((m) => m.bytesPerState)),
      twoWorkersBytesPerState: median(twos.map((m) => m.bytesPerState)),
      runs: { one: ones.map((m) => m.ms), two: twos.map((m) => m.ms), sideBySide: pairs },
    }),
  );
}
