// A real run of an actor system: the controller. It starts one process per server, runs the
// clients itself, routes every message (so the nemesis can partition, lose and duplicate them),
// lets the nemesis kill, pause and restart servers, and records the clients' history. It stops by
// itself: after the time limit it ends the faults, waits for pending operations up to the
// operation timeout, then kills every server.

import { createSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { readPackets, writePacket } from './stream.ts';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Id } from '../actor/actor.ts';
import { configure } from '../actor/system-config.ts';
import { Clients } from './clients.ts';
import type { FaultEvent, NemesisKind } from './faults-log.ts';
import { Nemesis } from './nemesis.ts';
import { durableFile } from './node.ts';
import { derivedSeed, Random } from './random.ts';
import { NetworkFaults, type Fate, type RoutedPacket } from './router.ts';
import { RunHistory } from './run-history.ts';
import { loadRunModel, type RunModel, type RunTarget } from './run-model.ts';
import { InputError } from '../errors.ts';
import type { Hosts } from './hosts.ts';
import { CONTROLLER, RemoteServers, type Control } from './remote-servers.ts';
import { Servers, type ServerEvents, type ServerProcesses } from './servers.ts';
import { decodePacket, encodePacket, type Packet } from './wire.ts';

export interface ClusterOptions {
  readonly target: RunTarget;
  readonly timeLimitS: number;
  readonly rate: number;
  readonly concurrency: number;
  readonly nemesis: readonly NemesisKind[];
  readonly nemesisIntervalS: number;
  readonly opTimeoutMs: number;
  /** Where node data (durable files) go. */
  readonly outDir: string;
  /** Keep every routed message's fate (for tests of the routing); counts are always kept. */
  readonly recordRouting?: boolean;
  readonly onProgress?: (line: string) => void;
  /** Run across machines: the servers are started by hand (`interleave node`) at these addresses. */
  readonly hosts?: { readonly file: string; readonly hosts: Hosts };
}

/** A node restarted from its durable file, next to what the file held when it was killed. */
export interface Recovery {
  readonly t: number;
  readonly node: string;
  readonly recovered: Record<string, unknown> | null;
  readonly atKill: Record<string, unknown> | null;
}

