// An actor-system trace as a timeline of events: who acted at each step, which message it took
// and when that message was sent, what it sent, which messages a crash dropped, what changed in
// the node, and the clients' operations. The diagrams (text, HTML, Mermaid) are drawn from it.
//
// It is read off the steps' records (see step-record.ts), and only joins them up: which earlier
// step sent the message a step takes, and which step returns the operation a step invoked. A
// step that was not replayed (the trace diverged, or no model was at hand) is known only by its
// action and label: no message text, sends or changes.

import type { ActorAction } from '../actor/actions.ts';
import { choiceText } from '../actor/format.ts';
import type { Change, Json } from './plain.ts';
import type { MessageRecord, PeerNotice, StepKind, StepRecord } from './step-record.ts';
import type { TraceView } from './view.ts';

/** A message in flight, with the step that sent it (0: sent by `init`). */
export interface Flight extends MessageRecord {
  readonly sentAt: number;
}

export interface TimelineStep {
  /** 1-based. */
  readonly index: number;
  readonly label: string;
  /** What the step did; undefined when it was not replayed. */
  readonly record?: StepRecord;
  readonly kind: StepKind;
  /** The node that acts (the receiver of a delivery, the node of a timer, choice, crash…). */
  readonly node?: number;
  /** Deliver, lose, duplicate: sender and receiver, the message (when replayed) and when it was sent. */
  readonly from?: number;
  readonly to?: number;
  readonly message?: string;
  readonly sentAt?: number;
  readonly timer?: string;
  readonly choice?: string;
  readonly isolated?: readonly number[];
  /** A crash or restart with a failure detector: the nodes told, and what each did. */
  readonly notified?: readonly PeerNotice[];
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
  /** The client's node. */
  readonly node: number;
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

/** Equal messages (same sender, receiver, content and send event) are interchangeable. */
const key = (m: MessageRecord): string => `${m.from}\u0000${m.to}\u0000${m.sendEvent ?? ''}\u0000${JSON.stringify(m.msg)}`;

/** Messages in flight, by envelope, oldest first: which step sent the one a step takes. */
class Flights {
  private readonly flying = new Map<string, Flight[]>();
  launch(f: Flight): void {
    const q = this.flying.get(key(f));
    if (q) q.push(f);
    else this.flying.set(key(f), [f]);
  }
  land(m: MessageRecord): Flight | undefined {
    return this.flying.get(key(m))?.shift();
  }
  oldest(m: MessageRecord): Flight | undefined {
    return this.flying.get(key(m))?.[0];
  }
  all(): Flight[] {
    return [...this.flying.values()].flat().sort((x, y) => x.sentAt - y.sentAt);
  }
}

/** Client operations, per client in order: a return completes the client's pending one. */
class Operations {
  private readonly ops: { -readonly [K in keyof ClientOp]: ClientOp[K] }[][] = [];
  invoke(r: StepRecord, at: number): ClientOp[] {
    return r.invoked.map((c) => {
      const op = { client: c.client, node: c.node, input: c.value, invokedAt: at };
      (this.ops[c.client] ??= []).push(op);
      return op;
    });
  }
  complete(r: StepRecord, at: number): ClientOp[] {
    return r.returned.flatMap((c) => {
      const op = this.ops[c.client]?.find((o) => o.returnedAt === undefined);
      if (!op) return [];
      op.output = c.value;
      op.returnedAt = at;
      return [op];
    });
  }
  all(): ClientOp[] {
    return this.ops.flat().sort((x, y) => x.invokedAt - y.invokedAt || x.client - y.client);
  }
}

export function timelineOf(view: TraceView): Timeline {
  const flights = new Flights();
  const operations = new Operations();
  const init = view.records[0];
  const initialSends: Flight[] = (init?.sent ?? []).map((m) => ({ ...m, sentAt: 0 }));
  for (const f of initialSends) flights.launch(f);
  if (init) {
    operations.invoke(init, 0);
    operations.complete(init, 0);
  }
  const steps = view.trace.steps.map((step, k): TimelineStep => {
    const r = view.records[k + 1];
    return r === undefined
      ? unreplayed(k + 1, step.label, step.action as unknown as ActorAction<Json, Json>)
      : replayed(k + 1, step.label, r, flights, operations);
  });
  return { nodes: view.trace.nodes ?? [], initialSends, steps, inFlight: flights.all(), operations: operations.all() };
}

/** Step `index` from its record, joined up with the messages and operations before it. */
function replayed(index: number, label: string, r: StepRecord, flights: Flights, operations: Operations): TimelineStep {
  let sentAt: number | undefined;
  let sends: Flight[];
  if (r.kind === 'duplicate') {
    // The copy travels as if sent with the original.
    sentAt = flights.oldest(r.message)?.sentAt;
    flights.launch({ ...r.message, sentAt: sentAt ?? index });
    sends = [];
  } else {
    if (r.kind === 'deliver' || r.kind === 'lose') sentAt = flights.land(r.message)?.sentAt;
    sends = r.sent.map((m) => ({ ...m, sentAt: index }));
  }
  const dropped = r.dropped.map((m) => flights.land(m) ?? { ...m, sentAt: index });
  for (const f of sends) flights.launch(f);
  const returned = operations.complete(r, index);
  const invoked = operations.invoke(r, index);
  return {
    index,
    label,
    record: r,
    kind: r.kind,
    ...(r.node !== undefined ? { node: r.node } : {}),
    ...(r.kind === 'deliver' || r.kind === 'lose' || r.kind === 'duplicate' ? { from: r.message.from, to: r.message.to, message: r.message.text } : {}),
    ...(sentAt !== undefined ? { sentAt } : {}),
    ...(r.kind === 'timeout' ? { timer: r.timer } : {}),
    ...(r.kind === 'choose' ? { choice: r.choice } : {}),
    ...(r.kind === 'partition' ? { isolated: r.isolated } : {}),
    ...((r.kind === 'crash' || r.kind === 'restart') && r.notified ? { notified: r.notified } : {}),
    sends,
    dropped,
    changes: r.changes,
    timersSet: r.timersSet,
    timersCancelled: r.timersCancelled,
    invoked,
    returned,
  };
}

/** A step known only by its action (plain data from the trace file) and label. */
function unreplayed(index: number, label: string, a: ActorAction<Json, Json>): TimelineStep {
  const where =
    a.kind === 'deliver' || a.kind === 'lose' || a.kind === 'duplicate'
      ? { from: a.from, to: a.to, ...(a.kind === 'deliver' ? { node: a.to } : {}) }
      : a.kind === 'timeout'
        ? { node: a.node, timer: a.timer }
        : a.kind === 'choose'
          ? { node: a.node, choice: choiceText(a.choice) }
          : a.kind === 'crash' || a.kind === 'restart'
            ? { node: a.node }
            : a.kind === 'partition'
              ? { isolated: a.isolated }
              : {};
  const kind: StepKind = KINDS.has(a.kind) ? a.kind : 'step';
  return { index, label, kind, ...where, sends: [], dropped: [], changes: [], timersSet: [], timersCancelled: [], invoked: [], returned: [] };
}

const KINDS = new Set<StepKind>(['deliver', 'lose', 'duplicate', 'timeout', 'choose', 'crash', 'restart', 'partition', 'heal']);
