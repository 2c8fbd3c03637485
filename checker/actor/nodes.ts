// The nodes of an actor system and their names: one node per actor of each group, in order (a
// node's id is its position), named after its role, numbered when the role has several
// (`participant1`, `participant2`). Clients are numbered apart: their index in the history.

import type { Actor, Id } from './actor.ts';
import type { ActorGroup } from './system-options.ts';

export interface Node<S, M> {
  readonly id: Id;
  readonly name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly actor: Actor<S, M, any, any, any>;
  /** The client's index in the history; undefined for a server. */
  readonly client: number | undefined;
}

export interface Nodes<S, M> {
  readonly nodes: readonly Node<S, M>[];
  readonly nodeNames: readonly string[];
  readonly serverIds: readonly Id[];
  readonly clientIds: readonly Id[];
  /** Per node, the servers other than itself. */
  readonly peersOf: readonly (readonly Id[])[];
}

export function nodesOf<S, M>(groups: readonly ActorGroup<S, M>[]): Nodes<S, M> {
  const nodes: Node<S, M>[] = [];
  let clientCount = 0;
  const perRole = new Map<string, number>();
  for (const g of groups) {
    const count = g.count ?? 1;
    const total = groups.filter((x) => x.actor.name === g.actor.name).reduce((k, x) => k + (x.count ?? 1), 0);
    for (let i = 0; i < count; i++) {
      const k = perRole.get(g.actor.name) ?? 0;
      perRole.set(g.actor.name, k + 1);
      const name = total === 1 ? g.actor.name : `${g.actor.name}${k + 1}`;
      nodes.push({ id: nodes.length, name, actor: g.actor, client: g.client ? clientCount++ : undefined });
    }
  }
  const serverIds = Object.freeze(nodes.filter((n) => n.client === undefined).map((n) => n.id));
  const clientIds = Object.freeze(nodes.filter((n) => n.client !== undefined).map((n) => n.id));
  return {
    nodes,
    nodeNames: nodes.map((n) => n.name),
    serverIds,
    clientIds,
    peersOf: nodes.map((n) => Object.freeze(serverIds.filter((id) => id !== n.id))),
  };
}
