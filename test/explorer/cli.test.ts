import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';

describe('interleave explore', () => {
  it('serves on 127.0.0.1 at a free port, prints the URL, and stops on Ctrl-C', async () => {
    const child = spawn('node', ['bin/interleave.js', 'explore', 'specs/twopc/two-phase-commit.ts', '--config', 'decision-not-logged'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const spec = (await (await fetch(new URL('/api/spec', url))).json()) as { spec: string; config: string };
      expect(spec).toMatchObject({ spec: 'TwoPhaseCommit', config: 'decision-not-logged' });
      const page = await (await fetch(url)).text();
      expect(page).toContain('<title>TwoPhaseCommit / decision-not-logged · interleave explorer</title>');
      // No script, style or image is fetched from elsewhere.
      expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/(?!www\.w3\.org)/);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a configuration the spec does not have: one line, exit 2', () => {
    const r = spawnSync('node', ['bin/interleave.js', 'explore', 'specs/twopc/two-phase-commit.ts', '--config', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('interleave: specs/twopc/two-phase-commit.ts: no configuration named nope\n');
  });
});
