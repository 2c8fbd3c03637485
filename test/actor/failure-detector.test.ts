import { describe, expect, it } from 'vitest';
import { actorSystem, always, explore, type Actor, type ActorAction, type Id, type SystemState } from '../../checker/index.ts';
import { canReduce } from '../../checker/explore/por.ts';
import { renderHtml } from '../../checker/trace/html.ts';
import { renderMermaid } from '../../checker/trace/mermaid.ts';
import { renderText } from '../../checker/trace/text.ts';
import { PLAIN } from '../../checker/trace/style.ts';
import { traceOf, viewOfTrace } from '../trace/fixtures.ts';

// Primary-backup: two replicas, the first starts as primary. The backup takes over when the
// failure detector says the primary is down; a restarted replica comes back as a backup (or as the
// primary, when it learns that its peer is down), and the primary hands it the value it holds.

type Msg = { readonly type: 'State'; readonly value: number };

interface Replica {
  readonly role: 'primary' | 'backup';
  readonly value: number;
}

interface Client {
  /** The replica this client sends to. */
  readonly primary: Id;
}

type Node = Replica | Client;

const other = (id: Id, ctx: { readonly servers: readonly Id[] }): Id => ctx.servers.find((s) => s !== id)!;

const replica: Actor<Replica, Msg, 'write'> = {
  name: 'replica',
  durable: ['value'],
  init: (ctx) => ({ role: ctx.self === ctx.servers[0] ? 'primary' : 'backup', value: 0 }),
  recover: (durable) => ({ role: 'backup', value: durable.value ?? 0 }),
  choices: (s) => (s.role === 'primary' && s.value === 0 ? ['write'] : []),
  onChoice(s) {
    s.value = 1;
  },
  onMessage(s, _from, msg) {
    s.value = msg.value;
  },
  onPeerDown(s) {
    s.role = 'primary';
  },
  onPeerUp(s, peer, ctx) {
    if (s.role === 'primary') ctx.send(peer, { type: 'State', value: s.value });
  },
};

/** A client follows the primary: told its replica is down, it turns to the other. */
const client: Actor<Client, Msg> = {
  name: 'client',
  init: (ctx) => ({ primary: ctx.servers[0]! }),
  onPeerDown(s, peer, ctx) {
    if (s.primary === peer) s.primary = other(peer, ctx);
  },
};

type State = SystemState<Node, Msg>;

const live = (s: State, system: { readonly playing: (role: string) => readonly Id[] }) =>
  system.playing('replica').filter((id) => !s.crashed[id]).map((id) => s.actors[id] as Replica);

/** While a replica is up, one of the live replicas is the primary. */
const primaryAvailable = always<State>('PrimaryAvailable', (s, system) => {
  const up = live(s, system);
  return up.length === 0 || up.some((r) => r.role === 'primary');
});

/** Never two live primaries. */
const singlePrimary = always<State>('SinglePrimary', (s, system) => live(s, system).filter((r) => r.role === 'primary').length <= 1);

const primaryBackup = (failureDetector: boolean, crashes = 2) =>
  actorSystem<Node, Msg>({
    actors: [{ actor: replica, count: 2 }, { actor: client, client: true }],
    faults: { crashes, failureDetector },
    properties: [primaryAvailable, singlePrimary],
    formatMessage: (m) => `State(${m.value})`,
  });

