// Test helper: runs `interleave lincheck` in-process and captures its output and exit code.

import { lincheckCommand } from '../../checker/cli/lincheck.ts';
import { runCommand, type CommandRun } from './run-command.ts';

export function runLincheck(...argv: string[]): Promise<CommandRun> {
  return runCommand(lincheckCommand, 'lincheck', argv);
}
