// The nodes of an actor system and their names: one node per actor of each group, in order (a
// node's id is its position), named after its role, numbered when the role has several
// (`participant1`, `participant2`). Clients are numbered apart: their index in the history.
// Fault options name servers by role, display name or id (`selectServers`).

import { InputError } from '../errors.ts';
import type { Actor, Id } from './actor.ts';
import type { ActorGroup, NodeSelector } from './system-options.ts';

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

/**
 * The servers that `selectors` name, sorted: a role names every node playing it, a display name
 * (`server2`) or an id one node. `option` names the declaration in errors; naming a client, or
 * nothing at all, is an input error (clients are outside faults).
 */
export function selectServers<S, M>(nodes: Nodes<S, M>, selectors: readonly NodeSelector[], option: string): readonly Id[] {
  const chosen = new Set<Id>();
  for (const sel of selectors) {
    const ids = typeof sel === 'number' ? (nodes.nodes[sel] ? [sel] : []) : named(nodes, sel);
    if (ids.length === 0) throw new InputError(`${option}: no node is ${typeof sel === 'number' ? `id ${sel}` : `named or playing ${JSON.stringify(sel)}`}`);
    for (const id of ids) {
      if (nodes.nodes[id]!.client !== undefined) throw new InputError(`${option}: ${nodes.nodeNames[id]} is a client, and clients are outside faults`);
      chosen.add(id);
    }
  }
  return Object.freeze([...chosen].sort((x, y) => x - y));
}

/** The nodes playing role `name`, or else the node whose display name it is. */
function named<S, M>(nodes: Nodes<S, M>, name: string): Id[] {
  const playing = nodes.nodes.filter((n) => n.actor.name === name).map((n) => n.id);
  return playing.length > 0 ? playing : nodes.nodes.filter((n) => n.name === name).map((n) => n.id);
}
