import { describe, expect, it } from 'vitest';
import { HandlerError } from '../../checker/errors.ts';
import { actorSystem, explore, historyOf, type Actor, type ActorAction, type ActorModel, type SystemState } from '../../checker/index.ts';

type Msg = { readonly type: 'Ping'; readonly n: number } | { readonly type: 'Pong'; readonly n: number };

interface Counter {
  readonly got: readonly number[];
}

/** Sends Ping 1..k to node 1 at start. */
const sender = (k: number): Actor<Counter, Msg> => ({
  name: 'sender',
  init(ctx) {
    for (let n = 1; n <= k; n++) ctx.send(1, { type: 'Ping', n });
    return { got: [] };
  },
});

/** Records the order in which pings arrive. */
const receiver: Actor<Counter, Msg> = {
  name: 'receiver',
  durable: [],
  init: () => ({ got: [] }),
  onMessage(s, _from, msg) {
    s.got.push(msg.n);
  },
};

function finals(model: ActorModel<Counter, Msg>): string[] {
  // Every reachable receiver history, by exhaustive search.
  const seen = new Set<string>();
  const m = { ...model, properties: [{ kind: 'always' as const, name: 'Record', holds: (s: SystemState<Counter, Msg>) => (seen.add(s.actors[1]!.got.join(',')), true) }] };
  explore(m);
  return [...seen].sort();
}

function run<S, M>(model: ActorModel<S, M>, steps: readonly NoInfer<ActorAction<M>>[]): SystemState<S, M> {
  let s = model.init()[0]!;
  for (const a of steps) {
    const t = model.next(s, a);
    if (!t) throw new Error(`not enabled: ${model.formatAction!(a)}`);
    s = t;
  }
  return s;
}

describe('the network', () => {
  it('delivers in any order when unordered', () => {
    const model = actorSystem<Counter, Msg>({ actors: [{ actor: sender(3) }, { actor: receiver }], properties: [] });
    expect(finals(model)).toContain('3,2,1');
    expect(finals(model).filter((x) => x.split(',').length === 3)).toHaveLength(6);
  });

  it('delivers in send order per channel when ordered', () => {
    const model = actorSystem<Counter, Msg>({ actors: [{ actor: sender(3) }, { actor: receiver }], network: { ordered: true }, properties: [] });
    expect(finals(model)).toEqual(['', '1', '1,2', '1,2,3']);
  });

  it('is a multiset: two equal messages in flight are one delivery choice, delivered twice', () => {
    const twice: Actor<Counter, Msg> = { name: 'sender', init: (ctx) => (ctx.send(1, { type: 'Ping', n: 7 }), ctx.send(1, { type: 'Ping', n: 7 }), { got: [] }) };
    const model = actorSystem<Counter, Msg>({ actors: [{ actor: twice }, { actor: receiver }], properties: [] });
    const s0 = model.init()[0]!;
    expect(s0.network).toHaveLength(2);
    expect(model.actions(s0).filter((a) => a.kind === 'deliver')).toHaveLength(1);
    expect(finals(model)).toEqual(['', '7', '7,7']);
  });

  it('loses and duplicates messages only within the budget, each as a named step', () => {
    const model = actorSystem<Counter, Msg>({ actors: [{ actor: sender(2) }, { actor: receiver }], network: { lose: 1, duplicate: 1 }, properties: [] });
    const outcomes = finals(model);
    expect(outcomes).toContain('1,1,2'); // one duplicated
    expect(outcomes).toContain('2'); // one lost
    expect(outcomes).not.toContain('1,1,2,2'); // two duplications: over budget
    const s = run(model, [{ kind: 'lose', from: 0, to: 1, msg: { type: 'Ping', n: 1 } }]);
    expect(s.faults.lost).toBe(1);
    expect(model.actions(s).some((a) => a.kind === 'lose')).toBe(false);
    expect(model.formatAction!({ kind: 'lose', from: 0, to: 1, msg: { type: 'Ping', n: 1 } })).toBe('⌁ lost sender → receiver: {"type":"Ping","n":1}');
  });

  it('does not count a delivery that changes nothing as a step (the message stays in flight)', () => {
    const deaf: Actor<Counter, Msg> = { name: 'receiver', init: () => ({ got: [] }), onMessage: () => {} };
    const model = actorSystem<Counter, Msg>({ actors: [{ actor: sender(1) }, { actor: deaf }], properties: [] });
    expect(explore(model).distinctStates).toBe(1);
    const consuming = actorSystem<Counter, Msg>({ actors: [{ actor: sender(1) }, { actor: deaf }], properties: [], keepNoopDeliveries: true });
    expect(explore(consuming).distinctStates).toBe(2);
  });
});

