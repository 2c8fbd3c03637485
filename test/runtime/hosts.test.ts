// A run across hosts, on loopback addresses: the servers started by hand with `interleave node` at
// the addresses of a hosts file, the controller at its own; the run ends them when it is over.

import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Ports free on loopback now (bound, then released). */
async function freePorts(n: number): Promise<number[]> {
  const sockets = Array.from({ length: n }, () => createSocket('udp4'));
  const ports = await Promise.all(sockets.map((s) => new Promise<number>((resolve) => s.bind(0, '127.0.0.1', () => resolve(s.address().port)))));
  for (const s of sockets) s.close();
  return ports;
}

const exited = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => child.on('exit', (code) => resolve(code)));

describe('interleave run --hosts', () => {
  it('runs servers started by hand with interleave node, and stops them at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interleave-hosts-'));
    const [controller, ...replicas] = await freePorts(4);
    const hosts = join(dir, 'hosts.json');
    writeFileSync(hosts, JSON.stringify({ controller: `127.0.0.1:${controller}`, ...Object.fromEntries(replicas.map((p, i) => [`replica${i + 1}`, `127.0.0.1:${p}`])) }));
    const cli = (...args: string[]) => spawn(process.execPath, ['bin/interleave.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const nodes = replicas.map((_, i) =>
      cli('node', 'specs/quorum/abd.ts', '--config', 'r3-write-read', '--node', `replica${i + 1}`, '--hosts', hosts, '--data', join(dir, `data${i + 1}`)),
    );
    const run = cli('run', 'specs/quorum/abd.ts', '--config', 'r3-write-read', '--hosts', hosts, '--time-limit', '1', '--rate', '50', '--nemesis', 'partition', '--nemesis-interval', '0.3', '--out', join(dir, 'out'), '--reporter', 'json');
    let stdout = '';
    run.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => [run, ...nodes].forEach((c) => c.kill('SIGKILL')), 25_000);
    const [runCode, ...nodeCodes] = await Promise.all([exited(run), ...nodes.map(exited)]);
    clearTimeout(timer);
    const report = JSON.parse(stdout) as { ok: number; result: string };
    expect(report.ok).toBeGreaterThan(10);
    expect(report.result).toBe('linearizable');
    expect(runCode).toBe(0);
    expect(nodeCodes).toEqual([0, 0, 0]);
  }, 30_000);

  it('refuses to kill or pause nodes it did not start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interleave-hosts-'));
    const hosts = join(dir, 'hosts.json');
    writeFileSync(hosts, JSON.stringify({ controller: '127.0.0.1:1' }));
    const run = spawn(process.execPath, ['bin/interleave.js', 'run', 'specs/quorum/abd.ts', '--config', 'r3-write-read', '--hosts', hosts, '--nemesis', 'kill'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    run.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await exited(run)).toBe(2);
    expect(stderr.trim()).toBe('interleave: --hosts: the controller cannot kill or pause nodes it did not start (use partition, loss, duplicate)');
  }, 30_000);
});
