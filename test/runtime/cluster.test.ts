// A real 3-replica ABD cluster on loopback, a few seconds under kills and partitions: the servers
// are processes killed for real, the network is the controller's, and the history is checked.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import { checkableHistory } from '../../checker/consistency/parse/checkable-history.ts';
import { runCluster } from '../../checker/runtime/cluster.ts';
import { faultIntervals } from '../../checker/runtime/faults-log.ts';
import { runAndCheck, type RunResult } from '../../checker/runtime/run.ts';

async function abdRun(seed: number): Promise<RunResult> {
  return runAndCheck({
    target: { file: 'specs/quorum/abd.ts', config: 'r3-write-read', clients: 60, operations: 200, seed },
    timeLimitS: 2.5,
    rate: 80,
    concurrency: 3,
    nemesis: ['kill', 'partition'],
    nemesisIntervalS: 0.3,
    opTimeoutMs: 500,
    outDir: mkdtempSync(join(tmpdir(), 'interleave-run-')),
    checkTimeoutS: 20,
    recordRouting: true,
  });
}

describe('a real ABD cluster under kills and partitions', () => {
  it('runs, survives SIGKILLs from its durable files, and stays linearizable', async () => {
    const { summary, outcome, files } = await abdRun(7);
    const names = outcome.run.model.nodeNames;

    // It ran, with both kinds of fault, and the correct protocol stayed linearizable.
    expect(summary.ok).toBeGreaterThan(50);
    expect(summary.faults.kill).toBeGreaterThan(0);
    expect(summary.faults.partition).toBeGreaterThan(0);
    expect(outcome.errors).toEqual([]);
    expect(summary.result).toBe('linearizable');

    // Durable state survives a SIGKILL: every restarted replica came back to what its file held
    // when it was killed, and that was a written register (its timestamp past the initial one).
    expect(outcome.recoveries.length).toBeGreaterThan(0);
    for (const r of outcome.recoveries) {
      expect(r.recovered).toEqual(r.atKill);
      expect((r.recovered as { ts: [number, number] }).ts[0]).toBeGreaterThan(0);
    }

    // ABD's replicas never talk to each other: a partition of the servers cuts nothing.
    expect(outcome.fates.partitioned).toBe(0);

    // The history files parse with lincheck, and say the same as the run's own check.
    for (const file of [files.json, files.edn]) {
      const parsed = checkableHistory(readFileSync(file, 'utf8'), file);
      expect(parsed.history.length).toBeGreaterThan(0);
      expect(checkLinearizability(parsed.history, parsed.spec).result).toBe('linearizable');
    }
    expect(checkableHistory(readFileSync(files.json, 'utf8'), files.json).history).toHaveLength(summary.ops);
  }, 30_000);
});

describe('a real Raft cluster', () => {
  it('elects a leader that keeps its followers with heartbeats, and commits operations through it', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'interleave-run-'));
    const { summary } = await runAndCheck({
      target: { file: 'specs/raft/raft.ts', config: 'replication', clients: 30, operations: 50, seed: 1 },
      timeLimitS: 3,
      rate: 50,
      concurrency: 3,
      nemesis: [],
      nemesisIntervalS: 1,
      opTimeoutMs: 1000,
      outDir,
      checkTimeoutS: 20,
    });
    expect(summary.ok).toBeGreaterThan(50);
    expect(summary.result).toBe('linearizable');
    // Followers restart their election timeout at each heartbeat: one election, or a few if the
    // machine stalls a leader past a timeout (300-600 ms), not one every timeout.
    const terms = ['server1', 'server2', 'server3'].map((n) => (JSON.parse(readFileSync(join(outDir, 'data', `${n}.durable.json`), 'utf8')) as { currentTerm: number }).currentTerm);
    expect(Math.max(...terms)).toBeLessThanOrEqual(3);
  }, 30_000);
});

