// Actor systems against an earlier commit, measured in the same run on the same machine: Stateright's
// Paxos with 3 servers and 3 clients, Raft replication and the 2PC actors (4 participants, one
// crash). The machine is shared and its speed drifts from minute to minute, so figures from two
// runs cannot be compared; here the two trees alternate, run for run, each measurement a fresh
// process, and each row gives the medians of both and their ratio.
//
// `npm run bench -- actors` compares with the commit named by `--against REV` (default: the
// commit before this file's measurements started, see AGAINST). The earlier tree is checked out
// once as a detached git worktree under the OS's temp directory, with this tree's node_modules.
// Each row: distinct states (which must be the same in both trees), median wall ms, distinct
// states a second, CPU ms, peak RSS per distinct state, and `speedup` (earlier ms / this ms).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last commit before the actor hot path was rewritten (draft copies, delivery memo). */
const AGAINST = 'b242db4';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Config {
  readonly name: string;
  /** A module of the tree and the export that builds the model from `args`. */
  readonly module: string;
  readonly factory: string;
  readonly args: unknown;
}

const CONFIGS: readonly Config[] = [
  { name: 'paxos-s3-c3', module: 'protocols/paxos/index.ts', factory: 'stateRightPaxos', args: { servers: 3, clients: 3 } },
  { name: 'raft-replication', module: 'protocols/raft/index.ts', factory: 'raft', args: { servers: 3, maxTerm: 1, clients: [[{ f: 'put', key: 'x', value: '1' }]] } },
  { name: 'twopc-p4-crash1', module: 'protocols/twopc/index.ts', factory: 'twoPhaseCommit', args: { participants: 4, crashes: 1 } },
];

interface Measurement {
  readonly states: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly rssBytes: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const tree = join(here, '..');

/** One search in a fresh process, in `root`'s tree. An .mjs outside the tree imports the tree's
 *  .ts modules as ES modules, as the CLI loads them. */
function measure(root: string, c: Config, child: string): Measurement {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', child, root, c.module, c.factory, JSON.stringify(c.args)], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${c.name} in ${root}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measurement;
}

const CHILD = `
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const [root, module, factory, args] = process.argv.slice(2);
const { explore } = await import(pathToFileURL(join(root, 'checker/index.ts')).href);
const mod = await import(pathToFileURL(join(root, module)).href);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const o = explore(mod[factory](JSON.parse(args)));
const ms = Math.round(performance.now() - t0);
const cpu = process.cpuUsage(cpu0);
if (o.status !== 'holds') throw new Error('expected holds, got ' + o.status);
console.log(JSON.stringify({ states: o.distinctStates, ms, cpuMs: Math.round((cpu.user + cpu.system) / 1000), rssBytes: process.resourceUsage().maxRSS * 1024 }));
`;

function earlierTree(rev: string): string {
  const dir = join(tmpdir(), `interleave-bench-${rev}`);
  if (!existsSync(dir)) {
    const r = spawnSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: tree, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git worktree add ${rev}: ${r.stderr}`);
    symlinkSync(join(tree, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const at = process.argv.indexOf('--against');
const rev = at >= 0 ? process.argv[at + 1]! : AGAINST;
const filters = process.argv.slice(2).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '--against');
const earlier = earlierTree(rev);
const child = join(mkdtempSync(join(tmpdir(), 'interleave-bench-')), 'measure.mjs');
writeFileSync(child, CHILD);

for (const c of CONFIGS) {
  if (filters.length > 0 && !filters.some((f) => c.name.includes(f))) continue;
  const now: Measurement[] = [];
  const then: Measurement[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    then.push(measure(earlier, c, child));
    now.push(measure(tree, c, child));
  }
  const states = now[0]!.states;
  const row = (ms: Measurement[]) => ({
    ms: median(ms.map((m) => m.ms)),
    statesPerSec: Math.round((states / median(ms.map((m) => m.ms))) * 1000),
    cpuMs: median(ms.map((m) => m.cpuMs)),
    bytesPerState: Math.round(median(ms.map((m) => m.rssBytes)) / states),
  });
  const a = row(now);
  const b = row(then);
  const sameCounts = [...now, ...then].every((m) => m.states === states);
  console.log(JSON.stringify({ bench: 'actors', config: c.name, states, sameCounts, ...a, against: rev, [`ms@${rev}`]: b.ms, [`statesPerSec@${rev}`]: b.statesPerSec, [`cpuMs@${rev}`]: b.cpuMs, [`bytesPerState@${rev}`]: b.bytesPerState, speedup: Math.round((b.ms / a.ms) * 100) / 100 }));
  if (!sameCounts) process.exitCode = 1;
}