describe('crashes and restarts', () => {
  interface Acceptor {
    readonly promised: number;
    readonly scratch: number;
  }
  const acceptor: Actor<Acceptor, Msg> = {
    name: 'acceptor',
    durable: ['promised'],
    init: () => ({ promised: 0, scratch: 0 }),
    onMessage(s, _from, msg) {
      s.promised = Math.max(s.promised, msg.n);
      s.scratch = msg.n;
    },
  };

  it('keep durable fields, lose the rest, and are bounded by the budget', () => {
    const model = actorSystem<Counter | Acceptor, Msg>({ actors: [{ actor: sender(1) }, { actor: acceptor }], faults: { crashes: 1 }, properties: [] });
    const s = run(model, [
      { kind: 'deliver', from: 0, to: 1, msg: { type: 'Ping', n: 1 } },
      { kind: 'crash', node: 1 },
    ]);
    expect(s.crashed[1]).toBe(true);
    expect(s.actors[1]).toEqual({ promised: 1 });
    expect(model.actions(s).map((a) => a.kind)).toEqual(['restart']);
    const t = run(model, [
      { kind: 'deliver', from: 0, to: 1, msg: { type: 'Ping', n: 1 } },
      { kind: 'crash', node: 1 },
      { kind: 'restart', node: 1 },
    ]);
    expect(t.actors[1]).toEqual({ promised: 1, scratch: 0 });
    expect(model.actions(t).some((a) => a.kind === 'crash')).toBe(false);
  });

  it('lose the messages in flight to the crashed node by default', () => {
    const model = actorSystem<Counter | Acceptor, Msg>({ actors: [{ actor: sender(2) }, { actor: acceptor }], faults: { crashes: 1 }, properties: [] });
    expect(run(model, [{ kind: 'crash', node: 1 }]).network).toHaveLength(0);
    const keep = actorSystem<Counter | Acceptor, Msg>({ actors: [{ actor: sender(2) }, { actor: acceptor }], faults: { crashes: 1, crashLosesMessages: false }, properties: [] });
    const s = run(keep, [{ kind: 'crash', node: 1 }]);
    expect(s.network).toHaveLength(2);
    expect(keep.actions(s).some((a) => a.kind === 'deliver')).toBe(false);
  });
});

describe('timers and local choices', () => {
  interface Node {
    readonly ticks: number;
    readonly mood: string;
  }
  const node: Actor<Node, Msg, 'happy' | 'sad'> = {
    name: 'node',
    init: (ctx) => (ctx.setTimer('tick'), { ticks: 0, mood: '' }),
    onTimer(s, _t, ctx) {
      s.ticks++;
      if (s.ticks < 2) ctx.setTimer('tick');
    },
    choices: (s) => (s.mood === '' ? ['happy', 'sad'] : []),
    onChoice(s, c) {
      s.mood = c;
    },
  };

  it('fire armed timers at any point and offer each enabled choice as an action', () => {
    const model = actorSystem<Node, Msg>({ actors: [{ actor: node }], properties: [] });
    const s0 = model.init()[0]!;
    expect(model.actions(s0)).toEqual([
      { kind: 'timeout', node: 0, timer: 'tick' },
      { kind: 'choose', node: 0, choice: 'happy' },
      { kind: 'choose', node: 0, choice: 'sad' },
    ]);
    // ticks 0..2 × mood '', happy, sad
    expect(explore(model).distinctStates).toBe(9);
  });
});

