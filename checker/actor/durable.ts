// What survives a crash and how a node comes back from it: one rule for the explored model
// (faults.ts) and for a node running for real (runtime/live-actor.ts).

import type { Context } from './actor.ts';
import type { Node } from './nodes.ts';

/** The fields the actor declares durable, taken from `state`. */
export function durableFields<S, M>(node: Node<S, M>, state: S): Record<string, unknown> {
  const keep: Record<string, unknown> = {};
  for (const k of node.actor.durable ?? []) keep[k] = (state as Record<string, unknown>)[k];
  return keep;
}

/** A node back from what survived: its `recover`, or `init` with the durable fields laid over. */
export function restartedState<S, M>(node: Node<S, M>, durable: Partial<S>, ctx: Context<M>): S {
  return node.actor.recover ? node.actor.recover(durable, ctx) : { ...node.actor.init(ctx), ...durable };
}
