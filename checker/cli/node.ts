// `interleave node <spec> --config NAME --node NAME --hosts FILE`: one server of a configuration, for
// a run across machines (`interleave run … --hosts FILE`). It listens at its address in the hosts
// file and runs until the controller ends the run.

import type { Argv, CommandModule } from 'yargs';

interface NodeArgs {
  spec: string;
  config: string;
  node: string;
  hosts: string;
  data: string;
}

export const nodeCommand: CommandModule<object, NodeArgs> = {
  command: 'node <spec>',
  describe: 'run one server of a configuration for interleave run --hosts',
  builder: (y: Argv) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec file' })
      .option('config', { type: 'string', demandOption: true, describe: 'the configuration' })
      .option('node', { type: 'string', demandOption: true, describe: 'the server to run, by name (e.g. replica2)' })
      .option('hosts', { type: 'string', demandOption: true, describe: 'JSON file of node name → "host:port" (and "controller")' })
      .option('data', { type: 'string', default: 'node-data', describe: "directory for the node's durable file" }) as unknown as Argv<NodeArgs>,
  handler: async (args) => {
    // Loaded when the command runs: `interleave --help` and the other commands need none of it.
    const { runRemoteNode } = await import('../runtime/node.ts');
    await runRemoteNode({ file: args.spec, config: args.config, node: args.node, hostsFile: args.hosts, dataDir: args.data });
  },
};