export interface RunOutcome {
  readonly run: RunModel;
  readonly history: RunHistory;
  readonly faults: readonly FaultEvent[];
  readonly routing: readonly RoutedPacket[];
  readonly fates: Readonly<Record<Fate, number>>;
  /** Handler errors and unexpected exits, by node. */
  readonly errors: readonly { readonly t: number; readonly node: string; readonly message: string }[];
  readonly recoveries: readonly Recovery[];
  /** How long the workload ran, in milliseconds. */
  readonly durationMs: number;
  readonly clientPoolExhausted: boolean;
  /** How messages travelled: UDP datagrams, or TCP streams for an ordered network. */
  readonly transport: 'udp' | 'tcp';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs the cluster; `loaded` is the run's model when the caller has loaded it already. */
export async function runCluster(options: ClusterOptions, loaded?: RunModel): Promise<RunOutcome> {
  const run = loaded ?? (await loadRunModel(options.target));
  const sys = configure(run.declaration);
  const names = sys.nodeNames;
  const dataDir = join(options.outDir, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const history = new RunHistory();
  const ms = (): number => history.now() / 1000;
  const faults: FaultEvent[] = [];
  const errors: { t: number; node: string; message: string }[] = [];
  const recoveries: Recovery[] = [];
  const routing: RoutedPacket[] = [];
  const fates: Record<Fate, number> = { delivered: 0, duplicated: 0, partitioned: 0, lost: 0, down: 0, stale: 0 };
  const atKill = new Map<Id, Record<string, unknown> | null>();
  const crashed = new Set<Id>();
  const progress = options.onProgress ?? (() => {});
  const logFault = (e: Omit<FaultEvent, 't'>): void => {
    const event = { t: ms(), ...e };
    faults.push(event);
    progress(`${(event.t / 1000).toFixed(1)}s ${e.phase === 'start' ? 'start' : 'end'} ${e.kind} ${e.detail}`);
  };

  const socket = createSocket('udp4');
  const listen = options.hosts?.hosts.get('controller') ?? { host: '127.0.0.1', port: 0 };
  await new Promise<void>((resolve, reject) => {
    socket.once('error', (e) => reject(new InputError(`cannot listen on ${listen.host}:${listen.port}: ${e.message}`)));
    socket.bind(listen.port, listen.host, resolve);
  });
  const controllerPort = socket.address().port;
  // An ordered network runs over TCP: one connection per forked node, packets as lines.
  const streams = new Map<Id, Socket>();
  const tcp = sys.ordered && !options.hosts ? createServer() : undefined;
  if (tcp) {
    tcp.on('connection', (conn) => {
      conn.setNoDelay(true);
      let id: Id | undefined;
      readPackets(conn, (p) => {
        if (id === undefined) {
          id = p.from;
          streams.set(id, conn);
        } else forward(p);
      });
      conn.on('close', () => {
        if (id !== undefined && streams.get(id) === conn) streams.delete(id);
      });
      conn.on('error', () => {});
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  }
  const tcpPort = tcp ? (tcp.address() as AddressInfo).port : undefined;

  const network = new NetworkFaults((id) => sys.nodes[id]?.client === undefined, new Random(derivedSeed(options.target.seed, 1)));
  let stopping = false;
  const restartLater = (id: Id): void => {
    setTimeout(() => {
      if (!stopping && !servers.isUp(id)) void servers.start(id);
    }, options.nemesisIntervalS * 1000);
  };
  const events: ServerEvents = {
    ready(id, recovered) {
      if (recovered !== null) recoveries.push({ t: ms(), node: names[id]!, recovered, atKill: atKill.get(id) ?? null });
      // A node that crashed (its handler threw) is back.
      if (crashed.delete(id)) logFault({ kind: 'crash', phase: 'end', detail: names[id]! });
    },
    // Record, at each kill, what the node's durable file held: its restart must come back to it.
    killed(id) {
      if (stopping) return;
      const file = durableFile(dataDir, names[id]!);
      atKill.set(id, existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null);
    },
    error(id, message) {
      errors.push({ t: ms(), node: names[id]!, message });
      crashed.add(id);
      logFault({ kind: 'crash', phase: 'start', detail: names[id]! });
      progress(`${names[id]} crashed: ${message}`);
    },
    exited(id, code, signal, stderr) {
      if (stopping) return;
      const last = stderr.trim().split('\n').slice(-1)[0] ?? '';
      if (!errors.some((e) => e.node === names[id] && ms() - e.t < 1000)) {
        errors.push({ t: ms(), node: names[id]!, message: `exited (${signal ?? `code ${code}`})${last ? `: ${last}` : ''}` });
      }
      restartLater(id);
    },
  };
  const remote = options.hosts
    ? new RemoteServers(options.hosts.hosts, options.hosts.file, names, sys.serverIds, options.target, (to, c) => socket.send(encodePacket({ from: CONTROLLER, to: CONTROLLER, msg: c, tag: null }), to.port, to.host), (id) => events.ready(id, null))
    : undefined;
  const servers: ServerProcesses = remote ?? new Servers(options.target, () => controllerPort, tcpPort, dataDir, events);

  const forward = (p: Packet): void => {
    const fate = route(p);
    fates[fate]++;
    if (options.recordRouting) routing.push({ t: ms(), from: p.from, to: p.to, fate });
  };
  const clients = new Clients(sys, new Random(derivedSeed(options.target.seed, 2)), history, forward, {
    concurrency: options.concurrency,
    rate: options.rate,
    opTimeoutMs: options.opTimeoutMs,
    ...(run.runtime?.timers ? { timers: run.runtime.timers } : {}),
  });
  function route(p: Packet): Fate {
    const fate = network.fate(p.from, p.to);
    if (fate === 'partitioned' || fate === 'lost') return fate;
    const copies = fate === 'duplicated' ? 2 : 1;
    if (clients.isClient(p.to)) {
      for (let i = 0; i < copies; i++) if (!clients.deliver(p)) return 'stale';
      return fate;
    }
    const to = servers.address(p.to);
    if (to === undefined) return 'down';
    if (tcp) {
      const conn = streams.get(p.to);
      if (conn === undefined) return 'down';
      for (let i = 0; i < copies; i++) writePacket(conn, p);
      return fate;
    }
    const data = encodePacket(p);
    for (let i = 0; i < copies; i++) socket.send(data, to.port, to.host);
    return fate;
  }
  socket.on('message', (data) => {
    const p = decodePacket(data);
    if (p === undefined) return;
    if (p.from !== CONTROLLER) forward(p);
    else if (remote) {
      const c = p.msg as Control | null;
      if (c?.control === 'hello') remote.hello(c.node);
      else if (c?.control === 'started') remote.startedAt(c.node);
    }
  });

  if (sys.ordered && options.hosts) progress('note: the network is ordered (FIFO per channel), but a run across hosts sends over UDP, which may reorder');
  if (remote) progress(`waiting for ${sys.serverIds.map((id) => names[id]).join(', ')} (start each with interleave node)`);
  await Promise.all(sys.serverIds.map((id) => servers.start(id, false)));
  for (const id of sys.serverIds) servers.go(id);
  if (remote) await remote.everyStarted();
  progress(`${sys.serverIds.length} servers up; clients at ${options.rate}/s, concurrency ${options.concurrency}, nemesis ${options.nemesis.join(',') || 'none'}`);

  const nemesis = new Nemesis(options.nemesis, new Random(derivedSeed(options.target.seed, 3)), sys.serverIds, names, servers, network, logFault);
  history.restartClock();
  const start = ms();
  const workload = setInterval(() => clients.tick(), 2);
  const beat = setInterval(() => void nemesis.beat(), options.nemesisIntervalS * 1000);
  const report = setInterval(() => {
    const done = history.operations.filter((o) => o.ret !== undefined).length;
    progress(`${((ms() - start) / 1000).toFixed(1)}s ${done} operations completed, ${clients.pending} pending`);
  }, 1000);
  await sleep(options.timeLimitS * 1000);
  clearInterval(beat);
  clearInterval(report);
  await nemesis.end();
  clients.stopInvoking();
  const drainUntil = ms() + options.opTimeoutMs;
  while (clients.pending > 0 && ms() < drainUntil) await sleep(10);
  clearInterval(workload);
  const durationMs = ms() - start;
  clients.retireAll();
  stopping = true;
  await servers.stopAll();
  socket.close();
  for (const conn of streams.values()) conn.destroy();
  tcp?.close();
  for (const message of clients.errors) errors.push({ t: ms(), node: 'client', message });
  return { run, history, faults, routing, fates, errors, recoveries, durationMs, clientPoolExhausted: clients.exhausted, transport: tcp ? 'tcp' : 'udp' };
}
