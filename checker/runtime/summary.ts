// What a real run found, in figures: operations by outcome, throughput, latency percentiles,
// faults by kind, and the linearizability verdict. `--reporter json` prints it as one line.

import type { Verdict } from '../consistency/linearizability.ts';
import type { RunOutcome } from './cluster.ts';
import type { FaultKind } from './faults-log.ts';

export interface RunSummary {
  readonly spec: string;
  readonly config: string;
  readonly seed: number;
  readonly ops: number;
  readonly ok: number;
  /** Operations known not to have happened (a client actor never reports one: always 0 here). */
  readonly fail: number;
  /** Operations that never completed: pending, they may or may not have taken effect. */
  readonly info: number;
  readonly opsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
  readonly faults: Readonly<Partial<Record<FaultKind, number>>>;
  readonly result: Verdict;
  /** The JSON history's path. */
  readonly history: string;
}

/** The `p`-quantile of sorted `xs` (nearest rank), 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (x: number): number => Math.round(x * 10) / 10;

export function summarize(outcome: RunOutcome, seed: number, result: Verdict, historyFile: string): RunSummary {
  const ops = outcome.history.operations;
  const done = ops.filter((o) => o.ret !== undefined);
  const latencies = done.map((o) => (o.ret! - o.call) / 1000).sort((a, b) => a - b);
  const faults: Partial<Record<FaultKind, number>> = {};
  for (const f of outcome.faults) if (f.phase === 'start') faults[f.kind] = (faults[f.kind] ?? 0) + 1;
  return {
    spec: outcome.run.spec.name,
    config: Object.entries(outcome.run.spec.configs).find(([, c]) => c === outcome.run.config)?.[0] ?? '',
    seed,
    ops: ops.length,
    ok: done.length,
    fail: 0,
    info: ops.length - done.length,
    opsPerSecond: round(done.length / Math.max(outcome.durationMs / 1000, 1e-3)),
    latencyMs: { p50: round(percentile(latencies, 0.5)), p95: round(percentile(latencies, 0.95)), p99: round(percentile(latencies, 0.99)) },
    faults,
    result,
    history: historyFile,
  };
}

export function summaryText(s: RunSummary): string {
  const faults = Object.entries(s.faults).map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
  return [
    `${s.spec} ${s.config} (seed ${s.seed}): ${s.result}`,
    `  operations ${s.ops}: ${s.ok} ok, ${s.fail} fail, ${s.info} info (pending)`,
    `  throughput ${s.opsPerSecond} ops/s; latency p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms, p99 ${s.latencyMs.p99} ms`,
    `  faults: ${faults}`,
    `  history: ${s.history}`,
  ].join('\n');
}
