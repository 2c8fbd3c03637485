// An actor-system trace as a timeline of events: who acted at each step, which message it took
// and when that message was sent, what it sent, which messages a crash dropped, what changed in
// the node, and the clients' operations. The diagrams (text, HTML, Mermaid) are drawn from it.
//
// Sends are read off the network in the presented states (what is in flight after a step that
// was not before), so they need the replayed states; without them a timeline still has every
// step, only no send times.

import type { ActorAction } from '../actor/actions.ts';
import { diff, type Change, type Json } from './plain.ts';
import { nodeState, type TraceView } from './view.ts';

export interface Envelope {
  readonly from: number;
  readonly to: number;
  readonly message: string;
}

/** A message in flight, with the step that sent it (0: sent by `init`). */
export interface Flight extends Envelope {
  readonly sentAt: number;
}

export interface TimelineStep {
  /** 1-based. */
  readonly index: number;
  readonly label: string;
  readonly action: ActorAction<Json, Json>;
  /** The node whose state the step changes (the receiver of a delivery), if any. */
  readonly actor?: number;
  /** Deliver, lose, duplicate: the message and when it was sent (when known). */
  readonly message?: string;
  readonly sentAt?: number;
  /** Messages the step put in flight. */
  readonly sends: readonly Flight[];
  /** Messages the step removed other than the one it names (a crash drops those to the node). */
  readonly dropped: readonly Flight[];
  /** What changed in the acting node. */
  readonly changes: readonly Change[];
  readonly timersSet: readonly string[];
  readonly timersCancelled: readonly string[];
  /** Client operations invoked or returned at this step. */
  readonly invoked: readonly ClientOp[];
  readonly returned: readonly ClientOp[];
}

/** A client's operation and the steps at which it was invoked and returned. */
export interface ClientOp {
  /** The client's index in the history. */
  readonly client: number;
  /** The node that invoked it, when known. */
  readonly node?: number;
  readonly input: Json;
  readonly output?: Json;
  readonly invokedAt: number;
  readonly returnedAt?: number;
}

export interface Timeline {
  readonly nodes: readonly string[];
  readonly initialSends: readonly Flight[];
  readonly steps: readonly TimelineStep[];
  /** Messages still in flight after the last step. */
  readonly inFlight: readonly Flight[];
  readonly operations: readonly ClientOp[];
}

/** The message part of a transfer label (`a → b: Msg  ‹sent at…›` gives `Msg`). */
export function messageOf(label: string): string {
  const arrow = label.indexOf(' → ');
  const i = label.indexOf(': ', arrow < 0 ? 0 : arrow);
  const m = i < 0 ? label : label.slice(i + 2);
  return m.replace(/ {2}‹[^›]*›$/, '');
}