describe('a perfect failure detector', () => {
  it('without it, the backup never learns that the primary crashed: no primary is left', () => {
    const o = explore(primaryBackup(false, 1));
    expect(o.status).toBe('violated');
    expect(o.property).toBe('PrimaryAvailable');
    expect(o.path!.actions).toEqual([{ kind: 'crash', node: 0 }]);
  });

  it('with it, the backup takes over in the crash step, and a restarted replica learns its peer is down', () => {
    // Two crashes: replica1 falls, replica2 takes over and falls too; replica1 restarts as a
    // backup and is at once told that replica2 is down, so it becomes the primary.
    const o = explore(primaryBackup(true));
    expect(o.status).toBe('holds');
  });

  it('runs onPeerDown on every other live node, clients included, and records what each did', () => {
    const m = primaryBackup(true);
    const s = m.init()[0]!;
    const r = m.record(s, { kind: 'crash', node: 0 })!;
    expect(r.state.actors).toEqual([{ value: 0 }, { role: 'primary', value: 0 }, { primary: 1 }]);
    expect(r.record).toMatchObject({
      kind: 'crash',
      node: 0,
      notified: [
        { node: 1, peer: 0, event: 'down', changes: [{ path: 'role', before: 'backup', after: 'primary' }] },
        { node: 2, peer: 0, event: 'down', changes: [{ path: 'primary', before: 0, after: 1 }] },
      ],
    });
  });

  it('runs onPeerUp when the node restarts; what the told nodes send is the step\'s', () => {
    const m = primaryBackup(true);
    let s = m.init()[0]!;
    for (const a of [{ kind: 'choose', node: 0, choice: 'write' }, { kind: 'crash', node: 1 }] as const) s = m.next(s, a)!;
    const r = m.record(s, { kind: 'restart', node: 1 })!;
    expect(r.record).toMatchObject({
      kind: 'restart',
      node: 1,
      changes: [{ path: 'role', after: 'backup' }],
      notified: [{ node: 0, peer: 1, event: 'up', changes: [] }],
      sent: [{ from: 0, to: 1, text: 'State(1)' }],
    });
    // The client has no onPeerUp: it is not told.
    expect((r.record as { notified: readonly unknown[] }).notified).toHaveLength(1);
  });

  it('tells a restarted node which servers are still down; its own changes stop before', () => {
    const m = primaryBackup(true);
    let s = m.init()[0]!;
    for (const a of [{ kind: 'crash', node: 0 }, { kind: 'crash', node: 1 }] as const) s = m.next(s, a)!;
    const r = m.record(s, { kind: 'restart', node: 0 })!;
    expect(r.state.actors[0]).toEqual({ role: 'primary', value: 0 });
    expect(r.record).toMatchObject({
      changes: [{ path: 'role', after: 'backup' }],
      notified: [{ node: 0, peer: 1, event: 'down', changes: [{ path: 'role', before: 'backup', after: 'primary' }] }],
    });
  });

  it('shows in the text, Mermaid and HTML views who learnt what, and what they did', () => {
    const m = primaryBackup(true);
    const steps: ActorAction<Msg>[] = [
      { kind: 'choose', node: 0, choice: 'write' },
      { kind: 'crash', node: 0 },
      { kind: 'restart', node: 0 },
    ];
    const view = viewOfTrace(m, traceOf(m, 'PrimaryAvailable', steps));
    const text = renderText(view, { style: PLAIN });
    expect(text).toContain('replica2 learns replica1 is down');
    expect(text).toContain('replica2.role: "backup" → "primary"');
    expect(text).toContain('client learns replica1 is down');
    expect(text).toContain('replica2 learns replica1 is up');
    expect(text).toContain('replica2 sends State(0) → replica1');
    expect(renderMermaid(view)).toContain('Note right of n1: learns replica1 is down<br/>role: backup → primary');
    expect(renderHtml(view)).toContain('{"node":1,"text":"learns replica1 is down"}');
  });

  it('makes a crash touch every node, so partial-order reduction keeps it apart from their steps', () => {
    const crash: ActorAction<Msg> = { kind: 'crash', node: 0 };
    const write: ActorAction<Msg> = { kind: 'choose', node: 1, choice: 'write' };
    const independent = (failureDetector: boolean) => {
      const m = primaryBackup(failureDetector);
      if (!canReduce(m)) throw new Error('an actor system commutes its steps');
      return m.independent(crash, write);
    };
    expect(independent(false)).toBe(true);
    expect(independent(true)).toBe(false);
  });

  it('lets a told client record operations, in the step, named by the client', () => {
    // The client's read waits on the only server; told it is down, the client gives up on it.
    const server: Actor<object, Msg> = { name: 'server', init: () => ({}) };
    const reader: Actor<{ readonly waiting: boolean }, Msg, never, string, string> = {
      name: 'reader',
      init(ctx) {
        ctx.invoke('read');
        return { waiting: true };
      },
      onPeerDown(s, _peer, ctx) {
        ctx.complete('unavailable');
        s.waiting = false;
      },
    };
    const m = actorSystem<object, Msg, string, string>({
      actors: [{ actor: server }, { actor: reader, client: true }],
      faults: { crashes: 1, failureDetector: true },
      properties: [],
    });
    const r = m.record(m.init()[0]!, { kind: 'crash', node: 0 })!;
    expect(r.record.returned).toEqual([{ client: 0, node: 1, value: 'unavailable' }]);
    expect(r.state.history[0]).toMatchObject([{ input: 'read', output: 'unavailable', done: true }]);
  });
});