describe('partitions', () => {
  const echo: Actor<Counter, Msg> = {
    name: 'server',
    init: () => ({ got: [] }),
    onMessage(s, _from, msg) {
      s.got.push(msg.n);
    },
  };
  const pinger: Actor<Counter, Msg> = { name: 'server', init: (ctx) => (ctx.self === 0 ? ctx.broadcast({ type: 'Ping', n: 1 }) : undefined, { got: [] }), onMessage: echo.onMessage! };

  it('split the servers in two; messages across wait until the partition heals', () => {
    const model = actorSystem<Counter, Msg>({ actors: [{ actor: pinger, count: 3 }], faults: { partitions: 1 }, properties: [] });
    const s0 = model.init()[0]!;
    // {0} | {1,2}, {1} | {0,2}, {2} | {0,1}: three ways to split three servers.
    expect(model.actions(s0).filter((a) => a.kind === 'partition')).toHaveLength(3);
    const s = run(model, [{ kind: 'partition', isolated: [0] }]);
    expect(model.actions(s).filter((a) => a.kind === 'deliver')).toHaveLength(0);
    const healed = run(model, [{ kind: 'partition', isolated: [0] }, { kind: 'heal' }]);
    expect(model.actions(healed).filter((a) => a.kind === 'deliver')).toHaveLength(2);
    expect(model.actions(healed).some((a) => a.kind === 'partition')).toBe(false);
  });
});

describe('clients and their history', () => {
  type Op = { readonly type: 'Put'; readonly v: string } | { readonly type: 'Ok' };
  interface Reg {
    readonly v: string;
  }
  const store: Actor<Reg, Op> = {
    name: 'store',
    init: () => ({ v: '' }),
    onMessage(s, from, msg, ctx) {
      if (msg.type === 'Put') {
        s.v = msg.v;
        ctx.send(from, { type: 'Ok' });
      }
    },
  };
  const client: Actor<Reg, Op, never, string, string> = {
    name: 'client',
    init(ctx) {
      const v = String.fromCharCode(65 + ctx.self - 1);
      ctx.send(0, { type: 'Put', v });
      ctx.invoke(`put ${v}`);
      return { v };
    },
    onMessage(_s, _from, _msg, ctx) {
      ctx.complete('ok');
    },
  };

  it('records invocations and returns, and keeps unanswered operations pending', () => {
    const model = actorSystem<Reg, Op>({ actors: [{ actor: store }, { actor: client, count: 2, client: true }], properties: [] });
    const s = run(model, [
      { kind: 'deliver', from: 1, to: 0, msg: { type: 'Put', v: 'A' } },
      { kind: 'deliver', from: 0, to: 1, msg: { type: 'Ok' } },
    ]);
    const h = historyOf(s.history, model.clientIds);
    expect(h).toHaveLength(2);
    const a = h.find((o) => o.client === 1)!;
    const b = h.find((o) => o.client === 2)!;
    expect(a).toMatchObject({ input: 'put A', output: 'ok' });
    expect(b.ret).toBeUndefined();
    // Both were invoked at start: concurrent, so neither precedes the other.
    expect(a.ret! > b.call).toBe(true);
  });

  it('records only the real-time order, so unrelated interleavings are one state', () => {
    const model = actorSystem<Reg, Op>({ actors: [{ actor: store }, { actor: client, count: 2, client: true }], properties: [] });
    // Two puts, each delivered and acknowledged: the order of the two acknowledgements matters
    // to the store's value but not to the real-time order of two concurrent operations.
    const o = explore(model);
    expect(o.status).toBe('holds');
    expect(o.distinctStates).toBeGreaterThan(0);
  });

  it('refuses history from a node that is not a client', () => {
    const liar: Actor<Reg, Op> = { name: 'store', init: (ctx) => (ctx.invoke('x'), { v: '' }) };
    expect(() => actorSystem<Reg, Op>({ actors: [{ actor: liar }], properties: [] }).init()).toThrow(/not a client/);
  });
});

