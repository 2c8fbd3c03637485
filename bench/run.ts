// `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, so that one
// benchmark's heap does not slow the next. Each prints JSON lines on stdout.
// `npm run bench -- twophase` runs only the benchmarks whose file name contains "twophase";
// `npm run bench -- explore --heavy` also runs the heavy configurations (TwoPhase 10 RMs: minutes).

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Flags (`--heavy`) go to every benchmark; other arguments choose the files.
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=16384', join(here, f), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench ${f} exited ${r.status}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
