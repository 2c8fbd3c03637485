// Linearizability checking of Porcupine's reference histories, check time only (parsing excluded).
// Prints one JSON line per file (median of REPEATS runs after a warm-up run) and one per set with
// the total, Porcupine's total for the same files (EXPECTED.tsv) and the ratio ours / Porcupine's.
// `ms` is wall time, as Porcupine's figures are; `cpuMs` (this process's CPU time) is printed too,
// because on a loaded machine wall time mostly measures the other processes. `load` is the
// one-minute load average when the set finished.
//
//     npx tsx bench/lincheck.bench.ts [REPEATS]

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLinearizability } from '../checker/consistency/linearizability.ts';
import { parseHistory } from '../checker/consistency/parse/detect.ts';
import { builtinSpecs } from '../checker/consistency/specs/index.ts';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../histories/porcupine');
const repeats = Number(process.argv[2] ?? 7);

interface Row {
  file: string;
  model: string;
  expected: boolean;
  porcupineMs: number;
}

const rows: Row[] = readFileSync(join(dir, 'EXPECTED.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [file, model, expected, , porcupineMs] = line.split('\t') as [string, string, string, string, string];
    return { file, model, expected: expected === 'true', porcupineMs: Number(porcupineMs) };
  });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const totals = new Map<string, { ms: number; cpuMs: number; porcupineMs: number; files: number; wrong: number }>();
for (const row of rows) {
  const spec = builtinSpecs[row.model === 'etcd' ? 'cas-register' : 'kv'];
  const { history } = parseHistory(readFileSync(join(dir, row.file), 'utf8'), row.file);
  let result = checkLinearizability(history, spec).result; // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = checkLinearizability(history, spec).result;
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const ms = median(times);
  const cpuMs = median(cpuTimes);
  const ok = result === (row.expected ? 'linearizable' : 'not-linearizable');
  console.log(JSON.stringify({ bench: 'lincheck', file: row.file, model: row.model, result, correct: ok, ms: round(ms), cpuMs: round(cpuMs) }));
  const set = row.model;
  const t = totals.get(set) ?? { ms: 0, cpuMs: 0, porcupineMs: 0, files: 0, wrong: 0 };
  t.ms += ms;
  t.cpuMs += cpuMs;
  t.porcupineMs += row.porcupineMs;
  t.files++;
  if (!ok) t.wrong++;
  totals.set(set, t);
}
for (const [set, t] of totals) {
  console.log(
    JSON.stringify({
      bench: 'lincheck-set',
      set,
      files: t.files,
      wrongVerdicts: t.wrong,
      ms: round(t.ms),
      cpuMs: round(t.cpuMs),
      porcupineMs: round(t.porcupineMs),
      ratio: round(t.ms / t.porcupineMs),
      load: round(loadavg()[0]!),
    }),
  );
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
