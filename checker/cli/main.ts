// The `interleave` command line.

import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../errors.ts';
import { checkCommand } from './check.ts';
import { EXIT_BAD_INPUT } from './exit-codes.ts';
import { exploreCommand } from './explore.ts';
import { lincheckCommand } from './lincheck.ts';
import { listCommand } from './list.ts';
import { mergeCommand } from './merge.ts';
import { minimizeCommand } from './minimize.ts';
import { nodeCommand } from './node.ts';
import { replayCommand } from './replay.ts';
import { runCommand } from './run.ts';
import { showCommand } from './show.ts';
import { txncheckCommand } from './txncheck.ts';

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await yargs(argv)
      .scriptName('interleave')
      .command(checkCommand)
      .command(replayCommand)
      .command(showCommand)
      .command(minimizeCommand)
      .command(listCommand)
      .command(lincheckCommand)
      .command(mergeCommand)
      .command(txncheckCommand)
      .command(exploreCommand)
      .command(runCommand)
      .command(nodeCommand)
      .demandCommand(1, 'name a command: check, replay, show, minimize, list, merge, explore, run, node, lincheck, txncheck')
      .strict()
      .help()
      .fail((msg, err) => {
        if (err) throw err;
        throw new InputError(msg);
      })
      .parseAsync();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stderr.write(`interleave: ${e.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}

// A reader that stops early (`interleave check … | head`) closes the pipe: not a fault to report
// with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

await main(hideBin(process.argv));
