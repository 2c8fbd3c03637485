import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = 'test/cli/fixtures';

function interleave(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/interleave.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'interleave-cli-'));

describe('interleave check', () => {
  it('exits 0 when every configuration meets its expectation, and skips heavy ones', () => {
    const out = tmp();
    const r = interleave('check', `${fixtures}/counter.ts`, '--trace-out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ Counter/safe: holds; 4 states');
    expect(r.stdout).toContain('✓ Counter/overflow: violates BelowLimit (3 steps');
    expect(r.stdout).not.toContain('Counter/big');
    expect(r.stdout).toContain('2 configurations: 2 met expectation, 0 did not');
  });

  it('runs a heavy configuration when --config names it', () => {
    const r = interleave('check', `${fixtures}/counter.ts`, '--config', 'big', '--reporter', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ spec: 'Counter', config: 'big', status: 'holds', distinctStates: 1001 });
  });

  it('prints one JSON object a line with the fields CI needs', () => {
    const out = tmp();
    const r = interleave('check', `${fixtures}/counter.ts`, '--reporter', 'json', '--trace-out', out);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      spec: 'Counter',
      config: 'overflow',
      status: 'violated',
      property: 'BelowLimit',
      expected: 'violates BelowLimit',
      met: true,
      distinctStates: 4,
      generatedStates: 4,
      maxDepth: 3,
      trace: join(out, 'Counter.overflow.trace.json'),
    });
    expect(typeof lines[0]!.ms).toBe('number');
  });

  it('says in a note when --por is not applied, and why', () => {
    const text = interleave('check', `${fixtures}/counter.ts`, '--config', 'safe', '--por');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('note: --por not applied: the model does not say which of its actions commute');
    const json = interleave('check', 'specs/twopc/two-phase-commit.ts', '--config', 'p2', '--por', '--workers', '2', '--reporter', 'json');
    expect(JSON.parse(json.stdout.trim())).toMatchObject({ status: 'holds', notes: ['--por not applied: not with --workers'] });
  });

  it('exits 1 when a configuration does not meet its expectation', () => {
    const r = interleave('check', `${fixtures}/wrong-expectation.ts`, '--trace-out', tmp());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Wrong/claims: violates Small');
    expect(r.stdout).toContain('expected to hold, but Small is violated');
  });

  it('reports an incomplete search as not meeting "holds"', () => {
    const r = interleave('check', `${fixtures}/counter.ts`, '--config', 'big', '--max-states', '10');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('incomplete: stopped at maxStates');
  });

  it('exits 2 with one line naming the file for a missing path, a file without specs and a handler that throws', () => {
    const missing = interleave('check', 'no/such/dir');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('interleave: no/such/dir: no such file or directory');
    const empty = interleave('check', `${fixtures}/no-spec.ts`);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toBe(`interleave: ${fixtures}/no-spec.ts: exports no spec (export a defineSpec(...) value)`);
    const throws = interleave('check', `${fixtures}/throws.ts`);
    expect(throws.code).toBe(2);
    expect(throws.stdout).toContain(`${fixtures}/throws.ts: Throws/one: node threw while handling node → node: "ping": not implemented`);
    expect(throws.stdout + throws.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with one line naming the action and the path for a model that is not a function of its state', () => {
    const r = interleave('check', `${fixtures}/nondeterministic.ts`, '--config', 'random');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`${fixtures}/nondeterministic.ts: Nondeterministic/random: nondeterministic: action Add from the state after steps \\[[^\\n]*\\] gave two different states`));
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('on Ctrl-C stops a long run and prints what it had: states, depth and rate (exit 130)', async () => {
    const child = spawn(process.execPath, ['bin/interleave.js', 'check', `${fixtures}/endless.ts`, '--all'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // The quick configuration is done: the endless one is running.
      if (stdout.includes('Endless/quick')) setTimeout(() => child.kill('SIGINT'), 300);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/^interrupted: Endless\/forever: [\d,]+ states, depth \d+, [\d,]+ states\/s after \d+\.\d s\n$/);
  }, 30_000);

  it('exits 2 with one line naming the file, the place and the fault for a spec that does not parse', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'broken.ts'), 'export const x = ;\n');
    const r = interleave('check', join(dir, 'broken.ts'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^interleave: \S*broken\.ts: cannot load: line 1, column 17: Unexpected ";"$/);
  });

  it('exits 2 on an unknown flag, without a stack trace', () => {
    const r = interleave('check', fixtures, '--no-such-flag');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('interleave replay and show', () => {
  const traceOf = (): string => {
    const out = tmp();
    expect(interleave('check', `${fixtures}/counter.ts`, '--trace-out', out).code).toBe(0);
    return join(out, 'Counter.overflow.trace.json');
  };

  it('replay exits 1 while the trace still reaches the violation', () => {
    const r = interleave('replay', traceOf());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Counter/overflow: still violates BelowLimit after 3 steps');
  });

  it('replay exits 2 naming the first step that no longer applies', () => {
    const path = traceOf();
    const trace = JSON.parse(readFileSync(path, 'utf8')) as { steps: unknown[] };
    trace.steps.push(...Array.from({ length: 5 }, () => ({ action: 'inc', label: 'increment' })));
    writeFileSync(path, JSON.stringify(trace));
    const r = interleave('replay', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('step 6 no longer applies');
  });

  it('replay exits 0 when the property no longer fails (the bug is fixed)', () => {
    const path = traceOf();
    const trace = JSON.parse(readFileSync(path, 'utf8')) as { steps: unknown[]; config: string };
    // The same steps against the safe configuration: they apply, and the property holds.
    trace.config = 'safe';
    writeFileSync(path, JSON.stringify(trace));
    const r = interleave('replay', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('BelowLimit now holds');
  });

  it('a malformed trace is bad input: one line, exit 2', () => {
    const path = join(tmp(), 'bad.json');
    writeFileSync(path, '{"format": "something-else"}');
    const r = interleave('replay', path);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`interleave: ${path}: not an interleave trace: "format" must be "interleave-trace"`);
    writeFileSync(path, '{ not json');
    expect(interleave('show', path).code).toBe(2);
  });

  it('show prints each step with the state change it made', () => {
    const r = interleave('show', traceOf());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('BelowLimit');
    expect(r.stdout).toMatch(/3\s+increment/);
    expect(r.stdout).toMatch(/n: 2 → 3/);
  });
});

describe('interleave list', () => {
  it('lists specs, configurations and expected verdicts', () => {
    const r = interleave('list', `${fixtures}/counter.ts`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Counter');
    expect(r.stdout).toMatch(/overflow\s+violates BelowLimit/);
    expect(r.stdout).toMatch(/big\s+holds, heavy/);
  });
});
