import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runLincheck } from './run-lincheck.ts';

const dir = mkdtempSync(join(tmpdir(), 'lincheck-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jepsen = (lines: string[]) => lines.map((l) => `INFO  jepsen.util - ${l}`).join('\n') + '\n';

const good = file('good.log', jepsen(['0 :invoke :write 1', '0 :ok :write 1', '1 :invoke :read nil', '1 :ok :read 1']));
const stale = file('stale.log', jepsen(['0 :invoke :write 1', '0 :ok :write 1', '1 :invoke :read nil', '1 :ok :read nil']));
// Twenty-two overlapping writes and an impossible read: refuting it takes longer than the budget.
const hard = file(
  'hard.json',
  JSON.stringify({
    model: 'cas-register',
    operations: [
      ...Array.from({ length: 22 }, (_, i) => ({ client: i, input: { f: 'write', value: i }, output: {}, call: i, ret: 100 + i })),
      { client: 99, input: { f: 'read' }, output: { value: 1000 }, call: 200, ret: 201 },
    ],
  }),
);
const broken = file('broken.log', jepsen(['0 :invoke :write 1', '0 :foo :write 1']));

const run = runLincheck;

afterEach(() => {
  process.exitCode = 0;
});

describe('interleave lincheck', () => {
  it('exits 0 on a linearizable history, inferring the model from the format', async () => {
    const { out, code } = await run(good);
    expect(code).toBe(0);
    expect(out).toMatch(/good\.log: linearizable \(2 operations, 1 part/);
  });

  it('exits 1 on a violation and prints the explanation', async () => {
    const { out, code } = await run(stale, '--model', 'cas-register');
    expect(code).toBe(1);
    expect(out).toContain('stale.log: NOT linearizable');
    expect(out).toContain('cannot place: client 1 read() -> nil');
  });

  it('exits 2 on bad input with one line naming file and line, whatever else fails', async () => {
    const { err, code } = await run(stale, broken, good);
    expect(code).toBe(2);
    expect(err.trim()).toBe(`interleave: ${broken}:2: expected ':invoke', ':ok', ':fail' or ':info', got ':foo'`);
  });

  it('rejects a history whose operations do not belong to the model', async () => {
    const { err, code } = await run(good, '--model', 'kv');
    expect(code).toBe(2);
    expect(err).toContain(`${good}:1: not a kv operation`);
  });

  it('prints one JSON object a line with --reporter json', async () => {
    const { out, code } = await run(good, stale, join(dir, 'missing.log'), '--reporter', 'json');
    expect(code).toBe(2);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.result)).toEqual(['linearizable', 'not-linearizable', 'error']);
    expect(lines[0]).toMatchObject({ file: good, model: 'cas-register', operations: 2, partitions: 1 });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(lines[2]!.message).toContain('no such file');
  });

  it('exits 3 when the time budget runs out, and 1 if another file is not linearizable', async () => {
    const alone = await run(hard, '--timeout', '0.02');
    expect(alone.code).toBe(3);
    expect(alone.out).toMatch(/hard\.json: unknown — no verdict within 0\.02 s/);
    expect((await run(hard, stale, '--timeout', '0.02')).code).toBe(1);
  });

  it('writes an HTML page with --html', async () => {
    const out = join(dir, 'out.html');
    await run(stale, '--html', out);
    expect(readFileSync(out, 'utf8')).toContain('class="bar blocked"');
  });
});
