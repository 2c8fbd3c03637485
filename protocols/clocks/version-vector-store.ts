// A key-value store with version vectors and siblings, in the style of Dynamo (DeCandia et al.,
// 2007) and Riak: one key, replicated on every replica.
//
// A client reads (getting every sibling and their joined version vector, its context) and then
// writes with that context; a blind write has an empty context. The vector has one entry per client
// (the writer), so a write's own entry, its dot, names it uniquely: version v dominates w exactly
// when v's writer had seen w. A replica keeps every version that no other version dominates —
// concurrent writes become siblings — and pushes each new write to the other replicas, which merge
// it the same way (anti-entropy). The `last-writer-wins-wall-clock` bug replaces that with
// last-writer-wins on a per-replica wall clock: concurrent writes are resolved by keeping one.

import { actorSystem, always, sometimes, type Actor, type ActorModel, type Id, type SystemState, type SystemView } from '../../checker/index.ts';
import { compareVectors } from '../../checker/causality.ts';
import type { Bug } from './options.ts';
import { explainLostUpdate } from './no-lost-update.ts';
import type { Vector } from './vector-clock.ts';

export interface Version {
  readonly value: string;
  readonly vv: Vector;
  /** The bug variant only: (wall clock, replica) of the replica that took the write. */
  readonly wall?: readonly [number, Id];
}

export type StoreMessage =
  | { readonly type: 'Get' }
  | { readonly type: 'Values'; readonly versions: readonly Version[] }
  | { readonly type: 'Put'; readonly value: string; readonly vv: Vector }
  | { readonly type: 'Replicate'; readonly versions: readonly Version[] };

export interface Replica {
  /** Siblings, sorted by value. */
  readonly versions: readonly Version[];
  /** The bug variant's wall clock (0 otherwise). */
  readonly wallClock: number;
}

export interface Client {
  /** The joined version vector of the last read, or null before any read. */
  readonly context: Vector | null;
  readonly phase: 'idle' | 'reading' | 'done';
  readonly writes: number;
}

export type StoreNode = Replica | Client;
export type StoreState = SystemState<StoreNode, StoreMessage>;

export type ClientChoice = `read from R${number}` | `write to R${number}`;

export interface StoreOptions {
  readonly replicas: number;
  readonly clients: number;
  /** Whether a client may read before it writes (else every write is blind). */
  readonly reads?: boolean;
  readonly bug?: Bug;
}

/** The stamp of a client's write event and of a replica's event that takes the write. */
export type WriteStamp = { readonly write: string } | { readonly apply: string };

const join = (vs: readonly Version[], clients: number): Vector =>
  vs.reduce<Vector>((acc, v) => acc.map((x, k) => Math.max(x, v.vv[k]!)), Array.from({ length: clients }, () => 0));

/** The versions no other version dominates, each once, sorted: the merge of two replicas. */
export function merge(a: readonly Version[], b: readonly Version[], bug?: Bug): Version[] {
  const all = [...a, ...b];
  if (bug === 'last-writer-wins-wall-clock') {
    const newest = all.reduce((x, y) => (y.wall![0] > x.wall![0] || (y.wall![0] === x.wall![0] && y.wall![1] > x.wall![1]) ? y : x));
    return [newest];
  }
  const kept = all.filter((v) => !all.some((w) => compareVectors(v.vv, w.vv) === 'before'));
  const unique = kept.filter((v, i) => kept.findIndex((w) => w.value === v.value) === i);
  return unique.sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
}

export function replica(options: StoreOptions): Actor<Replica, StoreMessage> {
  return {
    name: 'R',
    init: () => ({ versions: [], wallClock: 0 }),
    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Get':
          ctx.send(from, { type: 'Values', versions: s.versions });
          return;
        case 'Put': {
          let version: Version = { value: msg.value, vv: msg.vv };
          if (options.bug === 'last-writer-wins-wall-clock') {
            s.wallClock += 1;
            version = { ...version, wall: [s.wallClock, ctx.self] };
          }
          s.versions = merge(s.versions, [version], options.bug) as typeof s.versions;
          ctx.broadcast({ type: 'Replicate', versions: [version] });
          ctx.stamp({ apply: msg.value } satisfies WriteStamp);
          return;
        }
        case 'Replicate':
          s.versions = merge(s.versions, msg.versions, options.bug) as typeof s.versions;
          return;
        default:
          return;
      }
    },
  };
}

