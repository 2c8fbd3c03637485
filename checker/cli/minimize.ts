// `interleave minimize <trace.json>`: shrink a counterexample to the steps the violation needs.

import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../errors.ts';
import { minimize } from '../trace/minimize.ts';
import { writeTrace } from '../trace/trace.ts';
import { replayFile } from './trace-source.ts';

interface MinimizeArgs {
  trace: string;
  output?: string;
  timeout: number;
}

export const minimizeCommand: CommandModule<object, MinimizeArgs> = {
  command: 'minimize <trace>',
  aliases: ['minimise'],
  describe: 'drop the steps a counterexample does not need (delta debugging, checked by replay)',
  builder: (y: Argv) =>
    y
      .positional('trace', { type: 'string', demandOption: true, describe: 'a trace file written by check' })
      .option('output', { alias: 'o', type: 'string', describe: 'where to write the shorter trace (default: <trace>.min.json beside it)' })
      .option('timeout', { type: 'number', default: 60, describe: 'stop after this many seconds with the shortest trace found' }) as unknown as Argv<MinimizeArgs>,
  handler: async (args) => {
    const { trace, model, result } = await replayFile(args.trace);
    if (result.status === 'diverged') throw new InputError(`${args.trace}: step ${result.step} no longer applies (${result.reason}); nothing to minimise`);
    if (result.status === 'fixed') throw new InputError(`${args.trace}: ${trace.property} no longer fails at the end of the trace; nothing to minimise`);
    let m;
    try {
      m = minimize(model, trace, { timeoutMs: args.timeout * 1000 });
    } catch (e) {
      if (e instanceof InputError) throw new InputError(`${args.trace}: ${e.message}`);
      throw e;
    }
    const out = args.output ?? args.trace.replace(/(\.trace)?\.json$/, '') + '.min.trace.json';
    writeTrace(out, m.trace);
    process.stdout.write(
      `${trace.spec}/${trace.config}: ${trace.property} violated in ${m.after} step${m.after === 1 ? '' : 's'} (was ${m.before}); ` +
        `${m.replays} replays, ${m.ms} ms${m.complete ? '' : ', stopped by the time budget'}\nwrote ${out}\n`,
    );
  },
};
