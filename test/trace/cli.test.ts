import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foundTrace, twoPcModel } from './fixtures.ts';

function run(args: string[]): string {
  return execFileSync('node', ['bin/interleave.js', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } });
}

describe('interleave show and minimize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'interleave-cli-'));
  const model = twoPcModel('vote-not-durable', 2);
  const trace = { ...foundTrace(model, { strategy: 'dfs' }, 'vote-not-durable'), config: 'vote-not-durable' };
  const file = join(dir, 'dfs.trace.json');
  writeFileSync(file, JSON.stringify(trace));

  it('minimizes a trace file and prints the lengths before and after', () => {
    const out = run(['minimize', file, '-o', join(dir, 'min.json')]);
    expect(out).toMatch(/Atomicity violated in \d+ steps \(was \d+\)/);
    const min = JSON.parse(readFileSync(join(dir, 'min.json'), 'utf8')) as { steps: unknown[] };
    expect(min.steps.length).toBeLessThanOrEqual(trace.steps.length);
  });

  it('shows a trace as text, mermaid and html', () => {
    expect(run(['show', file])).toContain('✗ Atomicity is violated');
    expect(run(['show', file, '--format', 'mermaid']).startsWith('sequenceDiagram\n')).toBe(true);
    run(['show', file, '-f', 'html', '-o', join(dir, 't.html')]);
    expect(readFileSync(join(dir, 't.html'), 'utf8')).toContain('id="trace-data"');
  });
});
