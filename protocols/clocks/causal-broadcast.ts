// Causal broadcast on vector clocks (Birman, Schiper & Stephenson, 1991).
//
// VC[k] counts the messages from process k this process has delivered. To broadcast, a process
// increments its own entry, sends the message with VC to every peer and delivers it to itself. A
// message m from j is delivered once every message it causally depends on has been: when
// VT(m)[j] = VC[j] + 1 (it is the next from j) and VT(m)[k] ≤ VC[k] for every other k. Until then
// it is held back.
//
// The hold-back queue is the network itself: a process does not take a message it cannot deliver
// yet, and a step that changes nothing is not a transition, so the message stays in flight until
// it is deliverable. That keeps the engine's true happens-before (program order and send →
// receive) equal to the causality of broadcast and delivery that the algorithm is about: a
// message merely held back has not been received by the application, and a broadcast made while
// holding it does not depend on it.

import { actorSystem, always, sometimes, type Actor, type ActorModel, type Draft, type Id, type SystemState } from '../../checker/index.ts';
import { explainCausalDelivery } from './causal-delivery.ts';
import type { Bug } from './options.ts';
import { processName } from './process.ts';
import type { Vector } from './vector-clock.ts';

export interface Broadcast {
  readonly type: 'Broadcast';
  /** The vector timestamp VT(m): its origin's VC after the broadcast. */
  readonly vt: Vector;
}

/** A message as received: its origin and vector timestamp. */
export interface Received {
  readonly origin: Id;
  readonly vt: Vector;
}

export interface BroadcastProcess {
  readonly self: Id;
  readonly vc: Vector;
  /** The messages delivered, in delivery order (by `messageId`). */
  readonly delivered: readonly string[];
  /** Broadcasts this process may still make. */
  readonly budget: number;
}

export type CausalBroadcastState = SystemState<BroadcastProcess, Broadcast>;

export interface CausalBroadcastOptions {
  readonly processes: number;
  /** Broadcasts per process. */
  readonly budget: number;
  readonly bug?: Bug;
}

/** `P1#2`: the second message P1 broadcast. */
export const messageId = (origin: Id, vt: Vector): string => `${processName(origin)}#${vt[origin]!}`;

export function deliverable(vc: Vector, m: Received): boolean {
  return m.vt.every((t, k) => (k === m.origin ? t === vc[k]! + 1 : t <= vc[k]!));
}

function deliver(s: Draft<BroadcastProcess>, m: Received): void {
  s.vc[m.origin] = m.vt[m.origin]!;
  s.delivered.push(messageId(m.origin, m.vt));
}

export function broadcastProcess(options: CausalBroadcastOptions): Actor<BroadcastProcess, Broadcast, 'broadcast'> {
  return {
    name: 'P',
    init: (ctx) => ({
      self: ctx.self,
      vc: Array.from({ length: options.processes }, () => 0),
      delivered: [],
      budget: options.budget,
    }),

    choices: (s) => (s.budget > 0 ? ['broadcast'] : []),

    onChoice(s, _choice, ctx) {
      s.budget -= 1;
      s.vc[s.self]! += 1;
      const vt = [...s.vc];
      ctx.broadcast({ type: 'Broadcast', vt });
      s.delivered.push(messageId(s.self, vt));
      // The broadcast event names its message, so the property can find it in the causal log.
      ctx.stamp(messageId(s.self, vt));
    },

    onMessage(s, from, msg) {
      const m: Received = { origin: from, vt: msg.vt };
      // Held back: left in the network (see above).
      if (options.bug !== 'causal-deliver-on-arrival' && !deliverable(s.vc, m)) return;
      deliver(s, m);
    },
  };
}

const heldBack = (s: CausalBroadcastState): boolean[] =>
  s.network.map((e) => !deliverable(s.actors[e.to]!.vc, { origin: e.from, vt: e.msg.vt }));

export function causalBroadcast(options: CausalBroadcastOptions): ActorModel<BroadcastProcess, Broadcast> {
  return actorSystem<BroadcastProcess, Broadcast>({
    actors: [{ actor: broadcastProcess(options), count: options.processes }],
    causality: true,
    properties: [
      always('CausalDelivery', (s) => explainCausalDelivery(s) === undefined),
      // Holding back never blocks for good: while messages are in flight, one can be delivered.
      always('DeliveryProgress', (s) => s.network.length === 0 || heldBack(s).includes(false)),
      sometimes('HeldBack', (s) => heldBack(s).includes(true)),
      sometimes('AllDelivered', (s) => s.actors.every((p) => p.delivered.length === options.processes * options.budget)),
    ],
    formatMessage: (m) => `Broadcast(${m.vt.join(',')})`,
  });
}
