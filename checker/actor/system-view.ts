// What a system knows about its own make-up, read-only: which nodes there are, their names and
// roles, which are servers and which are clients. Properties receive it beside the state, and
// handlers find it on `ctx.system`, so neither keeps fields or arithmetic only to find nodes.

import type { Id } from './actor.ts';

export interface SystemView {
  /** Every node's display name, by id (`participant2`, `client1`). */
  readonly names: readonly string[];
  /** Every node's role (its actor's `name`), by id. */
  readonly roles: readonly string[];
  /** The nodes that are not clients, in id order. */
  readonly servers: readonly Id[];
  /** The client nodes, in id order; a client's index in the history is its position here. */
  readonly clients: readonly Id[];
  /** The smallest number of servers that is more than half of them. */
  readonly majority: number;
  /** The nodes whose actor is named `role`, in id order (empty when there is none). */
  playing(role: string): readonly Id[];
  isClient(id: Id): boolean;
  /** The client's index in the clients' history (0 for the first client); throws for a server. */
  clientIndex(id: Id): number;
  /** The node of the client with history index `index`. */
  clientNode(index: number): Id;
}

/** The smallest number of `n` nodes that is more than half of them. */
export function majority(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** The view of a system whose nodes have these names and roles; clients are flagged. */
export function systemView(nodes: readonly { readonly name: string; readonly role: string; readonly client: boolean }[]): SystemView {
  const names = Object.freeze(nodes.map((n) => n.name));
  const roles = Object.freeze(nodes.map((n) => n.role));
  const ids = nodes.map((_, id) => id);
  const servers = Object.freeze(ids.filter((id) => !nodes[id]!.client));
  const clients = Object.freeze(ids.filter((id) => nodes[id]!.client));
  const byRole = new Map<string, readonly Id[]>();
  for (const role of new Set(roles)) byRole.set(role, Object.freeze(ids.filter((id) => roles[id] === role)));
  const none: readonly Id[] = Object.freeze([]);
  return Object.freeze({
    names,
    roles,
    servers,
    clients,
    majority: majority(servers.length),
    playing: (role: string) => byRole.get(role) ?? none,
    isClient: (id: Id) => nodes[id]?.client === true,
    clientIndex(id: Id): number {
      const index = clients.indexOf(id);
      if (index < 0) throw new Error(`node ${names[id] ?? String(id)} is not a client`);
      return index;
    },
    clientNode(index: number): Id {
      const id = clients[index];
      if (id === undefined) throw new Error(`no client with index ${index}`);
      return id;
    },
  });
}
