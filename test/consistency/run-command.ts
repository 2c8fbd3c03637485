// Test helper: runs one `interleave` command in-process and captures its output and exit code.

import yargs, { type CommandModule } from 'yargs';
import { vi } from 'vitest';

export interface CommandRun {
  readonly out: string;
  readonly err: string;
  readonly code: number;
}

export async function runCommand<A>(command: CommandModule<object, A>, name: string, argv: readonly string[]): Promise<CommandRun> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    process.exitCode = 0;
    await yargs([name, ...argv]).command(command).strict().exitProcess(false).parseAsync();
    return { out, err, code: Number(process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = 0;
  }
}
