// Test helper: runs `interleave lincheck` in-process and captures its output and exit code.

import yargs from 'yargs';
import { vi } from 'vitest';
import { lincheckCommand } from '../../checker/cli/lincheck.ts';

export async function runLincheck(...argv: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    process.exitCode = 0;
    await yargs(['lincheck', ...argv]).command(lincheckCommand).strict().exitProcess(false).parseAsync();
    return { out, err, code: Number(process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = 0;
  }
}
