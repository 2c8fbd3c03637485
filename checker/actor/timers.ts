// Timers: a node arms and disarms named timers (`ctx.setTimer`); an armed timer of a node that
// is up may fire at any point, which disarms it and runs the node's `onTimer`. Timers carry no
// deadlines: which fires when is the explorer's choice.

import type { ActorAction } from './actions.ts';
import type { Cause } from './causality.ts';
import { applyEffects, runHandler } from './handler.ts';
import type { Node } from './nodes.ts';
import type { Recorder } from './recording.ts';
import type { SystemConfig } from './system-config.ts';
import { replaced, systemState, type SystemState } from './system-state.ts';

const TIMER: Cause = Object.freeze({ kind: 'timer' });

/** Adds to `out` the timers of `node` that may fire in `s`. */
export function timeouts<S, M>(node: Node<S, M>, s: SystemState<S, M>, out: ActorAction<M>[]): void {
  for (const timer of s.timers[node.id]!) out.push({ kind: 'timeout', node: node.id, timer });
}

export function fireTimer<S, M>(
  sys: SystemConfig<S, M>,
  s: SystemState<S, M>,
  a: Extract<ActorAction<M>, { kind: 'timeout' }>,
  rec: Recorder<M> | undefined,
): SystemState<S, M> | undefined {
  const node = sys.nodes[a.node];
  if (!node || s.crashed[a.node] || !s.timers[a.node]!.includes(a.timer)) return undefined;
  const timers = replaced(s.timers, a.node, Object.freeze(s.timers[a.node]!.filter((t) => t !== a.timer)));
  const base = s.actors[a.node]!;
  if (!node.actor.onTimer) return systemState(s.actors, s.crashed, timers, s.network, s.history, s.faults, s.partition, s.causality);
  const { state, fx } = runHandler(sys, node, base, a, rec, (d, ctx) => node.actor.onTimer!(d, a.timer, ctx));
  return applyEffects(sys, s, node, state, fx, TIMER, s.network, timers, s.crashed);
}
