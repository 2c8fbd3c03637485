import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const interleave = (...args: string[]) => spawnSync(process.execPath, ['bin/interleave.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('a liveness violation on the command line', () => {
  it('the JSON line carries the property kind and the cycle start, and replay confirms the lasso', () => {
    const out = mkdtempSync(join(tmpdir(), 'lasso-'));
    const r = interleave('check', 'specs/retransmit/lossy-link.ts', '--config', 'no-retransmission', '--reporter', 'json', '--trace-out', out);
    expect(r.status).toBe(0);
    const line = JSON.parse(r.stdout.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ status: 'violated', property: 'EveryRequestAnswered', propertyKind: 'eventually', cycleStart: 1, met: true });
    const again = interleave('replay', line.trace as string);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/still violates EveryRequestAnswered/);
  });
});