export function timelineOf(view: TraceView): Timeline {
  const nodes = view.trace.nodes ?? [];
  const ids = new Map(nodes.map((n, i) => [n, i] as const));
  const parse = (entry: Json): Envelope | undefined => {
    if (typeof entry !== 'string') return undefined;
    const m = /^(.+?) → (.+?): ([\s\S]*)$/.exec(entry);
    const from = m ? ids.get(m[1]!) : undefined;
    const to = m ? ids.get(m[2]!) : undefined;
    return from === undefined || to === undefined ? undefined : { from, to, message: m![3]! };
  };
  const networkAt = (i: number): Envelope[] | undefined => {
    const s = view.states[i];
    const net = typeof s === 'object' && s !== null && !Array.isArray(s) ? s.network : undefined;
    return Array.isArray(net) ? net.map(parse).filter((e): e is Envelope => e !== undefined) : undefined;
  };
  const key = (e: Envelope): string => `${e.from}\u0000${e.to}\u0000${e.message}`;

  // Messages in flight, by envelope, oldest first.
  const flying = new Map<string, Flight[]>();
  const launch = (f: Flight): void => {
    const q = flying.get(key(f));
    if (q) q.push(f);
    else flying.set(key(f), [f]);
  };
  const land = (e: Envelope): Flight | undefined => flying.get(key(e))?.shift();

  const initialSends: Flight[] = (networkAt(0) ?? []).map((e) => ({ ...e, sentAt: 0 }));
  initialSends.forEach(launch);

  const ops = operationsOf(view);
  const steps = view.trace.steps.map((step, k): TimelineStep => {
    const index = k + 1;
    const a = step.action as unknown as ActorAction<Json, Json>;
    const transfer = a.kind === 'deliver' || a.kind === 'lose' || a.kind === 'duplicate';
    const named: Envelope | undefined = transfer ? { from: a.from, to: a.to, message: messageOf(step.label) } : undefined;
    const actor =
      a.kind === 'deliver' ? a.to : a.kind === 'timeout' || a.kind === 'choose' || a.kind === 'crash' || a.kind === 'restart' ? a.node : undefined;

    // What left and what entered the network, as multisets.
    const before = networkAt(k);
    const after = networkAt(index);
    let removed: Envelope[] = [];
    let added: Envelope[] = [];
    if (before && after) {
      const count = new Map<string, number>();
      for (const e of before) count.set(key(e), (count.get(key(e)) ?? 0) + 1);
      for (const e of after) {
        const c = count.get(key(e)) ?? 0;
        if (c > 0) count.set(key(e), c - 1);
        else added.push(e);
      }
      const left = new Map(count);
      removed = before.filter((e) => {
        const c = left.get(key(e)) ?? 0;
        if (c === 0) return false;
        left.set(key(e), c - 1);
        return true;
      });
    }
    let sentAt: number | undefined;
    if (named && (a.kind === 'deliver' || a.kind === 'lose')) {
      const i = removed.findIndex((e) => key(e) === key(named));
      if (i >= 0) removed.splice(i, 1);
      else {
        // The handler sent an identical message: the multiset difference cancelled the two out.
        const j = added.findIndex((e) => key(e) === key(named));
        if (j >= 0) added.splice(j, 1);
      }
      sentAt = land(named)?.sentAt;
    }
    let sends: Flight[];
    if (a.kind === 'duplicate' && named) {
      // The copy travels as if sent with the original.
      const original = flying.get(key(named))?.[0];
      sentAt = original?.sentAt;
      const j = added.findIndex((e) => key(e) === key(named));
      if (j >= 0) added.splice(j, 1);
      launch({ ...named, sentAt: sentAt ?? index });
      sends = [];
    } else sends = added.map((e) => ({ ...e, sentAt: index }));
    const dropped = removed.map((e) => land(e) ?? { ...e, sentAt: index });
    sends.forEach(launch);

    const name = actor !== undefined ? nodes[actor] : undefined;
    const changes = name !== undefined ? diff(nodeState(view.states[k], name), nodeState(view.states[index], name)) : [];
    const timersBefore = name !== undefined ? timersOf(view.states[k], name) : [];
    const timersAfter = name !== undefined ? timersOf(view.states[index], name) : [];
    const known = view.states[index] !== undefined;
    return {
      index,
      label: step.label,
      action: a,
      ...(actor !== undefined ? { actor } : {}),
      ...(named ? { message: named.message } : {}),
      ...(sentAt !== undefined ? { sentAt } : {}),
      sends,
      dropped,
      changes: known ? changes : [],
      timersSet: known && a.kind !== 'crash' ? timersAfter.filter((t) => !timersBefore.includes(t)) : [],
      timersCancelled:
        known && a.kind !== 'crash' && a.kind !== 'timeout' ? timersBefore.filter((t) => !timersAfter.includes(t)) : [],
      invoked: ops.filter((o) => o.invokedAt === index),
      returned: ops.filter((o) => o.returnedAt === index),
    };
  });
  // Name the invoking node of each operation: the actor of the step that invoked it.
  const operations = ops.map((o) => {
    const node = o.invokedAt > 0 ? steps[o.invokedAt - 1]?.actor : undefined;
    return node !== undefined ? { ...o, node } : o;
  });
  const inFlight = [...flying.values()].flat().sort((x, y) => x.sentAt - y.sentAt);
  return { nodes, initialSends, steps, inFlight, operations };
}

function timersOf(s: Json | undefined, name: string): string[] {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return [];
  const t = s.timers;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return [];
  const mine = t[name];
  return Array.isArray(mine) ? mine.filter((x): x is string => typeof x === 'string') : [];
}

interface RecordedJson {
  readonly input: Json;
  readonly output?: Json;
  readonly done: boolean;
}

function historyAt(view: TraceView, i: number): RecordedJson[][] | undefined {
  const s = view.states[i];
  if (typeof s !== 'object' || s === null || Array.isArray(s) || !Array.isArray(s.history)) return undefined;
  return s.history.map((ops) => (Array.isArray(ops) ? (ops as unknown as RecordedJson[]) : []));
}

/** The clients' operations with the steps that invoked and returned them. */
function operationsOf(view: TraceView): ClientOp[] {
  const out: ClientOp[][] = [];
  const first = historyAt(view, 0);
  if (!first) return [];
  const seen = (h: RecordedJson[][], i: number): void => {
    h.forEach((ops, c) => {
      const mine = (out[c] ??= []);
      ops.forEach((op, j) => {
        const known = mine[j];
        if (!known) mine[j] = { client: c, input: op.input, invokedAt: i, ...(op.done ? { output: op.output ?? null, returnedAt: i } : {}) };
        else if (op.done && known.returnedAt === undefined) mine[j] = { ...known, output: op.output ?? null, returnedAt: i };
      });
    });
  };
  for (let i = 0; i < view.states.length; i++) {
    const h = historyAt(view, i);
    if (h) seen(h, i);
  }
  return out.flat().sort((x, y) => x.invokedAt - y.invokedAt || x.client - y.client);
}
