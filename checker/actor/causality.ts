// Ground-truth causality: Lamport's happens-before relation, kept by the engine as a model runs.
//
// With `causality: true` every step a node takes (its init when it sends, a local choice, a timer,
// a receive, a restart) is an event. The engine records, per node and in program order, each
// event's true vector clock: vc[n] = how many events of node n happen before it or are it. Program
// order and send→receive are the only sources, so a → b exactly when vc(a) ≤ vc(b) and a ≠ b. A
// protocol may attach its own logical timestamp to the event it is performing (`ctx.stamp(x)`);
// properties then compare the protocol's stamps with the truth.
//
// The log is canonical: an event is named by (node, index in that node's program order), and its
// true vector clock depends only on its causal past, never on how concurrent events were
// interleaved. So it is kept in the state and fingerprinted (see `CausalLog`): two runs that differ
// only in the order of concurrent events reach the same state, and runs with different causal
// histories stay different states, so every property over the log is checked on every history.
//
// Each envelope carries the index of its send event (`sent`), so equal messages with different
// causal pasts are different messages, and the deliver/lose/duplicate actions name it, so a trace
// replays the exact causal history.

import { fingerprintParts, lastHi } from '../fingerprint/hash.ts';
import type { Path } from '../explore/outcome.ts';
import type { Model } from '../model.ts';
import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { Envelope } from './envelope.ts';
import type { Network } from './network.ts';

/** What started an event. A local step or timer that sends is what Lamport calls a send event. */
export type EventKind = 'init' | 'local' | 'timer' | 'receive' | 'restart';

/** An event: the `index`-th (from 1) event of `node`. */
export interface EventRef {
  readonly node: Id;
  readonly index: number;
}

export interface CausalEvent {
  readonly kind: EventKind;
  /** The true vector clock; vc[node] is this event's own index. */
  readonly vc: readonly number[];
  /** For a receive: the send event of the message received. */
  readonly from?: EventRef;
  /** How many messages the event sent. */
  readonly sends: number;
  /** The protocol's logical timestamp for this event (`ctx.stamp`), when it gave one. */
  readonly stamp?: unknown;
}

/**
 * Per node, its events in program order. Part of the state, and so of its fingerprint: a property
 * over the log is a function of the state, so checking it once per distinct state is sound. The
 * log grows with every event, so a spec bounds events (a budget of local steps, or `within`).
 */
export type CausalLog = readonly (readonly CausalEvent[])[];

/** An event of the log with its name. */
export interface LoggedEvent extends CausalEvent, EventRef {}

/** An envelope of a system with causality on: it names its send event. */
export class CausalEnvelope<M> extends Envelope<M> {
  constructor(
    from: Id,
    to: Id,
    msg: M,
    hi: number,
    lo: number,
    /** Index (from 1) of the send event in the sender's log. */
    readonly sent: number,
  ) {
    super(from, to, msg, hi, lo);
  }
}

/** What a step contributes to the log. */
export interface Cause {
  readonly kind: EventKind;
  readonly from?: EventRef;
}

export function emptyLog(nodes: number): CausalLog {
  return Object.freeze(Array.from({ length: nodes }, () => Object.freeze([] as CausalEvent[])));
}

/** The log with one more event of `node`. */
export function recordEvent(log: CausalLog, node: Id, cause: Cause, sends: number, stamp: { value: unknown } | undefined): CausalLog {
  const mine = log[node]!;
  const last = mine[mine.length - 1];
  const vc = last ? last.vc.slice() : log.map(() => 0);
  if (cause.from) {
    const source = log[cause.from.node]![cause.from.index - 1];
    if (!source) throw new Error(`internal: no send event ${cause.from.node}.e${cause.from.index}`);
    for (let k = 0; k < vc.length; k++) vc[k] = Math.max(vc[k]!, source.vc[k]!);
  }
  vc[node] = mine.length + 1;
  const event: CausalEvent = Object.freeze({
    kind: cause.kind,
    vc: Object.freeze(vc),
    ...(cause.from ? { from: Object.freeze({ ...cause.from }) } : {}),
    sends,
    ...(stamp ? { stamp: stamp.value } : {}),
  });
  const out = log.slice();
  out[node] = Object.freeze([...mine, event]);
  return Object.freeze(out);
}

export function causalEnvelope<M>(from: Id, to: Id, msg: M, sent: number): CausalEnvelope<M> {
  const lo = fingerprintParts([from, to, msg, sent]);
  return Object.freeze(new CausalEnvelope(from, to, msg, lastHi, lo, sent));
}

/** The send event an envelope names, when causality is on. */
export function sentOf<M>(e: Envelope<M>): number | undefined {
  return (e as Partial<CausalEnvelope<M>>).sent;
}

type Transfer<M> = Extract<ActorAction<M>, { kind: 'deliver' | 'lose' | 'duplicate' }>;

/** A deliver/lose/duplicate action, naming the envelope's send event when it has one. */
export function withSent<A extends object, M>(a: A, e: Envelope<M>): A {
  const sent = sentOf(e);
  return sent === undefined ? a : { ...a, sent };
}

