// An actor system compiled to a Model: the state is every actor's state, the network, the armed
// timers, which nodes are down, the clients' history and the faults spent so far.

import { freeze, produce, type Draft } from 'immer';
import { HandlerError, InputError } from '../errors.ts';
import type { Model } from '../model.ts';
import { withView, type Property } from '../properties.ts';
import type { ActorAction } from './actions.ts';
import type { Actor, Context, Id } from './actor.ts';
import { emptyHistory, pending, recordInvoke, recordReturn, type ClientHistory } from './client-history.ts';
import { candidates, envelope, find, insert, removeAt, type Network } from './network.ts';
import { formatActorAction } from './format.ts';
import { detach } from './detach.ts';
import { causalEnvelope, causalSuffix, emptyLog, findSent, presentLog, recordEvent, sentOf, withSent, type Cause, type CausalLog } from './causality.ts';
import { symmetryCanonicaliser, type SymmetryOptions } from './symmetry.ts';
import { independence } from './independence.ts';
import { actorFairness, fairnessByNode, type GroupFairness } from './fairness.ts';
import { systemView, type SystemView } from './system-view.ts';

export interface NetworkOptions {
  /** FIFO per channel; a multiset when false (the default). */
  readonly ordered?: boolean;
  /** How many messages the network may lose in a run. */
  readonly lose?: number;
  /** How many messages the network may duplicate in a run. */
  readonly duplicate?: number;
}

export interface FaultOptions {
  /** How many crashes a run may have (clients never crash). */
  readonly crashes?: number;
  /** Whether a crashed node restarts (from its durable state). Default true. */
  readonly restart?: boolean;
  /** Whether a crash also loses the messages in flight to the node. Default true. */
  readonly crashLosesMessages?: boolean;
  /** How many partitions a run may have. A partition splits the servers in two until `heal`;
   *  messages between the sides wait in the network. Clients reach every server. */
  readonly partitions?: number;
}

/** One role of the system and how many nodes play it. Client groups fix the types of the
 *  operations in the clients' history (`I`, `O`). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export type ActorGroup<S, M, I = unknown, O = unknown> = ServerGroup<M> | ClientGroup<M, I, O>;

interface ServerGroup<M> {
  // Erased: actors of different roles (different states, choices, client operations) share one
  // system, whose state type S is the union of their states.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly actor: Actor<any, M, any, any, any>;
  readonly count?: number;
  readonly client?: false;
  /** Which of the group's steps are fair, for liveness properties (defaults in fairness.ts). */
  readonly fairness?: GroupFairness;
}

interface ClientGroup<M, I, O> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly actor: Actor<any, M, any, I, O>;
  readonly count?: number;
  /** Client actors record the history and are outside faults and partitions. */
  readonly client: true;
  /** Which of the group's steps are fair, for liveness properties (defaults in fairness.ts). */
  readonly fairness?: GroupFairness;
}

/** A property of a system: it sees the state and, if it asks, the system's view. */
export type SystemProperty<S, M, I = unknown, O = unknown> = Property<SystemState<S, M, I, O>, SystemView>;

export interface ActorSystemOptions<S, M, I = unknown, O = unknown> {
  readonly actors: readonly ActorGroup<S, M, I, O>[];
  readonly network?: NetworkOptions;
  readonly faults?: FaultOptions;
  readonly properties: readonly SystemProperty<S, M, I, O>[];
  readonly within?: (s: SystemState<S, M, I, O>) => boolean;
  /**
   * A delivery that changes nothing (same state, nothing sent) is not a transition by default: the
   * message stays in flight (Stateright's semantics). Keep them to model consuming such messages.
   */
  readonly keepNoopDeliveries?: boolean;
  readonly formatMessage?: (m: M) => string;
  /**
   * Keep the true happens-before relation in the state (`SystemState.causality`): every event's
   * true vector clock and the protocol's `ctx.stamp`. See causality.ts.
   */
  readonly causality?: boolean;
  /**
   * Interchangeable nodes: groups of server ids (`[[1, 2, 3]]`), or the groups with hooks that
   * rename node ids inside states and messages. Used when the search asks for symmetry
   * (`--symmetry`); see symmetry.ts.
   */
  readonly symmetry?: readonly (readonly Id[])[] | SymmetryOptions<S, M>;
}

