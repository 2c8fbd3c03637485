// Local choices: nondeterministic steps a node takes on its own (a participant that decides to
// abort, a client that issues its next operation). The actor lists those enabled in its state
// (`choices`); each is an explicit action of the trace, handled by `onChoice`.

import type { ActorAction } from './actions.ts';
import type { Cause } from './causality.ts';
import { applyEffects, runHandler } from './handler.ts';
import type { Node } from './nodes.ts';
import type { Recorder } from './recording.ts';
import type { SystemConfig } from './system-config.ts';
import type { SystemState } from './system-state.ts';

const LOCAL: Cause = Object.freeze({ kind: 'local' });

/** Adds to `out` the choices of `node` enabled in `s`. */
export function localChoices<S, M>(node: Node<S, M>, s: SystemState<S, M>, out: ActorAction<M>[]): void {
  const choices = node.actor.choices?.(s.actors[node.id]!) ?? [];
  for (const choice of choices) out.push({ kind: 'choose', node: node.id, choice });
}

export function choose<S, M>(
  sys: SystemConfig<S, M>,
  s: SystemState<S, M>,
  a: Extract<ActorAction<M>, { kind: 'choose' }>,
  rec: Recorder<M> | undefined,
): SystemState<S, M> | undefined {
  const node = sys.nodes[a.node];
  if (!node || s.crashed[a.node] || !node.actor.onChoice) return undefined;
  const base = s.actors[a.node]!;
  const enabled = node.actor.choices?.(base) ?? [];
  // A choice replayed from a trace is a JSON copy of the one the actor listed.
  const key = JSON.stringify(a.choice);
  if (!enabled.some((c) => c === a.choice || JSON.stringify(c) === key)) return undefined;
  const { state, fx } = runHandler(sys, node, base, a, rec, (d, ctx) => node.actor.onChoice!(d, a.choice, ctx));
  return applyEffects(sys, s, node, state, fx, LOCAL, s.network, s.timers, s.crashed);
}