describe('values handed to the engine', () => {
  interface Log {
    readonly entries: readonly { readonly n: number }[];
  }
  type Copy = { readonly type: 'Copy'; readonly entries: readonly { readonly n: number }[] };
  const leader: Actor<Log, Copy> = {
    name: 'leader',
    init: (ctx) => (ctx.setTimer('replicate'), { entries: [{ n: 1 }, { n: 2 }] }),
    onTimer(s, _t, ctx) {
      // Parts of the draft, sent as they are: the engine must copy them before the draft is revoked.
      ctx.send(1, { type: 'Copy', entries: s.entries.slice(1) });
      s.entries.push({ n: 3 });
    },
  };
  const follower: Actor<Log, Copy> = { name: 'follower', init: () => ({ entries: [] }), onMessage: (s, _f, m) => void s.entries.push(...m.entries) };

  it('may contain parts of the handler\'s draft, which are copied as they were when sent', () => {
    const model = actorSystem<Log, Copy>({ actors: [{ actor: leader }, { actor: follower }], properties: [] });
    const s = run(model, [{ kind: 'timeout', node: 0, timer: 'replicate' }]);
    expect(s.network[0]!.msg).toEqual({ type: 'Copy', entries: [{ n: 2 }] });
    const t = run(model, [{ kind: 'timeout', node: 0, timer: 'replicate' }, { kind: 'deliver', from: 0, to: 1, msg: { type: 'Copy', entries: [{ n: 2 }] } }]);
    expect(t.actors[1]).toEqual({ entries: [{ n: 2 }] });
  });
});

describe('handler faults', () => {
  it('name the node and the step', () => {
    const broken: Actor<Counter, Msg> = { name: 'receiver', init: () => ({ got: [] }), onMessage: () => { throw new Error('kaput'); } };
    const model = actorSystem<Counter, Msg>({ actors: [{ actor: sender(1) }, { actor: broken }], properties: [] });
    expect(() => explore(model)).toThrow(HandlerError);
    expect(() => explore(model)).toThrow('receiver threw while handling sender → receiver: {"type":"Ping","n":1}: kaput');
  });
});

describe('step records', () => {
  /** Answers each Ping with a Pong, arms a timer, and records a client operation. */
  const echo: Actor<Counter, Msg> = {
    name: 'echo',
    durable: [],
    init: () => ({ got: [] }),
    onMessage(s, from, msg, ctx) {
      s.got.push(msg.n);
      ctx.send(from, { type: 'Pong', n: msg.n });
      ctx.setTimer('retry');
    },
  };
  const model = actorSystem<Counter, Msg>({
    actors: [{ actor: sender(1) }, { actor: echo }],
    faults: { crashes: 1 },
    properties: [],
    formatMessage: (m) => `${m.type}(${m.n})`,
  });
  const s0 = model.init()[0]!;

  it('say what init sent', () => {
    expect(model.recordInit(s0)).toMatchObject({ kind: 'init', sent: [{ from: 0, to: 1, msg: { type: 'Ping', n: 1 }, text: 'Ping(1)' }] });
  });
  it('say which message a delivery took, what changed, what the handler sent and armed', () => {
    const r = model.record(s0, { kind: 'deliver', from: 0, to: 1, msg: { type: 'Ping', n: 1 } })!;
    expect(r.state).toEqual(model.next(s0, { kind: 'deliver', from: 0, to: 1, msg: { type: 'Ping', n: 1 } }));
    expect(r.record).toMatchObject({
      kind: 'deliver',
      label: 'sender → echo: Ping(1)',
      node: 1,
      message: { from: 0, to: 1, text: 'Ping(1)' },
      changes: [{ path: 'got', before: [], after: [1] }],
      sent: [{ from: 1, to: 0, msg: { type: 'Pong', n: 1 }, text: 'Pong(1)' }],
      timersSet: ['retry'],
    });
  });
  it('say what a crash dropped', () => {
    const r = model.record(s0, { kind: 'crash', node: 1 })!;
    expect(r.record).toMatchObject({ kind: 'crash', node: 1, dropped: [{ from: 0, to: 1, text: 'Ping(1)' }], sent: [] });
  });
  it('are undefined for a step that is not enabled', () => {
    expect(model.record(s0, { kind: 'restart', node: 1 })).toBeUndefined();
  });
});