/** The envelope a deliver/lose/duplicate action takes, by its send event; -1 when not there. */
export function findSent<M>(net: Network<M>, a: Transfer<M>, ordered: boolean): number {
  const sent = (a as Transfer<M> & { sent?: number }).sent;
  const key = sent === undefined ? undefined : causalEnvelope(a.from, a.to, a.msg, sent);
  for (let i = 0; i < net.length; i++) {
    const e = net[i]!;
    if (e.from !== a.from || e.to !== a.to) continue;
    const match = sent === undefined ? e.msg === a.msg : e.hi === key!.hi && e.lo === key!.lo;
    if (!match) continue;
    if (!ordered) return i;
    const prev = net[i - 1];
    return prev !== undefined && prev.from === e.from && prev.to === e.to ? -1 : i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Reading the log: for properties and for people.

/** Every event of the log, node by node in program order. */
export function causalEvents(log: CausalLog | undefined): LoggedEvent[] {
  if (log === undefined) throw new Error('causality is off: pass `causality: true` to actorSystem');
  const out: LoggedEvent[] = [];
  log.forEach((events, node) => events.forEach((e, i) => out.push({ ...e, node, index: i + 1 })));
  return out;
}

/** The true happens-before relation: a → b. */
export function happensBefore(a: LoggedEvent, b: LoggedEvent): boolean {
  return !(a.node === b.node && a.index === b.index) && a.index <= b.vc[a.node]!;
}

/** Neither happens before the other. */
export function concurrent(a: LoggedEvent, b: LoggedEvent): boolean {
  return !(a.node === b.node && a.index === b.index) && !happensBefore(a, b) && !happensBefore(b, a);
}

export type VectorOrder = 'equal' | 'before' | 'after' | 'concurrent';

/** How two vectors compare entrywise (missing entries count as 0). */
export function compareVectors(x: readonly number[], y: readonly number[]): VectorOrder {
  let less = false;
  let greater = false;
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const a = x[k] ?? 0;
    const b = y[k] ?? 0;
    if (a < b) less = true;
    else if (a > b) greater = true;
  }
  return less && greater ? 'concurrent' : less ? 'before' : greater ? 'after' : 'equal';
}

/** `n1.e3`: the third event of node n1. */
export function eventName(e: EventRef, names?: readonly string[]): string {
  return `${names?.[e.node] ?? `n${e.node}`}.e${e.index}`;
}

/** `n1.e3 (send)`: the event and what kind of step it was. */
export function describeEvent(e: LoggedEvent, names?: readonly string[]): string {
  const kind = e.kind === 'receive' ? 'receive' : e.sends > 0 ? 'send' : e.kind;
  return `${eventName(e, names)} (${kind})`;
}

/** The first ordered pair of distinct events for which `bad` holds, if any. */
export function findEventPair<E extends LoggedEvent>(events: readonly E[], bad: (a: E, b: E) => boolean): [E, E] | undefined {
  for (const a of events) {
    for (const b of events) {
      if (a !== b && bad(a, b)) return [a, b];
    }
  }
  return undefined;
}

/** The label an action gets in a causal system: which send event a message came from. */
export function causalSuffix<M>(a: ActorAction<M>, names: readonly string[]): string {
  if (a.kind !== 'deliver' && a.kind !== 'lose' && a.kind !== 'duplicate') return '';
  const sent = (a as Transfer<M> & { sent?: number }).sent;
  return sent === undefined ? '' : `  ‹sent at ${eventName({ node: a.from, index: sent }, names)}›`;
}

/** The log as a person reads it: per node, `e2 receive of P1.e1 V=[1,2] stamp 3`. */
export function presentLog(log: CausalLog, names: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  log.forEach((events, node) => {
    if (events.length === 0) return;
    out[names[node] ?? `n${node}`] = events.map((e, i) => {
      const what = e.from ? `receive of ${eventName(e.from, names)}` : e.sends > 0 ? `${e.kind} send` : e.kind;
      return `e${i + 1} ${what} V=[${e.vc.join(',')}]${'stamp' in e ? ` stamp ${JSON.stringify(e.stamp)}` : ''}`;
    });
  });
  return out;
}

interface CausalModel<S, A> extends Model<S, A> {
  readonly nodeNames: readonly string[];
}

/**
 * A path as a numbered list of steps, each followed by the events it performed with their true
 * vector clocks and stamps: the trace a reader of a causality counterexample wants.
 */
export function causalTrace<S extends { readonly causality?: CausalLog }, A>(model: CausalModel<S, A>, path: Path<S, A>): string {
  const lines: string[] = [];
  const fmt = (a: A): string => (model.formatAction ? model.formatAction(a) : JSON.stringify(a));
  const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  const newEvents = (before: CausalLog | undefined, after: CausalLog | undefined): string[] => {
    if (after === undefined) return [];
    return causalEvents(after)
      .filter((e) => e.index > (before?.[e.node]?.length ?? 0))
      .map((e) => `⇒ ${describeEvent(e, model.nodeNames)} V=[${e.vc.join(',')}]${'stamp' in e ? ` stamp ${show(e.stamp)}` : ''}`);
  };
  for (const ev of newEvents(undefined, path.states[0]!.causality)) lines.push(`   init ${ev}`);
  path.actions.forEach((a, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${fmt(a)}`);
    for (const ev of newEvents(path.states[i]!.causality, path.states[i + 1]!.causality)) lines.push(`        ${ev}`);
  });
  return lines.join('\n');
}