export interface FaultsSpent {
  readonly crashes: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly partitions: number;
}

/** `I` and `O` are the inputs and outputs of the clients' operations. */
export interface SystemState<S, M, I = unknown, O = unknown> {
  /** Each node's state; a crashed node holds only its durable fields. */
  readonly actors: readonly S[];
  readonly crashed: readonly boolean[];
  /** Armed timers per node, sorted. */
  readonly timers: readonly (readonly string[])[];
  readonly network: Network<M>;
  readonly history: ClientHistory<I, O>;
  readonly faults: FaultsSpent;
  /** The isolated side of the current partition (sorted), or null. */
  readonly partition: readonly Id[] | null;
  /** With `causality: true`: every node's events in program order, with true vector clocks. */
  readonly causality?: CausalLog;
}

/** The compiled model, with what a renderer needs to name nodes. */
export interface ActorModel<S, M, I = unknown, O = unknown> extends Model<SystemState<S, M, I, O>, ActorAction<M>> {
  readonly system: SystemView;
  readonly nodeNames: readonly string[];
  readonly clientIds: readonly Id[];
  readonly serverIds: readonly Id[];
}

interface Node<S, M> {
  readonly id: Id;
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly actor: Actor<S, M, any, any, any>;
  readonly client: number | undefined;
}

const NO_FAULTS: FaultsSpent = Object.freeze({ crashes: 0, lost: 0, duplicated: 0, partitions: 0 });

