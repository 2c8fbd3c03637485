// `interleave show <trace.json>`: the counterexample as a person reads it.

import type { Argv, CommandModule } from 'yargs';
import { renderText } from '../trace/text.ts';
import { replayFile } from './trace-source.ts';

interface ShowArgs {
  trace: string;
  full: boolean;
}

export const showCommand: CommandModule<object, ShowArgs> = {
  command: 'show <trace>',
  describe: 'print a trace as a sequence diagram with the state changes of each step',
  builder: (y: Argv) =>
    y
      .positional('trace', { type: 'string', demandOption: true, describe: 'a trace file written by check' })
      .option('full', { type: 'boolean', default: false, describe: 'print whole states, not only what changed' }) as unknown as Argv<ShowArgs>,
  handler: async (args) => {
    const { trace, model, result } = await replayFile(args.trace);
    const states = result.states.map((s) => (model.present ? model.present(s) : s));
    process.stdout.write(renderText(trace, { states, full: args.full }) + '\n');
    if (result.status === 'diverged') process.stderr.write(`note: the trace no longer applies from step ${result.step} (${result.reason}); later steps show no state changes\n`);
    if (result.status === 'fixed') process.stderr.write(`note: replayed against today's code, ${trace.property} no longer fails at the end\n`);
  },
};
