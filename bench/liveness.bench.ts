// Liveness: ACP_SB with 3 participants, AC3_2 under its fairness (TLC: holds, 54,944 distinct
// states, 9.2 s wall with the JVM, shared/BASELINES.md §7). One JSON line: the check in this
// process (search, graph, fair-component search), and `interleave check` as a fresh process, the
// figure to set beside TLC's (which includes its JVM's start).

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLiveness } from '../checker/liveness/index.ts';
import { AC3_2, acpSB, TLC_DISTINCT_STATES } from '../specs/tlaplus/ACP_SB.ts';
import { bytesPerState } from './memory.ts';

const TLC_AC3_2_MS = 9200;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const o = checkLiveness(acpSB(3, [AC3_2]));
if (o.status !== 'holds' || o.distinctStates !== TLC_DISTINCT_STATES) {
  throw new Error(`ACP_SB AC3_2: ${o.status} with ${o.distinctStates} states; TLC: holds with ${TLC_DISTINCT_STATES}`);
}
const started = Date.now();
const cli = spawnSync(process.execPath, [join(root, 'bin/interleave.js'), 'check', join(root, 'specs/tlaplus/ACP_SB.ts'), '--config', 'p3-ac3-2', '--reporter', 'json'], { encoding: 'utf8' });
const processMs = Date.now() - started;
if (cli.status !== 0) throw new Error(`interleave check ACP_SB p3-ac3-2 exited ${cli.status}: ${cli.stderr}`);
process.stdout.write(
  JSON.stringify({
    bench: 'liveness',
    model: 'ACP_SB p3 AC3_2',
    states: o.distinctStates,
    edges: o.graph!.edges,
    graphMB: Math.round((o.graph!.bytes / 2 ** 20) * 10) / 10,
    ms: o.ms,
    processMs,
    tlcMs: TLC_AC3_2_MS,
    ratio: Math.round((TLC_AC3_2_MS / processMs) * 10) / 10,
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    bytesPerState: bytesPerState(o.distinctStates),
  }) + '\n',
);
