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
import type { MessageRecord, StepKind, StepRecord } from './step-record.ts';
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

export function timelineOf(view: TraceView): Timeline {
  const nodes = view.trace.nodes ?? [];

  // Messages in flight, by envelope, oldest first.
  const flying = new Map<string, Flight[]>();
  const launch = (f: Flight): void => {
    const q = flying.get(key(f));
    if (q) q.push(f);
    else flying.set(key(f), [f]);
  };
  const land = (m: MessageRecord): Flight | undefined => flying.get(key(m))?.shift();

  // Client operations, per client in order; the pending one is the last.
  const ops: { -readonly [K in keyof ClientOp]: ClientOp[K] }[][] = [];
  const invoke = (r: StepRecord, at: number): ClientOp[] =>
    r.invoked.map((c) => {
      const op = { client: c.client, node: c.node, input: c.value, invokedAt: at };
      (ops[c.client] ??= []).push(op);
      return op;
    });
  const complete = (r: StepRecord, at: number): ClientOp[] =>
    r.returned.flatMap((c) => {
      const op = ops[c.client]?.find((o) => o.returnedAt === undefined);
      if (!op) return [];
      op.output = c.value;
      op.returnedAt = at;
      return [op];
    });

  const init = view.records[0];
  const initialSends: Flight[] = (init?.sent ?? []).map((m) => ({ ...m, sentAt: 0 }));
  initialSends.forEach(launch);
  if (init) {
    invoke(init, 0);
    complete(init, 0);
  }

  const steps = view.trace.steps.map((step, k): TimelineStep => {
    const index = k + 1;
    const r = view.records[index];
    if (r === undefined) return unreplayed(index, step.label, step.action as unknown as ActorAction<Json, Json>);
    let sentAt: number | undefined;
    let sends: Flight[];
    if (r.kind === 'duplicate') {
      // The copy travels as if sent with the original.
      sentAt = flying.get(key(r.message))?.[0]?.sentAt;
      launch({ ...r.message, sentAt: sentAt ?? index });
      sends = [];
    } else {
      if (r.kind === 'deliver' || r.kind === 'lose') sentAt = land(r.message)?.sentAt;
      sends = r.sent.map((m) => ({ ...m, sentAt: index }));
    }
    const dropped = r.dropped.map((m) => land(m) ?? { ...m, sentAt: index });
    sends.forEach(launch);
    const returned = complete(r, index);
    const invoked = invoke(r, index);
    return {
      index,
      label: step.label,
      record: r,
      kind: r.kind,
      ...(r.node !== undefined ? { node: r.node } : {}),
      ...(r.kind === 'deliver' || r.kind === 'lose' || r.kind === 'duplicate' ? { from: r.message.from, to: r.message.to, message: r.message.text } : {}),
      ...(sentAt !== undefined ? { sentAt } : {}),
      ...(r.kind === 'timeout' ? { timer: r.timer } : {}),
      ...(r.kind === 'choose' ? { choice: r.choice } : {}),
      ...(r.kind === 'partition' ? { isolated: r.isolated } : {}),
      sends,
      dropped,
      changes: r.changes,
      timersSet: r.timersSet,
      timersCancelled: r.timersCancelled,
      invoked,
      returned,
    };
  });
  const operations = ops.flat().sort((x, y) => x.invokedAt - y.invokedAt || x.client - y.client);
  const inFlight = [...flying.values()].flat().sort((x, y) => x.sentAt - y.sentAt);
  return { nodes, initialSends, steps, inFlight, operations };
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
