// `interleave show <trace.json>`: the counterexample as a person reads it, in the terminal (text),
// in a browser (a self-contained HTML page) or in a pull request (a Mermaid sequence diagram).

import { writeFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../errors.ts';
import { renderHtml } from '../trace/html.ts';
import { renderMermaid } from '../trace/mermaid.ts';
import { COLOURS, PLAIN, wantsColour } from '../trace/style.ts';
import { renderText } from '../trace/text.ts';
import { viewOf } from '../trace/view.ts';
import { replayFile } from './trace-source.ts';

type Format = 'text' | 'html' | 'mermaid';

interface ShowArgs {
  trace: string;
  format: Format;
  output?: string;
  full: boolean;
  color?: boolean;
}

export const showCommand: CommandModule<object, ShowArgs> = {
  command: 'show <trace>',
  describe: 'print a trace as a sequence diagram with the state changes of each step',
  builder: (y: Argv) =>
    y
      .positional('trace', { type: 'string', demandOption: true, describe: 'a trace file written by check' })
      .option('format', { alias: 'f', choices: ['text', 'html', 'mermaid'] as const, default: 'text' as const, describe: 'text (terminal), html (one self-contained page) or mermaid (a sequenceDiagram)' })
      .option('output', { alias: 'o', type: 'string', describe: 'write to this file instead of stdout' })
      .option('full', { type: 'boolean', default: false, describe: 'text: print whole states, not only what changed' })
      .option('color', { type: 'boolean', describe: 'text: force colours on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR respected)' }) as unknown as Argv<ShowArgs>,
  handler: async (args) => {
    const { trace, model, result } = await replayFile(args.trace);
    const view = viewOf(model, trace, result);
    const toFile = args.output !== undefined;
    let body: string;
    switch (args.format) {
      case 'html':
        body = renderHtml(view);
        break;
      case 'mermaid':
        body = renderMermaid(view);
        break;
      default: {
        const colour = args.color ?? (!toFile && wantsColour(process.stdout.isTTY));
        body = renderText(view, { full: args.full, style: colour ? COLOURS : PLAIN });
      }
    }
    if (toFile) {
      try {
        writeFileSync(args.output!, body + '\n');
      } catch (e) {
        throw new InputError(`${args.output}: cannot write (${e instanceof Error ? e.message : String(e)})`);
      }
      process.stderr.write(`wrote ${args.output}\n`);
    } else process.stdout.write(body + '\n');
    if (result.status === 'diverged') process.stderr.write(`note: the trace no longer applies from step ${result.step} (${result.reason}); later steps show no state changes\n`);
    if (result.status === 'fixed') process.stderr.write(`note: replayed against today's code, ${trace.property} no longer fails at the end\n`);
  },
};
