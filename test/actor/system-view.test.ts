import { describe, expect, it } from 'vitest';
import { actorSystem, always, explore, type Actor } from '../../checker/index.ts';
import { majority, systemView } from '../../checker/actor/system-view.ts';

type Msg = { readonly type: 'hello'; readonly client: number };

const server: Actor<{ readonly heard: readonly number[] }, Msg> = {
  name: 'server',
  init: () => ({ heard: [] }),
  onMessage(s, _from, msg) {
    s.heard.push(msg.client);
  },
};

const client: Actor<{ readonly index: number }, Msg> = {
  name: 'client',
  init(ctx) {
    // A handler finds its place in the system without arithmetic on ids.
    const index = ctx.system.clientIndex(ctx.self);
    ctx.send(ctx.servers[index % ctx.servers.length]!, { type: 'hello', client: index });
    return { index };
  },
};

const system = (servers: number, clients: number) =>
  actorSystem<{ readonly heard: readonly number[] } | { readonly index: number }, Msg>({
    actors: [
      { actor: server, count: servers },
      { actor: client, count: clients, client: true },
    ],
    properties: [
      // A property finds the servers through the system, not through a field of their state.
      always('EachClientHeardOnce', (s, sys) => {
        const heard = sys.servers.flatMap((id) => (s.actors[id] as { readonly heard: readonly number[] }).heard);
        return new Set(heard).size === heard.length;
      }),
    ],
  });

describe('the system view', () => {
  it('names the nodes, their roles, the servers, the clients and a majority of the servers', () => {
    const view = system(3, 2).system;
    expect(view.names).toEqual(['server1', 'server2', 'server3', 'client1', 'client2']);
    expect(view.roles).toEqual(['server', 'server', 'server', 'client', 'client']);
    expect(view.servers).toEqual([0, 1, 2]);
    expect(view.clients).toEqual([3, 4]);
    expect(view.playing('client')).toEqual([3, 4]);
    expect(view.playing('nobody')).toEqual([]);
    expect(view.majority).toBe(2);
    expect(view.isClient(4)).toBe(true);
    expect(view.isClient(0)).toBe(false);
  });

  it('maps a client node to its index in the history and back, and refuses a server', () => {
    const view = systemView([
      { name: 'client1', role: 'client', client: true },
      { name: 'server', role: 'server', client: false },
      { name: 'client2', role: 'client', client: true },
    ]);
    expect(view.clientIndex(2)).toBe(1);
    expect(view.clientNode(1)).toBe(2);
    expect(() => view.clientIndex(1)).toThrow('node server is not a client');
    expect(() => view.clientNode(2)).toThrow('no client with index 2');
  });

  it('is what handlers see as ctx.system and what properties receive beside the state', () => {
    const model = system(2, 3);
    const outcome = explore(model);
    expect(outcome.status).toBe('holds');
    expect(model.init()[0]!.actors.slice(2)).toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
  });

  it('counts a majority as more than half', () => {
    expect([1, 2, 3, 4, 5].map(majority)).toEqual([1, 2, 2, 3, 3]);
  });
});
