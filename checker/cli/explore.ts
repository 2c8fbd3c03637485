// `interleave explore <spec> [--config NAME]`: walk a configuration's state space by hand in the
// browser. Starts the explorer's server (checker/explorer/server.ts), prints its URL, and runs
// until interrupted.

import { spawn } from 'node:child_process';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../errors.ts';
import type { AnyModel } from '../model.ts';
import type { OpenConfig } from '../explorer/session.ts';
import { loadSpecs } from './load.ts';

interface ExploreArgs {
  spec: string;
  config?: string;
  port: number;
  host: string;
  open: boolean;
}

export const exploreCommand: CommandModule<object, ExploreArgs> = {
  command: 'explore <spec>',
  describe: 'walk a configuration step by step in the browser (a local web page)',
  builder: (y: Argv) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'a spec file' })
      .option('config', { type: 'string', describe: 'the configuration (default: the first); `Spec/config` when the file has several specs' })
      .option('port', { type: 'number', default: 0, describe: 'port to listen on (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to bind (the page lets anyone who reaches it run searches)' })
      .option('open', { type: 'boolean', default: false, describe: 'open the page in the default browser' }) as unknown as Argv<ExploreArgs>,
  handler: async (args) => {
    // Loaded when the command runs: `interleave --help` and the other commands need none of it.
    const { startExplorer } = await import('../explorer/server.ts');
    const open = await openConfig(args.spec, args.config);
    const explorer = await startExplorer(open, { host: args.host, port: args.port });
    process.stdout.write(`interleave explorer: ${open.spec}/${open.config} at ${explorer.url}  (Ctrl-C stops it)\n`);
    if (args.open) openInBrowser(explorer.url);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        void explorer.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};

/** The configuration to explore: `name` or `Spec/name` among the file's specs, else the first. */
export async function openConfig(file: string, name: string | undefined): Promise<OpenConfig> {
  const loaded = await loadSpecs([file]);
  const wanted = name?.includes('/') ? { spec: name.slice(0, name.indexOf('/')), config: name.slice(name.indexOf('/') + 1) } : { spec: undefined, config: name };
  for (const { spec, file: f } of loaded) {
    if (wanted.spec !== undefined && spec.name !== wanted.spec) continue;
    const config = wanted.config ?? Object.keys(spec.configs)[0]!;
    const cfg = spec.configs[config];
    if (!cfg) continue;
    let model: AnyModel;
    try {
      model = cfg.model();
    } catch (e) {
      throw new InputError(`${f}: building ${spec.name}/${config} threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { spec: spec.name, config, file: f, expected: cfg.expect, model };
  }
  throw new InputError(`${file}: no configuration named ${name}`);
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`could not open a browser; open ${url}\n`));
  child.unref();
}
