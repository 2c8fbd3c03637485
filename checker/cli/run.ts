// `interleave run <spec> --config NAME`: run a configuration's actors as a real cluster on this
// machine (one process per server, loopback UDP through a fault-injecting controller), drive it
// with its clients, and check what they saw for linearizability (checker/runtime/).
//
// Exit code: 0 linearizable, 1 not linearizable, 2 bad input, 3 no verdict within --check-timeout.

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../errors.ts';
import { readHosts } from '../runtime/hosts.ts';
import { NEMESIS_KINDS, type NemesisKind } from '../runtime/faults-log.ts';
import { EXIT_OK, EXIT_UNKNOWN, EXIT_VIOLATED } from './exit-codes.ts';

interface RunArgs {
  spec: string;
  config: string;
  'time-limit': number;
  rate: number;
  concurrency: number;
  nemesis: string;
  'nemesis-interval': number;
  seed: number;
  out?: string;
  reporter: 'text' | 'json';
  'op-timeout': number;
  'check-timeout': number;
  clients?: number;
  hosts?: string;
}

function parseNemesis(text: string): NemesisKind[] {
  const kinds = text.split(',').map((k) => k.trim()).filter((k) => k !== '' && k !== 'none');
  for (const k of kinds) if (!(NEMESIS_KINDS as readonly string[]).includes(k)) throw new InputError(`--nemesis: unknown fault ${k} (choose from ${NEMESIS_KINDS.join(', ')}, none)`);
  return [...new Set(kinds)] as NemesisKind[];
}

const positive = (name: string, x: number): void => {
  if (!(x > 0) || !Number.isFinite(x)) throw new InputError(`--${name} must be a positive number`);
};

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <spec>',
  describe: "run a configuration's actors as a real cluster under a nemesis and check its history",
  builder: (y: Argv) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec file' })
      .option('config', { type: 'string', demandOption: true, describe: 'the configuration to run (it needs a runtime.spec)' })
      .option('time-limit', { type: 'number', default: 10, describe: 'seconds of workload' })
      .option('rate', { type: 'number', default: 50, describe: 'new operations per second, over all clients' })
      .option('concurrency', { type: 'number', default: 3, describe: 'clients at a time' })
      .option('nemesis', { type: 'string', default: 'none', describe: `faults, comma-separated: ${NEMESIS_KINDS.join(',')} or none` })
      .option('nemesis-interval', { type: 'number', default: 1, describe: 'seconds between the nemesis starting a fault and ending it' })
      .option('seed', { type: 'number', default: 1, describe: "seed of the run's choices (clients, timers, faults)" })
      .option('out', { type: 'string', describe: 'directory for the history, fault log and report (default runs/<config>-<seed>)' })
      .option('reporter', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' })
      .option('op-timeout', { type: 'number', default: 1000, describe: 'milliseconds before an operation is left pending (:info) and its client retired' })
      .option('check-timeout', { type: 'number', default: 60, describe: 'seconds for the linearizability check before "unknown"' })
      .option('hosts', { type: 'string', describe: 'JSON file of node name → "host:port" (and "controller"): start each server by hand with interleave node; only network faults apply' })
      .option('clients', { type: 'number', describe: 'client nodes in the model (the spares replace retired clients; default 20 × concurrency)' })
      .check((a) => {
        for (const k of ['time-limit', 'rate', 'concurrency', 'nemesis-interval', 'op-timeout', 'check-timeout'] as const) positive(k, a[k] as number);
        if (!Number.isInteger(a.concurrency)) throw new InputError('--concurrency must be an integer');
        parseNemesis(a.nemesis as string);
        return true;
      }) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    // Loaded when the command runs: `interleave --help` and the other commands need none of it.
    const [{ runAndCheck }, { summaryText }] = await Promise.all([import('../runtime/run.ts'), import('../runtime/summary.ts')]);
    const nemesis = parseNemesis(args.nemesis);
    const hosts = args.hosts === undefined ? undefined : { file: args.hosts, hosts: readHosts(args.hosts) };
    if (hosts && nemesis.some((k) => k === 'kill' || k === 'pause')) throw new InputError(`--hosts: the controller cannot kill or pause nodes it did not start (use partition, loss, duplicate)`);
    const out = args.out ?? join('runs', `${args.config}-${args.seed}`);
    const clients = Math.max(args.clients ?? 20 * args.concurrency, args.concurrency);
    // A client's script long enough that it rarely runs out before it is retired.
    const operations = Math.ceil((args.rate * args['time-limit']) / args.concurrency) + 10;
    const progress = (line: string): void => void process.stderr.write(`${line}\n`);
    const result = await runAndCheck({
      target: { file: args.spec, config: args.config, clients, operations, seed: args.seed },
      timeLimitS: args['time-limit'],
      rate: args.rate,
      concurrency: args.concurrency,
      nemesis,
      nemesisIntervalS: args['nemesis-interval'],
      opTimeoutMs: args['op-timeout'],
      outDir: out,
      checkTimeoutS: args['check-timeout'],
      onProgress: progress,
      ...(hosts ? { hosts } : {}),
    });
    const { summary, outcome } = result;
    if (args.reporter === 'json') process.stdout.write(JSON.stringify(summary) + '\n');
    else {
      const lines = [summaryText(summary)];
      for (const e of outcome.errors) lines.push(`  error: ${e.node} at ${(e.t / 1000).toFixed(2)} s: ${e.message}`);
      if (outcome.clientPoolExhausted) lines.push('  note: every client node of the model was used; raise --clients for a longer run');
      if (result.explanation !== undefined) lines.push('', result.explanation);
      lines.push(`  report: ${result.files.html}`);
      process.stdout.write(lines.join('\n') + '\n');
    }
    process.exitCode = summary.result === 'linearizable' ? EXIT_OK : summary.result === 'not-linearizable' ? EXIT_VIOLATED : EXIT_UNKNOWN;
  },
};
