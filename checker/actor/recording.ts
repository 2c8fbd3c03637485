// The record of an actor system's step (see trace/step-record.ts): what the step took from the
// network, what changed in the node, what its handler sent, armed and recorded, what a crash
// dropped, what the nodes a failure detector told did. Built only on replay, from the step's successor and what the step noted on its way
// (`Recorder`); the search's steps note nothing.

import { diff, toJson } from '../trace/plain.ts';
import { plainRecord, type ClientCall, type MessageRecord, type PeerNotice, type StepRecord } from '../trace/step-record.ts';
import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { sentOf } from './causality.ts';
import type { Effects } from './effects.ts';
import { choiceText } from './format.ts';
import type { Envelope } from './network.ts';
import type { SystemConfig } from './system-config.ts';
import type { SystemState } from './system-state.ts';

/** What a step notes for its record while it is taken (only on replay). */
export interface Recorder<M> {
  /** The handler's effects, when a handler ran. */
  fx?: Effects<M>;
  /** The envelope a deliver, lose or duplicate took. */
  taken?: Envelope<M>;
  /** The messages in flight a crash dropped. */
  dropped?: readonly Envelope<M>[];
  /** What the failure detector told, in order, and what each node told did. */
  notices?: NoticeNote<M>[];
}

/** One node told by the failure detector: its effects, and its state and timers around them. */
export interface NoticeNote<M> {
  readonly node: Id;
  readonly peer: Id;
  readonly event: 'down' | 'up';
  readonly fx: Effects<M>;
  readonly before: unknown;
  readonly after: unknown;
  readonly timersBefore: readonly string[];
  readonly timersAfter: readonly string[];
}

export function messageRecord<S, M>(sys: SystemConfig<S, M>, from: Id, to: Id, msg: M, sendEvent: number | undefined): MessageRecord {
  return { from, to, msg: toJson(msg), ...(sendEvent !== undefined ? { sendEvent } : {}), text: sys.formatMessage(msg) };
}

const envelopeRecord = <S, M>(sys: SystemConfig<S, M>, e: Envelope<M>): MessageRecord => messageRecord(sys, e.from, e.to, e.msg, sentOf(e));

/** The record of the initial state: what the nodes' inits sent and invoked. */
export function recordInitial<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>): StepRecord {
  const calls = (done: boolean): ClientCall[] =>
    s.history.flatMap((ops, c) => ops.filter((op) => !done || op.done).map((op) => ({ client: c, node: sys.clientIds[c]!, value: toJson(done ? op.output : op.input) })));
  return { ...plainRecord({ kind: 'init' }, 'initial state'), sent: s.network.map((e) => envelopeRecord(sys, e)), invoked: calls(false), returned: calls(true) };
}

/** The record of the step from `s` to `t` under `a`. */
export function recordStep<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: ActorAction<M>, t: SystemState<S, M>, rec: Recorder<M>): StepRecord {
  switch (a.kind) {
    case 'deliver':
      return { ...nodeEffects(sys, s, a, t, rec, a.to), kind: 'deliver', message: envelopeRecord(sys, rec.taken!) };
    case 'lose':
    case 'duplicate':
      return plainRecord({ kind: a.kind, message: envelopeRecord(sys, rec.taken!) }, sys.label(a));
    case 'timeout':
      return { ...nodeEffects(sys, s, a, t, rec, a.node), kind: 'timeout', node: a.node, timer: a.timer };
    case 'choose':
      return { ...nodeEffects(sys, s, a, t, rec, a.node), kind: 'choose', node: a.node, choice: choiceText(a.choice) };
    case 'crash':
    case 'restart': {
      const own = nodeEffects(sys, s, a, t, rec, a.node);
      if (rec.notices === undefined) return { ...own, kind: a.kind, node: a.node };
      // The notices' sends and client operations are the step's: they name their node.
      const notified: PeerNotice[] = rec.notices.map((n) => ({
        node: n.node,
        peer: n.peer,
        event: n.event,
        changes: diff(toJson(n.before), toJson(n.after)),
        timersSet: n.timersAfter.filter((x) => !n.timersBefore.includes(x)),
        timersCancelled: n.timersBefore.filter((x) => !n.timersAfter.includes(x)),
      }));
      const event = (id: Id) => (t.causality !== undefined ? t.causality[id]!.length : undefined);
      const noticed = rec.notices.map((n) => ({ id: n.node, fx: n.fx, client: sys.nodes[n.node]!.client }));
      return {
        ...own,
        kind: a.kind,
        node: a.node,
        notified,
        sent: [...own.sent, ...noticed.flatMap((n) => n.fx.sends.filter((x) => !(sys.crashLosesMessages && t.crashed[x.to])).map((x) => messageRecord(sys, n.id, x.to, x.msg, event(n.id))))],
        invoked: [...own.invoked, ...noticed.flatMap((n) => (n.client === undefined ? [] : n.fx.invoked.map((x) => ({ client: n.client!, node: n.id, value: toJson(x.input) }))))],
        returned: [...own.returned, ...noticed.flatMap((n) => (n.client === undefined ? [] : n.fx.completed.map((x) => ({ client: n.client!, node: n.id, value: toJson(x.output) }))))],
      };
    }
    case 'partition':
      return plainRecord({ kind: 'partition', isolated: t.partition ?? [] }, sys.label(a));
    case 'heal':
      return plainRecord({ kind: 'heal' }, sys.label(a));
  }
}

/** A step of node `id`: what changed in it, what it sent, armed and disarmed, and recorded. */
function nodeEffects<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: ActorAction<M>, t: SystemState<S, M>, rec: Recorder<M>, id: Id) {
  const fx = rec.fx;
  const client = sys.nodes[id]!.client;
  // The timers armed when the handler ran: a fired timer was disarmed by firing; a crash disarms
  // every timer, which is no one's decision.
  const armed = a.kind === 'timeout' ? s.timers[id]!.filter((x) => x !== a.timer) : s.timers[id]!;
  // A restarted node the failure detector then told of peers still down: its own step ends there.
  const told = rec.notices?.find((n) => n.node === id);
  const after = a.kind === 'crash' ? armed : (told?.timersBefore ?? t.timers[id]!);
  // With causality on, the step's sends name its event, the node's last in the log.
  const event = t.causality !== undefined && t.causality !== s.causality ? t.causality[id]!.length : undefined;
  const calls = (values: readonly unknown[]): ClientCall[] => (client === undefined ? [] : values.map((v) => ({ client, node: id, value: toJson(v) })));
  return {
    label: sys.label(a),
    node: id,
    changes: diff(toJson(s.actors[id]), toJson(told ? told.before : t.actors[id])),
    // A send to a node that is down is lost at once when crashes lose messages: it never flies.
    sent: (fx?.sends ?? []).filter((x) => !(sys.crashLosesMessages && t.crashed[x.to])).map((x) => messageRecord(sys, id, x.to, x.msg, event)),
    dropped: (rec.dropped ?? []).map((e) => envelopeRecord(sys, e)),
    timersSet: after.filter((x) => !armed.includes(x)),
    timersCancelled: armed.filter((x) => !after.includes(x)),
    invoked: calls((fx?.invoked ?? []).map((x) => x.input)),
    returned: calls((fx?.completed ?? []).map((x) => x.output)),
  };
}
