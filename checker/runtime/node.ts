// A server node of a real run, in a process of its own (started by the controller with `fork`, so
// that a kill is a real SIGKILL and a pause a real SIGSTOP). It builds the run's model as the
// controller does, runs its actor's handlers on the datagrams the controller forwards, keeps its
// durable fields in a file of its own (fsync'd before the step's messages leave), and after a
// restart comes back from that file.

import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { readPackets, writePacket } from './stream.ts';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Id } from '../actor/actor.ts';
import { configure } from '../actor/system-config.ts';
import { LiveActor } from './live-actor.ts';
import { derivedSeed, Random } from './random.ts';
import { loadRunModel, type RunTarget } from './run-model.ts';
import { InputError } from '../errors.ts';
import { readHosts } from './hosts.ts';
import { CONTROLLER, type Control } from './remote-servers.ts';
import { decodePacket, encodePacket, type NodeReport, type Packet } from './wire.ts';

export interface NodeArgs {
  readonly target: RunTarget;
  readonly node: Id;
  /** How many times this node has been started before (its timers draw from a fresh stream). */
  readonly incarnation: number;
  readonly controllerPort: number;
  /** For an ordered network: the controller's TCP port, over which the node sends and receives. */
  readonly controllerTcpPort?: number;
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
  const stream = args.controllerTcpPort === undefined ? undefined : connect(args.controllerTcpPort, '127.0.0.1');
  const send = (p: Packet): void => {
    if (stream) writePacket(stream, p);
    else socket.send(encodePacket(p), args.controllerPort, '127.0.0.1');
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
  if (stream) {
    await new Promise<void>((resolve, reject) => {
      stream.once('connect', resolve);
      stream.once('error', reject);
    });
    stream.setNoDelay(true);
    // The first line names the node; then packets both ways.
    writePacket(stream, { from: node.id, to: CONTROLLER, msg: { control: 'hello', node: node.name }, tag: null });
    readPackets(stream, (p) => {
      if (p.to === node.id) actor.deliver(p.from, p.msg, p.tag);
    });
    stream.on('close', () => process.exit(0));
  }
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
  takeLocalChoices(actor, random);
  // The controller going away ends the node.
  process.on('disconnect', () => process.exit(0));
}

/** A server's own local choices are taken at random, one every 50–150 ms. */
function takeLocalChoices(actor: LiveActor<unknown, unknown>, random: Random): void {
  if (!actor.node.actor.choices) return;
  const tick = (): void => {
    const enabled = actor.choices();
    if (enabled.length > 0) actor.choose(random.pick(enabled), null);
    setTimeout(tick, random.between(50, 150));
  };
  setTimeout(tick, random.between(50, 150));
}

export interface RemoteNodeArgs {
  readonly file: string;
  readonly config: string;
  /** The node's name in the model, e.g. `replica2`. */
  readonly node: string;
  readonly hostsFile: string;
  readonly dataDir: string;
}

/**
 * One server of a run across machines (`interleave node`): it listens at its address in the hosts
 * file, says hello to the controller until told to start (with the run's shape, so that it builds
 * the controller's model), then runs as a forked node does, until the controller says stop. A
 * handler that throws ends the process (restart it by hand: it comes back from its durable file).
 */
export async function runRemoteNode(args: RemoteNodeArgs): Promise<void> {
  const hosts = readHosts(args.hostsFile);
  const me = hosts.get(args.node);
  if (me === undefined) throw new InputError(`${args.hostsFile}: no address for ${args.node}`);
  const controller = hosts.get('controller')!;
  mkdirSync(args.dataDir, { recursive: true });
  const socket = createSocket('udp4');
  const send = (p: Packet): void => {
    socket.send(encodePacket(p), controller.port, controller.host);
  };
  let actor: LiveActor<unknown, unknown> | undefined;
  let hello: NodeJS.Timeout | undefined;
  // Messages that arrive while the model loads are delivered once the node has started.
  const early: Packet[] = [];
  const start = async (shape: { clients: number; operations: number; seed: number }): Promise<void> => {
    const run = await loadRunModel({ file: args.file, config: args.config, ...shape });
    const sys = configure(run.declaration);
    const node = sys.nodes.find((n) => n.name === args.node);
    if (node === undefined || node.client !== undefined) throw new InputError(`${args.file}: ${args.config} has no server ${args.node}`);
    const file = durableFile(args.dataDir, node.name);
    const random = new Random(derivedSeed(shape.seed, 1000 * (node.id + 1) + process.pid));
    const live = new LiveActor(
      sys,
      node,
      random,
      {
        send,
        persist: (durable) => writeDurably(file, durable),
        crashed: (message) => {
          process.stderr.write(`interleave node: ${message}\n`);
          process.exit(70);
        },
      },
      run.runtime?.timers,
    );
    actor = live;
    live.start(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null);
    for (const p of early.splice(0)) live.deliver(p.from, p.msg, p.tag);
    send({ from: CONTROLLER, to: CONTROLLER, msg: { control: 'started', node: args.node }, tag: null });
    takeLocalChoices(live, random);
  };
  let starting: Promise<void> | undefined;
  socket.on('message', (data) => {
    const p = decodePacket(data);
    if (p === undefined) return;
    if (p.from !== CONTROLLER) {
      if (actor) actor.deliver(p.from, p.msg, p.tag);
      else early.push(p);
      return;
    }
    const c = p.msg as Control;
    if (c.control === 'start' && starting === undefined) {
      clearInterval(hello);
      starting = start(c).catch((e: unknown) => {
        process.stderr.write(`interleave: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(2);
      });
    } else if (c.control === 'stop') {
      actor?.stop();
      socket.close();
      process.exit(0);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', (e) => reject(new InputError(`cannot listen on ${me.host}:${me.port}: ${e.message}`)));
    socket.bind(me.port, me.host, resolve);
  });
  const sayHello = (): void => send({ from: CONTROLLER, to: CONTROLLER, msg: { control: 'hello', node: args.node }, tag: null });
  sayHello();
  hello = setInterval(sayHello, 250);
  // Runs until the controller says stop.
  await new Promise<never>(() => {});
}