export function client(options: StoreOptions): Actor<Client, StoreMessage, ClientChoice> {
  const replicas = Array.from({ length: options.replicas }, (_, r) => r + 1);
  return {
    name: 'C',
    init: () => ({ context: null, phase: 'idle', writes: 0 }),
    choices(s) {
      if (s.phase !== 'idle') return [];
      const writes = replicas.map((r) => `write to R${r}` as const);
      return options.reads && s.context === null ? [...replicas.map((r) => `read from R${r}` as const), ...writes] : writes;
    },
    onChoice(s, choice, ctx) {
      const r = Number(choice.slice(choice.lastIndexOf('R') + 1)) - 1;
      if (choice.startsWith('read')) {
        s.phase = 'reading';
        ctx.send(r, { type: 'Get' });
        return;
      }
      // The new version's vector: the context, with this client's entry moved to its next write.
      s.writes += 1;
      const base: Vector = s.context ? [...s.context] : Array.from({ length: options.clients }, () => 0);
      const index = ctx.system.clientIndex(ctx.self);
      const vv: Vector = base.map((x, k) => (k === index ? s.writes : x));
      const value = `C${index + 1}:${s.writes}`;
      s.phase = 'done';
      ctx.send(r, { type: 'Put', value, vv });
      ctx.stamp({ write: value } satisfies WriteStamp);
    },
    onMessage(s, _from, msg) {
      if (msg.type !== 'Values' || s.phase !== 'reading') return;
      s.context = [...join(msg.versions, options.clients)];
      s.phase = 'idle';
    },
  };
}

const replicas = (s: StoreState, system: SystemView): Replica[] => system.servers.map((id) => s.actors[id] as Replica);
const valuesOf = (r: Replica): string => r.versions.map((v) => v.value).join(',');

export const noLostUpdate = always<StoreState>('NoLostUpdate', (s) => explainLostUpdate(s) === undefined);

/** Convergence: once nothing is in flight, every replica holds the same values. */
export const convergence = always<StoreState>('Convergence', (s, system) => {
  if (s.network.length > 0) return true;
  const [first, ...rest] = replicas(s, system).map(valuesOf);
  return rest.every((v) => v === first);
});

export function versionVectorStore(options: StoreOptions): ActorModel<StoreNode, StoreMessage> {
  return actorSystem<StoreNode, StoreMessage>({
    actors: [
      { actor: replica(options), count: options.replicas },
      { actor: client(options), count: options.clients, client: true },
    ],
    causality: true,
    properties: [
      noLostUpdate,
      convergence,
      sometimes('Siblings', (s, system) => replicas(s, system).some((r) => r.versions.length > 1)),
      // With reads, a write can see another and supersede it.
      ...(options.reads
        ? [
            sometimes<StoreState>(
              'Overwritten',
              (s, system) =>
                s.network.length === 0 &&
                replicas(s, system).every((r) => r.versions.length === 1) &&
                system.clients.every((id) => (s.actors[id] as Client).phase === 'done'),
            ),
          ]
        : []),
    ],
    formatMessage: (m) => {
      const show = (vs: readonly Version[]): string => vs.map((v) => `${v.value}[${v.vv.join(',')}]`).join(' ');
      switch (m.type) {
        case 'Get':
          return 'Get';
        case 'Values':
          return `Values(${show(m.versions)})`;
        case 'Put':
          return `Put(${m.value} [${m.vv.join(',')}])`;
        case 'Replicate':
          return `Replicate(${show(m.versions)})`;
      }
    },
  });
}
