// What `--workers 2` buys: each model on one worker and on two, alternately, three times each (every
// measurement a fresh process, through explore.bench.ts --one), then one JSON line per model with
// the median wall times, the speed-up (median one-worker ms / median two-worker ms) and the CPU
// both spent. Alternating pairs keep the machine's drift (it is shared, and its memory bandwidth
// varies from minute to minute) out of the ratio as far as one run can.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPEATS = 3;
const MODELS = [
  { model: 'twophase-rm7', one: 'twophase-rm7', two: 'twophase-rm7-workers2' },
  { model: 'twophase-rm8', one: 'twophase-rm8', two: 'twophase-rm8-workers2' },
  { model: 'paxoscommit', one: 'paxoscommit', two: 'paxoscommit-workers2' },
];

interface Measurement {
  readonly states: number;
  readonly ms: number;
  readonly cpuMs: number;
}

const explore = fileURLToPath(new URL('./explore.bench.ts', import.meta.url));

function measure(name: string): Measurement {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', explore, '--one', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} exited ${String(r.status)}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measurement;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const { model, one, two } of MODELS) {
  if (filters.length > 0 && !filters.some((f) => model.includes(f))) continue;
  const ones: Measurement[] = [];
  const twos: Measurement[] = [];
  for (let i = 0; i < REPEATS; i++) {
    ones.push(measure(one));
    twos.push(measure(two));
  }
  if (ones.some((m) => m.states !== twos[0]!.states) || twos.some((m) => m.states !== twos[0]!.states)) throw new Error(`${model}: state counts differ`);
  const ms1 = median(ones.map((m) => m.ms));
  const ms2 = median(twos.map((m) => m.ms));
  console.log(
    JSON.stringify({
      bench: 'workers',
      model,
      states: twos[0]!.states,
      oneWorkerMs: ms1,
      twoWorkersMs: ms2,
      speedup: Math.round((ms1 / ms2) * 100) / 100,
      oneWorkerCpuMs: median(ones.map((m) => m.cpuMs)),
      twoWorkersCpuMs: median(twos.map((m) => m.cpuMs)),
      runs: { one: ones.map((m) => m.ms), two: twos.map((m) => m.ms) },
    }),
  );
}