describe('a partition of a real Raft cluster', () => {
  it('drops exactly the messages between servers it separates (two sides, or a bridge), while it lasts', async () => {
    const outcome = await runCluster({
      target: { file: 'specs/raft/raft.ts', config: 'replication', clients: 10, operations: 20, seed: 3 },
      timeLimitS: 2,
      rate: 10,
      concurrency: 1,
      nemesis: ['partition'],
      nemesisIntervalS: 0.4,
      opTimeoutMs: 300,
      outDir: mkdtempSync(join(tmpdir(), 'interleave-run-')),
      recordRouting: true,
    });
    const names = outcome.run.model.nodeNames;
    const cuts = faultIntervals(outcome.faults, Infinity).map((f) => ({ ...f, sides: f.detail.split(' | ').map((side) => side.slice(1, -1).split(', ')) }));
    // Both shapes came up: two sides, and two halves joined by a bridge server.
    const bridged = (c: (typeof cuts)[number]): boolean => c.sides[0]!.some((n) => c.sides[1]!.includes(n));
    expect(cuts.some(bridged)).toBe(true);
    expect(cuts.some((c) => !bridged(c))).toBe(true);
    // Across a cut: both ends are servers, and no group of the partition holds both (a bridge
    // server is in both groups).
    const servers = new Set(cuts.flatMap((c) => c.sides.flat()));
    const across = (t: number, from: number, to: number): boolean =>
      cuts.some((c) => t >= c.from && t <= c.to && servers.has(names[from]!) && servers.has(names[to]!) && !c.sides.some((s) => s.includes(names[from]!) && s.includes(names[to]!)));
    let cut = 0;
    for (const p of outcome.routing) {
      expect(p.fate === 'partitioned', `${(p.t / 1000).toFixed(3)} s ${names[p.from]} -> ${names[p.to]}: ${p.fate}`).toBe(across(p.t, p.from, p.to));
      if (p.fate === 'partitioned') cut++;
    }
    expect(cut).toBeGreaterThan(0);
  }, 30_000);
});

describe('a handler that throws in a real run', () => {
  it('is reported with its node and message, and the node dies as a crash would', async () => {
    const outcome = await runCluster({
      target: { file: 'test/runtime/fixtures/faulty-server.ts', config: 'writes', clients: 4, operations: 0, seed: 1 },
      timeLimitS: 2.5,
      rate: 50,
      concurrency: 1,
      nemesis: [],
      nemesisIntervalS: 0.2,
      opTimeoutMs: 200,
      outDir: mkdtempSync(join(tmpdir(), 'interleave-run-')),
    });
    expect(outcome.errors[0]?.node).toBe('server');
    expect(outcome.errors[0]?.message).toMatch(/^server threw while handling client\d+ → server: \{"type":"Write","value":5\}: cannot store 5$/);
    // It crashed, and was restarted after the nemesis interval.
    expect(outcome.faults.filter((f) => f.kind === 'crash').map((f) => f.phase).slice(0, 2)).toEqual(['start', 'end']);
    // The write that crashed it never completed: pending.
    expect(outcome.history.operations.find((o) => (o.input as { value: number }).value === 5)?.ret).toBeUndefined();
  }, 20_000);
});

describe('an ordered network in a real run', () => {
  it('travels over TCP and keeps every channel FIFO', async () => {
    const outcome = await runCluster({
      target: { file: 'test/runtime/fixtures/ordered-echo.ts', config: 'bursts', clients: 8, operations: 0, seed: 1 },
      timeLimitS: 1,
      rate: 200,
      concurrency: 4,
      nemesis: [],
      nemesisIntervalS: 1,
      opTimeoutMs: 500,
      outDir: mkdtempSync(join(tmpdir(), 'interleave-run-')),
    });
    expect(outcome.transport).toBe('tcp');
    expect(outcome.errors).toEqual([]);
    expect(outcome.history.operations.filter((o) => o.ret !== undefined).length).toBeGreaterThan(20);
  }, 20_000);
});
