// `interleave list [dir]`: the specs, their configurations and expected verdicts.

import type { Argv, CommandModule } from 'yargs';
import { describeExpectation } from '../spec.ts';
import { loadSpecs } from './load.ts';

interface ListArgs {
  paths: string[];
}

export const listCommand: CommandModule<object, ListArgs> = {
  command: 'list [paths..]',
  describe: 'list the specs with their configurations and expected verdicts',
  builder: (y: Argv) => y.positional('paths', { type: 'string', array: true, default: ['specs'], describe: 'spec files or directories' }) as unknown as Argv<ListArgs>,
  handler: async (args) => {
    for (const { spec, file } of await loadSpecs(args.paths)) {
      process.stdout.write(`${spec.name}  (${file})${spec.description ? `  ${spec.description}` : ''}\n`);
      for (const [name, cfg] of Object.entries(spec.configs)) {
        const notes = [describeExpectation(cfg.expect), ...(cfg.heavy ? ['heavy'] : [])].join(', ');
        process.stdout.write(`  ${name.padEnd(28)} ${notes}${cfg.description ? ` — ${cfg.description}` : ''}\n`);
      }
    }
  },
};
