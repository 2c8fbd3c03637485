// A node's step: run one of its handlers on a draft of its state, then apply what the handler
// asked for (effects.ts) to the system: its new state, its sends put in flight, its timers, the
// client operations it recorded, and with causality on, the event it performed.

import { freeze, type Draft } from 'immer';
import { HandlerError, InputError } from '../errors.ts';
import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { causalEnvelope, recordEvent, type Cause } from './causality.ts';
import { recordOperations } from './client-history.ts';
import { change } from './draft.ts';
import { Effects } from './effects.ts';
import { envelope, insert, type Network } from './network.ts';
import type { Node } from './nodes.ts';
import type { Recorder } from './recording.ts';
import type { SystemConfig } from './system-config.ts';
import { replaced, systemState, type SystemState } from './system-state.ts';

/** A fresh `ctx` for a handler of node `id`. */
export function contextOf<S, M>(sys: SystemConfig<S, M>, id: Id): Effects<M> {
  return new Effects<M>(id, sys.serverIds, sys.peersOf[id]!, sys.nodes.length, sys.causal, sys.view);
}

/** Runs a handler on a draft of `base` (draft.ts); names the node and the action if it throws. */
export function runHandler<S, M>(
  sys: SystemConfig<S, M>,
  node: Node<S, M>,
  base: S,
  what: ActorAction<M>,
  rec: Recorder<M> | undefined,
  body: (d: Draft<S>, ctx: Effects<M>) => void,
): { state: S; fx: Effects<M> } {
  const fx = contextOf(sys, node.id);
  if (rec) rec.fx = fx;
  try {
    return { state: change(base, (d) => body(d, fx)), fx };
  } catch (e) {
    if (e instanceof InputError) throw e;
    // The action is named only when it is needed: formatting it for every step cost 3% of a run.
    throw new HandlerError(`${node.name} threw while handling ${sys.label(what)}: ${errorMessage(e)}`);
  }
}

/**
 * The system after `node`'s handler returned `state` having asked for `fx`; `network`, `timers`
 * and `crashed` are the system's as the step found them (a delivery has taken its message, a
 * fired timer is disarmed, a restarted node is up).
 */
export function applyEffects<S, M>(
  sys: SystemConfig<S, M>,
  s: SystemState<S, M>,
  node: Node<S, M>,
  state: S,
  fx: Effects<M>,
  cause: Cause | undefined,
  network: Network<M>,
  timers: readonly (readonly string[])[],
  crashed: readonly boolean[],
): SystemState<S, M> {
  const id = node.id;
  // An unchanged actor state keeps the actors array itself: the successor shares it, and its
  // fingerprint is then found by identity instead of re-hashed.
  const actors = state === s.actors[id] ? s.actors : replaced(s.actors, id, state);
  // Causality: the step is an event (an init only when it sends or stamps); its sends name it.
  let causality = s.causality;
  if (causality !== undefined && cause !== undefined && (cause.kind !== 'init' || fx.sends.length > 0 || fx.stamped)) {
    causality = recordEvent(causality, id, cause, fx.sends.length, fx.stamped);
  }
  const sent = causality === s.causality ? undefined : causality![id]!.length;
  let net = network;
  if (sent === undefined) {
    const envelopes = (fx.envelopes ??= fx.sends.map(({ to, msg }) => envelope(id, to, freeze(msg, true))));
    for (const e of envelopes) if (!(sys.crashLosesMessages && crashed[e.to])) net = insert(net, e, sys.ordered);
  } else {
    for (const { to, msg } of fx.sends) {
      if (!(sys.crashLosesMessages && crashed[to])) net = insert(net, causalEnvelope(id, to, freeze(msg, true), sent), sys.ordered);
    }
  }
  let armed = timers;
  if (fx.timersSet.length > 0 || fx.timersCancelled.length > 0) {
    const mine = new Set(timers[id]);
    for (const t of fx.timersCancelled) mine.delete(t);
    for (const t of fx.timersSet) mine.add(t);
    armed = replaced(timers, id, Object.freeze([...mine].sort()));
  }
  let history = s.history;
  if (fx.invoked.length > 0 || fx.completed.length > 0) {
    if (node.client === undefined) throw new HandlerError(`${node.name} is not a client: only clients record history`);
    history = sys.histories.intern(recordOperations(history, node.client, node.name, fx.completed, fx.invoked));
  }
  return systemState(actors, crashed, armed, net, history, s.faults, s.partition, causality);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
