// Network delivery: a message in flight is taken by its receiver's `onMessage`. Any message may
// be delivered next when the network is a multiset, only a channel's head when it is FIFO; not
// to a crashed node, nor across a partition.

import type { ActorAction } from './actions.ts';
import { sentOf, withSent, type Cause } from './causality.ts';
import { partitioned } from './faults.ts';
import { applyEffects, runHandler } from './handler.ts';
import { candidates, locate, removeAt } from './network.ts';
import type { Recorder } from './recording.ts';
import type { SystemConfig } from './system-config.ts';
import { systemState, type SystemState } from './system-state.ts';

/** The cause of a receive event whose send is not logged (causality off). */
const RECEIVE: Cause = Object.freeze({ kind: 'receive' });

type Deliver<M> = Extract<ActorAction<M>, { kind: 'deliver' }>;

/** Adds to `out` the deliveries enabled in `s`. */
export function deliveries<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, out: ActorAction<M>[]): void {
  for (const i of candidates(s.network, sys.ordered)) {
    const e = s.network[i]!;
    if (s.crashed[e.to] || partitioned(sys, s, e.from, e.to)) continue;
    out.push(withSent({ kind: 'deliver', from: e.from, to: e.to, msg: e.msg }, e));
  }
}

/**
 * The receiver handles the message. A delivery that changes nothing (same state, nothing asked)
 * is not a step unless the system keeps such deliveries: the message stays in flight.
 */
export function deliver<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>, a: Deliver<M>, rec: Recorder<M> | undefined): SystemState<S, M> | undefined {
  const node = sys.nodes[a.to];
  if (!node || s.crashed[a.to] || partitioned(sys, s, a.from, a.to)) return undefined;
  const i = locate(s.network, a, sys.ordered, sys.causal);
  if (i < 0) return undefined;
  if (rec) rec.taken = s.network[i];
  const base = s.actors[a.to]!;
  if (!node.actor.onMessage) {
    return sys.keepNoopDeliveries ? systemState(s.actors, s.crashed, s.timers, removeAt(s.network, i), s.history, s.faults, s.partition, s.causality) : undefined;
  }
  const e = s.network[i]!;
  // A recorded step runs its handler: the record holds the handler's own effects.
  let handled = rec === undefined ? sys.deliveries.get(a.to, base, e) : undefined;
  if (handled === undefined) {
    handled = runHandler(sys, node, base, a, rec, (d, ctx) => node.actor.onMessage!(d, a.from, a.msg, ctx));
    if (rec === undefined) {
      if (handled.state !== base) handled = { state: sys.nodeStates.intern(handled.state), fx: handled.fx };
      sys.deliveries.set(a.to, base, e, handled);
    }
  }
  const { state, fx } = handled;
  if (state === base && fx.empty && !sys.keepNoopDeliveries) return undefined;
  const sent = sentOf(e);
  const cause: Cause = sent === undefined ? RECEIVE : { kind: 'receive', from: { node: a.from, index: sent } };
  return applyEffects(sys, s, node, state, fx, cause, removeAt(s.network, i), s.timers, s.crashed);
}
