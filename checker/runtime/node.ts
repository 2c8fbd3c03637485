// A server node of a real run, in a process of its own (started by the controller with `fork`, so
// that a kill is a real SIGKILL and a pause a real SIGSTOP). It builds the run's model as the
// controller does, runs its actor's handlers on the datagrams the controller forwards, keeps its
// durable fields in a file of its own (fsync'd before the step's messages leave), and after a
// restart comes back from that file.

import { createSocket } from 'node:dgram';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Id } from '../actor/actor.ts';
import { configure } from '../actor/system-config.ts';
import { LiveActor } from './live-actor.ts';
import { derivedSeed, Random } from './random.ts';
import { loadRunModel, type RunTarget } from './run-model.ts';
import { decodePacket, encodePacket, type NodeReport } from './wire.ts';

export interface NodeArgs {
  readonly target: RunTarget;
  readonly node: Id;
  /** How many times this node has been started before (its timers draw from a fresh stream). */
  readonly incarnation: number;
  readonly controllerPort: number;
  /** Where the node's durable file lives. */
  readonly dataDir: string;
}

/** The file that holds node `name`'s durable fields. */
export function durableFile(dataDir: string, name: string): string {
  return join(dataDir, `${name}.durable.json`);
}

/** Writes `value` to `file` so that a crash leaves either the old or the new contents. */
function writeDurably(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(value));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export async function runNode(args: NodeArgs): Promise<void> {
  const report = (r: NodeReport, then?: () => void): void => {
    if (process.send) process.send(r, () => then?.());
    else then?.();
  };
  const { declaration, runtime } = await loadRunModel(args.target);
  const sys = configure(declaration);
  const node = sys.nodes[args.node];
  if (node === undefined || node.client !== undefined) throw new Error(`node ${args.node} is not a server of ${args.target.config}`);
  const file = durableFile(args.dataDir, node.name);
  const socket = createSocket('udp4');
  const send = (p: Parameters<typeof encodePacket>[0]): void => {
    socket.send(encodePacket(p), args.controllerPort, '127.0.0.1');
  };
  const random = new Random(derivedSeed(args.target.seed, 1000 * (args.node + 1) + args.incarnation));
  const actor = new LiveActor(
    sys,
    node,
    random,
    {
      send,
      persist: (durable) => writeDurably(file, durable),
      // A handler that throws is a crash: say why, then die as a kill would.
      crashed: (message) => report({ type: 'error', message }, () => process.kill(process.pid, 'SIGKILL')),
    },
    runtime?.timers,
  );
  socket.on('message', (data) => {
    const p = decodePacket(data);
    if (p !== undefined && p.to === node.id) actor.deliver(p.from, p.msg, p.tag);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const recovered = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
  // Ready (listening); started when the controller says so (once every node listens).
  const go = new Promise<void>((resolve) => {
    const onMessage = (m: unknown): void => {
      if ((m as { type?: unknown }).type !== 'start') return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
    if (!process.send) resolve();
  });
  report({ type: 'ready', port: socket.address().port, recovered });
  await go;
  actor.start(recovered);
  // A server's own local choices are taken at random, one every 50–150 ms.
  if (node.actor.choices) {
    const tick = (): void => {
      const enabled = actor.choices();
      if (enabled.length > 0) actor.choose(random.pick(enabled), null);
      setTimeout(tick, random.between(50, 150));
    };
    setTimeout(tick, random.between(50, 150));
  }
  // The controller going away ends the node.
  process.on('disconnect', () => process.exit(0));
}
