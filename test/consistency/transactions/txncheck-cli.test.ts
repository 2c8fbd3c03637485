// `interleave txncheck`: verdicts, exit codes and the JSON reporter.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { txncheckCommand } from '../../../checker/cli/txncheck.ts';
import { runCommand, type CommandRun } from '../run-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'txncheck-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const edn = (lines: string[]): string => lines.join('\n') + '\n';

const writeSkew = file(
  'write-skew.edn',
  edn([
    '{:type :ok, :f :txn, :value [[:r :x []] [:r :y []] [:append :x 1]], :process 0, :index 0}',
    '{:type :ok, :f :txn, :value [[:r :x []] [:r :y []] [:append :y 1]], :process 1, :index 1}',
    '{:type :ok, :f :txn, :value [[:r :x [1]] [:r :y [1]]], :process 2, :index 2}',
  ]),
);
const serial = file('serial.edn', edn(['{:type :ok, :f :txn, :value [[:append :x 1]], :process 0}', '{:type :ok, :f :txn, :value [[:r :x [1]]], :process 1}']));
const nothing = file('nothing.json', JSON.stringify({ workload: 'list-append', history: [{ type: 'info', process: 0, value: [['append', 'x', 1]] }] }));
const broken = file('broken.edn', edn(['{:type :ok, :f :txn, :value [[:append :x 1]], :process 0}', '{:type :ok, :f :txn, :value [[:r :x 1]], :process 1}']));

function run(...argv: string[]): Promise<CommandRun> {
  return runCommand(txncheckCommand, 'txncheck', argv);
}

describe('interleave txncheck', () => {
  it('write skew: valid under snapshot isolation, not serializable (exit 1), with the witness explained', async () => {
    const r = await run(writeSkew, '--workload', 'list-append', '--consistency', 'snapshot-isolation,serializable');
    expect(r.code).toBe(1);
    expect(r.out).toContain('snapshot-isolation: valid; serializable: INVALID (G2-item)');
    expect(r.out).toContain('T0 rw→ T1: T0 read y = [], which does not include 1, appended by T1 as the next element');
  });
  it('a serial history is valid (exit 0)', async () => {
    expect((await run(serial, '--workload', 'list-append')).code).toBe(0);
  });
  it('JSON reporter: one line per file with file, result, anomalies and ms; the worst exit code wins', async () => {
    const r = await run(serial, writeSkew, nothing, broken, '--workload', 'list-append', '--consistency', 'serializable', '--reporter', 'json');
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.file, l.result, l.anomalies])).toEqual([
      [serial, 'valid', []],
      [writeSkew, 'invalid', ['G2-item']],
      [nothing, 'unknown', []],
      [broken, 'error', []],
    ]);
    expect(typeof lines[0]!.ms).toBe('number');
    expect(r.code).toBe(2);
  });
  it('unknown when nothing committed (exit 3)', async () => {
    expect((await run(nothing)).code).toBe(3);
  });
  it('bad input: one line naming file and fault, exit 2', async () => {
    const r = await run(broken, '--workload', 'list-append');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`interleave: ${broken}:2: r x: a list-append read returns a list of values or nil\n`);
  });
  it('writes the HTML page with a drawing of the cycle', async () => {
    const html = join(dir, 'out.html');
    await run(writeSkew, '--workload', 'list-append', '--consistency', 'serializable', '--html', html);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).toContain('G2-item');
  });
  it('rejects an unknown model', async () => {
    await expect(run(serial, '--consistency', 'linearizable')).rejects.toThrow('unknown consistency model "linearizable"');
  });
});
