// `interleave replay <trace.json>`: does the counterexample still reach the violation?

import type { Argv, CommandModule } from 'yargs';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATED } from './exit-codes.ts';
import { replayFile } from './trace-source.ts';

interface ReplayArgs {
  trace: string;
}

export const replayCommand: CommandModule<object, ReplayArgs> = {
  command: 'replay <trace>',
  describe: 're-run a trace against the current code (exit 1: still violates, 0: no longer, 2: no longer applies)',
  builder: (y: Argv) => y.positional('trace', { type: 'string', demandOption: true, describe: 'a trace file written by check' }) as unknown as Argv<ReplayArgs>,
  handler: async (args) => {
    const { trace, result } = await replayFile(args.trace);
    const what = `${trace.spec}/${trace.config}`;
    switch (result.status) {
      case 'reproduced':
        process.stdout.write(`${what}: still violates ${trace.property} after ${trace.steps.length} steps\n`);
        process.exitCode = EXIT_VIOLATED;
        return;
      case 'fixed':
        process.stdout.write(`${what}: all ${trace.steps.length} steps apply and ${trace.property} now holds\n`);
        process.exitCode = EXIT_OK;
        return;
      case 'diverged':
        process.stderr.write(`${args.trace}: step ${result.step} no longer applies (${result.reason})\n`);
        process.exitCode = EXIT_BAD_INPUT;
        return;
    }
  },
};
