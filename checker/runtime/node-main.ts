// The entry of a node process: its arguments are one JSON argument (node.ts's NodeArgs).

import { runNode, type NodeArgs } from './node.ts';

const args = JSON.parse(process.argv[2] ?? '{}') as NodeArgs;
runNode(args).catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  if (process.send) process.send({ type: 'error', message }, () => process.exit(70));
  else process.exit(70);
});