/** What a handler asked for, applied to the system after it returns. */
class Effects<M> implements Context<M> {
  sends: { to: Id; msg: M }[] = [];
  timersSet: string[] = [];
  timersCancelled: string[] = [];
  invoked: { input: unknown }[] = [];
  completed: { output: unknown }[] = [];
  stamped: { value: unknown } | undefined = undefined;
  /** Whether stamps are recorded (causality on); otherwise `stamp` does nothing. */
  causal = false;
  constructor(
    readonly self: Id,
    readonly servers: readonly Id[],
    readonly peers: readonly Id[],
    private readonly size: number,
    readonly system: SystemView,
  ) {}
  send(to: Id, msg: M): void {
    if (!Number.isInteger(to) || to < 0 || to >= this.size) throw new Error(`send to unknown node ${String(to)}`);
    this.sends.push({ to, msg: detach(msg) });
  }
  broadcast(msg: M, to: readonly Id[] = this.peers): void {
    for (const t of to) this.send(t, msg);
  }
  setTimer(name: string): void {
    this.timersSet.push(name);
    this.timersCancelled = this.timersCancelled.filter((t) => t !== name);
  }
  cancelTimer(name: string): void {
    this.timersCancelled.push(name);
    this.timersSet = this.timersSet.filter((t) => t !== name);
  }
  invoke(input: unknown): void {
    this.invoked.push({ input: detach(input) });
  }
  complete(output: unknown): void {
    this.completed.push({ output: detach(output) });
  }
  stamp(value: unknown): void {
    if (this.causal) this.stamped = { value };
  }
  get empty(): boolean {
    return (
      this.sends.length === 0 &&
      this.timersSet.length === 0 &&
      this.timersCancelled.length === 0 &&
      this.invoked.length === 0 &&
      this.completed.length === 0 &&
      this.stamped === undefined
    );
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function actorSystem<S, M, I = unknown, O = unknown>(options: ActorSystemOptions<S, M, I, O>): ActorModel<S, M, I, O> {
  const nodes: Node<S, M>[] = [];
  let clientCount = 0;
  const perRole = new Map<string, number>();
  for (const g of options.actors) {
    const count = g.count ?? 1;
    const total = options.actors.filter((x) => x.actor.name === g.actor.name).reduce((k, x) => k + (x.count ?? 1), 0);
    for (let i = 0; i < count; i++) {
      const k = perRole.get(g.actor.name) ?? 0;
      perRole.set(g.actor.name, k + 1);
      const name = total === 1 ? g.actor.name : `${g.actor.name}${k + 1}`;
      nodes.push({ id: nodes.length, name, actor: g.actor, client: g.client ? clientCount++ : undefined });
    }
  }
  const serverIds = Object.freeze(nodes.filter((n) => n.client === undefined).map((n) => n.id));
  const clientIds = Object.freeze(nodes.filter((n) => n.client !== undefined).map((n) => n.id));
  const peersOf = nodes.map((n) => Object.freeze(serverIds.filter((id) => id !== n.id)));
  const view = systemView(nodes.map((n) => ({ name: n.name, role: n.actor.name, client: n.client !== undefined })));
  const ordered = options.network?.ordered ?? false;
  const maxLost = options.network?.lose ?? 0;
  const maxDuplicated = options.network?.duplicate ?? 0;
  const maxCrashes = options.faults?.crashes ?? 0;
  const restarts = options.faults?.restart ?? true;
  const crashLosesMessages = options.faults?.crashLosesMessages ?? true;
  const maxPartitions = options.faults?.partitions ?? 0;
  const partitionChoices = maxPartitions > 0 ? splits(serverIds) : [];
  const nodeNames = nodes.map((n) => n.name);
  const formatMessage = options.formatMessage ?? ((m: M) => JSON.stringify(m));
  const causal = options.causality ?? false;
  const symmetryOptions = options.symmetry === undefined ? undefined : Array.isArray(options.symmetry) ? { groups: options.symmetry as readonly (readonly Id[])[] } : (options.symmetry as SymmetryOptions<S, M>);
  if (symmetryOptions && causal) throw new InputError('symmetry and causality cannot be combined: the causal log names nodes');
  const canonical = symmetryOptions ? symmetryCanonicaliser<S, M, SystemState<S, M>>(symmetryOptions, nodes.length, serverIds, ordered) : undefined;
  const label = (a: ActorAction<M>): string =>
    formatActorAction(a, nodeNames, formatMessage) + (causal ? causalSuffix(a, nodeNames) : '');
  /** The envelope an action names; in a causal system, by its send event too. */
  const locate = (net: Network<M>, a: Extract<ActorAction<M>, { kind: 'deliver' | 'lose' | 'duplicate' }>, fifo: boolean): number =>
    causal ? findSent(net, a, fifo) : find(net, a.from, a.to, a.msg, fifo);

  const context = (id: Id): Effects<M> => {
    const fx = new Effects<M>(id, serverIds, peersOf[id]!, nodes.length, view);
    fx.causal = causal;
    return fx;
  };

  /** Runs a handler under immer; names the node and the action if it throws. */
  function run(node: Node<S, M>, base: S, what: ActorAction<M>, body: (d: Draft<S>, ctx: Effects<M>) => void): { state: S; fx: Effects<M> } {
    const fx = context(node.id);
    try {
      const state = produce(base, (d) => {
        body(d, fx);
      }) as S;
      return { state, fx };
    } catch (e) {
      if (e instanceof InputError) throw e;
      // The action is named only when it is needed: formatting it for every step cost 3% of a run.
      throw new HandlerError(`${node.name} threw while handling ${label(what)}: ${message(e)}`);
    }
  }

  function partitioned(s: SystemState<S, M>, from: Id, to: Id): boolean {
    if (s.partition === null || nodes[from]!.client !== undefined || nodes[to]!.client !== undefined) return false;
    return s.partition.includes(from) !== s.partition.includes(to);
  }

  /** Applies a handler's effects to the system, with the node's new state. */
  function apply(s: SystemState<S, M>, node: Node<S, M>, state: S, fx: Effects<M>, network: Network<M> = s.network, cause?: Cause): SystemState<S, M> {
    // An unchanged actor state keeps the actors array itself: the successor shares it, and its
    // fingerprint is then found by identity instead of re-hashed.
    let actors = s.actors;
    if (state !== actors[node.id]) {
      const copy = actors.slice();
      copy[node.id] = state;
      actors = copy;
    }
    // Causality: the step is an event (an init only when it sends or stamps); its sends name it.
    let causality = s.causality;
    if (causality !== undefined && cause !== undefined && (cause.kind !== 'init' || fx.sends.length > 0 || fx.stamped)) {
      causality = recordEvent(causality, node.id, cause, fx.sends.length, fx.stamped);
    }
    const sent = causality === s.causality ? undefined : causality![node.id]!.length;
    let net = network;
    for (const { to, msg } of fx.sends) {
      if (crashLosesMessages && s.crashed[to]) continue;
      const m = freeze(msg, true);
      net = insert(net, sent === undefined ? envelope(node.id, to, m) : causalEnvelope(node.id, to, m, sent), ordered);
    }
    let timers = s.timers;
    if (fx.timersSet.length > 0 || fx.timersCancelled.length > 0) {
      const mine = new Set(s.timers[node.id]);
      for (const t of fx.timersCancelled) mine.delete(t);
      for (const t of fx.timersSet) mine.add(t);
      const copy = s.timers.slice();
      copy[node.id] = Object.freeze([...mine].sort());
      timers = copy;
    }
    let history = s.history;
    if (fx.invoked.length > 0 || fx.completed.length > 0) {
      const c = node.client;
      if (c === undefined) throw new HandlerError(`${node.name} is not a client: only clients record history`);
      for (const { output } of fx.completed) {
        if (!pending(history, c)) throw new HandlerError(`${node.name} completed an operation it had not invoked`);
        history = recordReturn(history, c, output);
      }
      for (const { input } of fx.invoked) {
        if (pending(history, c)) throw new HandlerError(`${node.name} invoked an operation while one is pending`);
        history = recordInvoke(history, c, input);
      }
    }
    return systemState(actors, s.crashed, timers, net, history, s.faults, s.partition, causality);
  }

  function initial(): SystemState<S, M> {
    let s: SystemState<S, M> = {
      actors: [],
      crashed: nodes.map(() => false),
      timers: nodes.map(() => Object.freeze([])),
      network: [],
      history: emptyHistory(clientCount),
      faults: NO_FAULTS,
      partition: null,
      ...(causal ? { causality: emptyLog(nodes.length) } : {}),
    };
    for (const node of nodes) {
      const fx = context(node.id);
      let state: S;
      try {
        state = freeze(node.actor.init(fx), true);
      } catch (e) {
        throw new HandlerError(`${node.name} threw in init: ${message(e)}`);
      }
      s = apply(s, node, state, fx, s.network, { kind: 'init' });
    }
    return s;
  }

  function durablePart(node: Node<S, M>, state: S): S {
    const keep: Record<string, unknown> = {};
    for (const k of node.actor.durable ?? []) keep[k] = (state as Record<string, unknown>)[k];
    return freeze(keep, true) as S;
  }

  function restart(s: SystemState<S, M>, node: Node<S, M>): SystemState<S, M> {
    const durable = s.actors[node.id] as Partial<S>;
    const fx = context(node.id);
    let state: S;
    try {
      state = node.actor.recover ? node.actor.recover(durable, fx) : { ...node.actor.init(fx), ...durable };
    } catch (e) {
      throw new HandlerError(`${node.name} threw while restarting: ${message(e)}`);
    }
    const crashed = s.crashed.slice();
    crashed[node.id] = false;
    return apply({ ...s, crashed }, node, freeze(state, true), fx, s.network, { kind: 'restart' });
  }

  function crash(s: SystemState<S, M>, node: Node<S, M>): SystemState<S, M> {
    const actors = s.actors.slice();
    actors[node.id] = durablePart(node, s.actors[node.id]!);
    const crashed = s.crashed.slice();
    crashed[node.id] = true;
    const timers = s.timers.slice();
    timers[node.id] = Object.freeze([]);
    const network = crashLosesMessages ? s.network.filter((e) => e.to !== node.id) : s.network;
    return { ...s, actors, crashed, timers, network, faults: { ...s.faults, crashes: s.faults.crashes + 1 } };
  }

  // Properties see the system's view; the history holds what clients passed, typed I and O.
  const properties = (options.properties as readonly SystemProperty<S, M>[]).map(
    (p): Property<SystemState<S, M>> => withView(p, view),
  );
  const within = options.within as ((s: SystemState<S, M>) => boolean) | undefined;
  const model: ActorModel<S, M> = {
    system: view,
    nodeNames,
    clientIds,
    serverIds,
    properties,
    ...(within ? { within } : {}),
    init: () => [initial()],

    actions(s) {
      const out: ActorAction<M>[] = [];
      for (const i of candidates(s.network, ordered)) {
        const e = s.network[i]!;
        if (s.crashed[e.to] || partitioned(s, e.from, e.to)) continue;
        out.push(withSent({ kind: 'deliver', from: e.from, to: e.to, msg: e.msg }, e));
      }
      for (const node of nodes) {
        if (s.crashed[node.id]) continue;
        for (const timer of s.timers[node.id]!) out.push({ kind: 'timeout', node: node.id, timer });
        const choices = node.actor.choices?.(s.actors[node.id]!) ?? [];
        for (const choice of choices) out.push({ kind: 'choose', node: node.id, choice });
      }
      if (s.faults.lost < maxLost || s.faults.duplicated < maxDuplicated) {
        for (const i of candidates(s.network, false)) {
          const e = s.network[i]!;
          if (s.faults.lost < maxLost) out.push(withSent({ kind: 'lose', from: e.from, to: e.to, msg: e.msg }, e));
          if (s.faults.duplicated < maxDuplicated) out.push(withSent({ kind: 'duplicate', from: e.from, to: e.to, msg: e.msg }, e));
        }
      }
      for (const id of serverIds) {
        if (!s.crashed[id] && s.faults.crashes < maxCrashes) out.push({ kind: 'crash', node: id });
        if (s.crashed[id] && restarts) out.push({ kind: 'restart', node: id });
      }
      if (s.partition === null && s.faults.partitions < maxPartitions) {
        for (const isolated of partitionChoices) out.push({ kind: 'partition', isolated });
      }
      if (s.partition !== null) out.push({ kind: 'heal' });
      return out;
    },

    next(s, a) {
      switch (a.kind) {
        case 'deliver': {
          const node = nodes[a.to];
          if (!node || s.crashed[a.to] || partitioned(s, a.from, a.to)) return undefined;
          const i = locate(s.network, a, ordered);
          if (i < 0) return undefined;
          const base = s.actors[a.to]!;
          if (!node.actor.onMessage) return options.keepNoopDeliveries ? { ...s, network: removeAt(s.network, i) } : undefined;
          const { state, fx } = run(node, base, a, (d, ctx) => node.actor.onMessage!(d, a.from, a.msg, ctx));
          if (state === base && fx.empty && !options.keepNoopDeliveries) return undefined;
          const sent = sentOf(s.network[i]!);
          const cause: Cause = { kind: 'receive', ...(sent !== undefined ? { from: { node: a.from, index: sent } } : {}) };
          return apply(s, node, state, fx, removeAt(s.network, i), cause);
        }
        case 'timeout': {
          const node = nodes[a.node];
          if (!node || s.crashed[a.node] || !s.timers[a.node]!.includes(a.timer)) return undefined;
          const timers = s.timers.slice();
          timers[a.node] = Object.freeze(s.timers[a.node]!.filter((t) => t !== a.timer));
          const base = s.actors[a.node]!;
          if (!node.actor.onTimer) return { ...s, timers };
          const { state, fx } = run(node, base, a, (d, ctx) => node.actor.onTimer!(d, a.timer, ctx));
          return apply({ ...s, timers }, node, state, fx, s.network, { kind: 'timer' });
        }
        case 'choose': {
          const node = nodes[a.node];
          if (!node || s.crashed[a.node] || !node.actor.onChoice) return undefined;
          const base = s.actors[a.node]!;
          const enabled = node.actor.choices?.(base) ?? [];
          const key = JSON.stringify(a.choice);
          if (!enabled.some((c) => c === a.choice || JSON.stringify(c) === key)) return undefined;
          const { state, fx } = run(node, base, a, (d, ctx) => node.actor.onChoice!(d, a.choice, ctx));
          return apply(s, node, state, fx, s.network, { kind: 'local' });
        }
        case 'lose':
        case 'duplicate': {
          const lose = a.kind === 'lose';
          if (lose ? s.faults.lost >= maxLost : s.faults.duplicated >= maxDuplicated) return undefined;
          const i = locate(s.network, a, false);
          if (i < 0) return undefined;
          const network = lose ? removeAt(s.network, i) : insert(s.network, s.network[i]!, ordered);
          const faults = lose ? { ...s.faults, lost: s.faults.lost + 1 } : { ...s.faults, duplicated: s.faults.duplicated + 1 };
          return { ...s, network, faults };
        }
        case 'crash': {
          const node = nodes[a.node];
          if (!node || node.client !== undefined || s.crashed[a.node] || s.faults.crashes >= maxCrashes) return undefined;
          return crash(s, node);
        }
        case 'restart': {
          const node = nodes[a.node];
          if (!node || !s.crashed[a.node] || !restarts) return undefined;
          return restart(s, node);
        }
        case 'partition': {
          if (s.partition !== null || s.faults.partitions >= maxPartitions) return undefined;
          const isolated = [...a.isolated].sort((x, y) => x - y);
          if (!partitionChoices.some((p) => p.join() === isolated.join())) return undefined;
          return { ...s, partition: Object.freeze(isolated), faults: { ...s.faults, partitions: s.faults.partitions + 1 } };
        }
        case 'heal':
          return s.partition === null ? undefined : { ...s, partition: null };
        default:
          throw new InputError(`unknown action kind ${JSON.stringify((a as { kind?: unknown }).kind)}`);
      }
    },

    formatAction: label,
    fairness: actorFairness(fairnessByNode(options.actors)),
    ...(canonical ? { symmetry: canonical } : {}),
    // Partial-order reduction (`--por`): which actions commute. With causality too: the log is
    // per node, and an event's clock depends only on its node's previous event and on the send
    // event it receives, both logged before it, so steps of two nodes log the same either way.
    ...independence<M>((id) => nodes[id]?.client !== undefined),

    present(s) {
      const byNode = <T>(f: (id: Id) => T | undefined): Record<string, T> => {
        const out: Record<string, T> = {};
        for (const node of nodes) {
          const v = f(node.id);
          if (v !== undefined) out[node.name] = v;
        }
        return out;
      };
      return {
        nodes: byNode((id) => s.actors[id]),
        crashed: nodes.filter((n) => s.crashed[n.id]).map((n) => n.name),
        timers: byNode((id) => (s.timers[id]!.length > 0 ? s.timers[id] : undefined)),
        network: s.network.map((e) => `${nodeNames[e.from]} → ${nodeNames[e.to]}: ${formatMessage(e.msg)}`),
        ...(clientCount > 0 ? { history: s.history } : {}),
        faults: s.faults,
        partition: s.partition === null ? null : s.partition.map((id) => nodeNames[id]),
        ...(s.causality ? { causality: presentLog(s.causality, nodeNames) } : {}),
      };
    },
  };
  return model as ActorModel<S, M, I, O>;
}

/** Every way to split the servers in two, each named once by the side it isolates. */
function splits(servers: readonly Id[]): (readonly Id[])[] {
  const n = servers.length;
  const out: (readonly Id[])[] = [];
  for (let mask = 1; mask < (1 << n) - 1; mask++) {
    const side = servers.filter((_, i) => mask & (1 << i));
    // {A | B} and {B | A} are the same split: name it by the smaller side, or the side with the
    // first server when both are the same size.
    if (side.length * 2 > n || (side.length * 2 === n && !(mask & 1))) continue;
    out.push(Object.freeze(side));
  }
  return out;
}

/** Every system state is built with one shape (faster to read, copy and hash than a spread). */
function systemState<S, M>(
  actors: readonly S[],
  crashed: readonly boolean[],
  timers: readonly (readonly string[])[],
  network: Network<M>,
  history: ClientHistory,
  faults: FaultsSpent,
  partition: readonly Id[] | null,
  causality: CausalLog | undefined,
): SystemState<S, M> {
  return causality === undefined
    ? { actors, crashed, timers, network, history, faults, partition }
    : { actors, crashed, timers, network, history, faults, partition, causality };
}
