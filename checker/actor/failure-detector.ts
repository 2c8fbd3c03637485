// A perfect failure detector (`faults.failureDetector`): when a server crashes, every other live
// node learns it in the crash's own step (`onPeerDown`); when it restarts, the restarted node
// learns which servers are still down and every other live node learns it is back (`onPeerUp`).
// Perfect: nothing is suspected that has not crashed, and every crash is known at once. Protocols
// that reconfigure (a chain's master, a backup taking over from its primary) rely on such an
// oracle; without one they must detect failures with timers.
//
// Each notice is a handler run on its node with a ctx of its own, like a local step: it may change
// the node's state, send, arm timers and, on a client, record operations. With causality on it is
// a local event of that node: the detector is outside the message-passing system.

import type { Draft } from 'immer';
import { HandlerError, InputError } from '../errors.ts';
import type { Id } from './actor.ts';
import type { Cause } from './causality.ts';
import { change } from './draft.ts';
import { applyEffects, contextOf, errorMessage } from './handler.ts';
import type { Node } from './nodes.ts';
import type { Recorder } from './recording.ts';
import type { SystemConfig } from './system-config.ts';
import type { SystemState } from './system-state.ts';

const NOTICE: Cause = Object.freeze({ kind: 'local' });

/** `s` after every live node other than `peer` (which has just crashed) is told so. */
export function tellDown<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, peer: Id, rec: Recorder<M> | undefined): SystemState<S, M> {
  let t = s;
  for (const node of sys.nodes) if (node.id !== peer && !t.crashed[node.id]) t = tell(sys, t, node, peer, 'down', rec);
  return t;
}

/**
 * `s` after `peer` (which has just restarted) learns each server that is still down, then every
 * other live node learns that `peer` is up.
 */
export function tellUp<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, peer: Id, rec: Recorder<M> | undefined): SystemState<S, M> {
  let t = s;
  const restarted = sys.nodes[peer]!;
  for (const id of sys.serverIds) if (t.crashed[id]) t = tell(sys, t, restarted, id, 'down', rec);
  for (const node of sys.nodes) if (node.id !== peer && !t.crashed[node.id]) t = tell(sys, t, node, peer, 'up', rec);
  return t;
}

/** Runs `node`'s `onPeerDown` or `onPeerUp` for `peer`, if it has one, and applies its effects. */
function tell<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, node: Node<S, M>, peer: Id, event: 'down' | 'up', rec: Recorder<M> | undefined): SystemState<S, M> {
  const actor = node.actor;
  if ((event === 'down' ? actor.onPeerDown : actor.onPeerUp) === undefined) return s;
  const fx = contextOf(sys, node.id);
  const body = (d: Draft<S>): void => {
    if (event === 'down') actor.onPeerDown!(d, peer, fx);
    else actor.onPeerUp!(d, peer, fx);
  };
  const base: S = s.actors[node.id]!;
  let state: S;
  try {
    state = change(base, body);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new HandlerError(`${node.name} threw in ${event === 'down' ? 'onPeerDown' : 'onPeerUp'}(${sys.nodeNames[peer]}): ${errorMessage(e)}`);
  }
  const t = applyEffects(sys, s, node, state, fx, NOTICE, s.network, s.timers, s.crashed);
  if (rec) {
    (rec.notices ??= []).push({
      node: node.id,
      peer,
      event,
      fx,
      before: s.actors[node.id],
      after: t.actors[node.id],
      timersBefore: s.timers[node.id]!,
      timersAfter: t.timers[node.id]!,
    });
  }
  return t;
}
