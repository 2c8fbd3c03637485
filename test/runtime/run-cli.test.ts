// `interleave run` as a user runs it: one JSON line of figures, files written, exit codes.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const interleave = (...args: string[]) => spawnSync(process.execPath, ['bin/interleave.js', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('interleave run', () => {
  it('--reporter json prints one line of figures and writes the history and the report', () => {
    const out = mkdtempSync(join(tmpdir(), 'interleave-run-cli-'));
    const r = interleave('run', 'specs/quorum/dynamo.ts', '--config', 'n3-r2-w2', '--time-limit', '1', '--rate', '40', '--nemesis', 'kill', '--nemesis-interval', '0.4', '--seed', '5', '--out', out, '--reporter', 'json');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['spec', 'config', 'seed', 'ops', 'ok', 'fail', 'info', 'opsPerSecond', 'latencyMs', 'faults', 'result', 'history']);
    expect(report).toMatchObject({ spec: 'DynamoQuorums', config: 'n3-r2-w2', seed: 5, history: join(out, 'history.json') });
    expect(report.ops).toBeGreaterThan(0);
    expect(r.status).toBe(report.result === 'linearizable' ? 0 : 1);
    for (const f of ['history.json', 'history.edn', 'report.html', 'faults.json']) expect(existsSync(join(out, f))).toBe(true);
    // Progress goes to stderr.
    expect(r.stderr).toContain('3 servers up');
  }, 30_000);

  it('names an unknown configuration in one line, exit 2', () => {
    const r = interleave('run', 'specs/quorum/dynamo.ts', '--config', 'nope');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('specs/quorum/dynamo.ts: spec DynamoQuorums has no configuration nope');
  }, 30_000);

  it('refuses a configuration without a runtime spec before starting anything', () => {
    const r = interleave('run', 'specs/quorum/dynamo.ts', '--config', 'n3-r1-w3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('configuration n3-r1-w3 has no runtime.spec');
  }, 30_000);
});
