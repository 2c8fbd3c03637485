import { describe, it, expect } from 'vitest';
import { actorSystem, always, explore, type Actor, type ActorAction, type ActorModel, type SystemState } from '../../checker/index.ts';
import { causalEvents, causalTrace, compareVectors, concurrent, happensBefore, type LoggedEvent } from '../../checker/causality.ts';
import { fingerprintHex } from '../../checker/testing.ts';

// A node that, within a budget, ticks or sends `ping` to the other; the receiver stamps receives.
interface Node {
  readonly budget: number;
  readonly got: number;
}
type Msg = { readonly type: 'ping' };
const node: Actor<Node, Msg, 'tick' | 'ping'> = {
  name: 'n',
  init: () => ({ budget: 2, got: 0 }),
  choices: (s) => (s.budget > 0 ? ['tick', 'ping'] : []),
  onChoice(s, choice, ctx) {
    s.budget -= 1;
    if (choice === 'ping') ctx.send(1 - ctx.self, { type: 'ping' });
    ctx.stamp(`${choice}`);
  },
  onMessage(s) {
    s.got += 1;
  },
};

type State = SystemState<Node, Msg>;
const system = (causality: boolean, ordered = false): ActorModel<Node, Msg> =>
  actorSystem<Node, Msg>({ actors: [{ actor: node, count: 2 }], causality, network: { ordered }, properties: [] });

function run(model: ActorModel<Node, Msg>, steps: ((a: ActorAction<Msg>) => boolean)[]): State {
  let s = model.init()[0]!;
  for (const pick of steps) {
    const a = model.actions(s).find((x) => pick(x) && model.next(s, x) !== undefined);
    expect(a).toBeDefined();
    s = model.next(s, a!)!;
  }
  return s;
}
const choose = (n: number, c: string) => (a: ActorAction<Msg>) => a.kind === 'choose' && a.node === n && a.choice === c;
const deliver = (to: number, sent?: number) => (a: ActorAction<Msg>) =>
  a.kind === 'deliver' && a.to === to && (sent === undefined || (a as { sent?: number }).sent === sent);
const event = (s: State, n: number, i: number): LoggedEvent => causalEvents(s.causality).find((e) => e.node === n && e.index === i)!;

describe('ground-truth causality (causality: true)', () => {
  it('gives every step an event with its true vector clock: program order and send → receive', () => {
    const s = run(system(true), [choose(0, 'tick'), choose(0, 'ping'), choose(1, 'tick'), deliver(1)]);
    expect(s.causality!.map((es) => es.map((e) => e.vc))).toEqual([
      [[1, 0], [2, 0]],
      [[0, 1], [2, 2]],
    ]);
    const receive = event(s, 1, 2);
    expect(receive).toMatchObject({ kind: 'receive', from: { node: 0, index: 2 } });
    expect(happensBefore(event(s, 0, 1), receive)).toBe(true); // transitively, through the send
    expect(happensBefore(event(s, 0, 2), event(s, 1, 1))).toBe(false);
    expect(concurrent(event(s, 0, 2), event(s, 1, 1))).toBe(true);
    expect(happensBefore(receive, receive)).toBe(false);
  });

  it('records the stamp the protocol gives an event, and none when it gives none', () => {
    const s = run(system(true), [choose(0, 'ping'), deliver(1)]);
    expect(event(s, 0, 1).stamp).toBe('ping');
    expect('stamp' in event(s, 1, 1)).toBe(false);
    expect(event(s, 0, 1).sends).toBe(1);
  });

  it('is canonical: interleaving concurrent events differently reaches the same state', () => {
    const model = system(true);
    const a = run(model, [choose(0, 'tick'), choose(1, 'tick')]);
    const b = run(model, [choose(1, 'tick'), choose(0, 'tick')]);
    expect(fingerprintHex(a)).toBe(fingerprintHex(b));
  });

  it('keeps different causal histories apart even when the protocol state is the same', () => {
    const model = system(true);
    // n2 receives n1's ping before or after its own tick: same node states, different causality.
    const before = run(model, [choose(0, 'ping'), deliver(1), choose(1, 'tick')]);
    const after = run(model, [choose(0, 'ping'), choose(1, 'tick'), deliver(1)]);
    expect(before.actors).toEqual(after.actors);
    expect(fingerprintHex(before)).not.toBe(fingerprintHex(after));
  });

  it('tells equal messages with different causal pasts apart, so either may arrive first', () => {
    const model = system(true);
    const s = run(model, [choose(0, 'ping'), choose(0, 'ping')]);
    const deliveries = model.actions(s).filter(deliver(1));
    expect(deliveries.map((a) => (a as { sent?: number }).sent).sort()).toEqual([1, 2]);
    const secondFirst = run(model, [choose(0, 'ping'), choose(0, 'ping'), deliver(1, 2)]);
    expect(event(secondFirst, 1, 1).from).toEqual({ node: 0, index: 2 });
    expect(event(secondFirst, 1, 1).vc).toEqual([2, 1]);
  });

  it('with FIFO channels, delivers in send order', () => {
    const model = system(true, true);
    const s = run(model, [choose(0, 'ping'), choose(0, 'ping')]);
    const deliveries = model.actions(s).filter(deliver(1));
    expect(deliveries.map((a) => (a as { sent?: number }).sent)).toEqual([1]);
    expect(model.next(s, { kind: 'deliver', from: 0, to: 1, msg: { type: 'ping' }, sent: 2 } as ActorAction<Msg>)).toBeUndefined();
  });

  it('replays actions after a JSON round trip, naming the send event of each delivery', () => {
    const model = system(true);
    const live = run(model, [choose(0, 'ping'), choose(1, 'tick'), choose(0, 'ping'), deliver(1, 2)]);
    let s = model.init()[0]!;
    const actions: ActorAction<Msg>[] = JSON.parse(
      JSON.stringify([
        { kind: 'choose', node: 0, choice: 'ping' },
        { kind: 'choose', node: 1, choice: 'tick' },
        { kind: 'choose', node: 0, choice: 'ping' },
        { kind: 'deliver', from: 0, to: 1, msg: { type: 'ping' }, sent: 2 },
      ]),
    );
    for (const a of actions) s = model.next(s, a)!;
    expect(fingerprintHex(s)).toBe(fingerprintHex(live));
    expect(model.formatAction!(actions[3]!)).toContain('sent at n1.e2');
  });

  it('lets properties compare stamps with the truth, and finds a shortest violation', () => {
    // "No event is stamped tick after a ping was received": violated once a receive follows a tick.
    const base = system(true);
    const model = { ...base, properties: [always<State>('NoTickBeforeReceive', (s) => !causalEvents(s.causality).some((a) => a.stamp === 'tick' && causalEvents(s.causality).some((b) => b.kind === 'receive' && happensBefore(a, b))))] };
    const outcome = explore(model);
    expect(outcome.status).toBe('violated');
    expect(outcome.path!.actions).toHaveLength(3);
    const trace = causalTrace(base, outcome.path!);
    expect(trace).toMatch(/⇒ n2\.e1 \(receive\) V=\[2,1\]/);
  });

  it('is off by default: no log, no send events on envelopes or actions', () => {
    const model = system(false);
    const s = run(model, [choose(0, 'ping')]);
    expect('causality' in s).toBe(false);
    expect('sent' in s.network[0]!).toBe(false);
    expect('sent' in model.actions(s).find(deliver(1))!).toBe(false);
  });

  it('makes a receive the protocol only stamps an event; without causality it stays a no-op', () => {
    const stampOnly: Actor<Node, Msg, 'ping'> = {
      name: 'n',
      init: () => ({ budget: 1, got: 0 }),
      choices: (s) => (s.budget > 0 ? ['ping'] : []),
      onChoice(s, _c, ctx) {
        s.budget -= 1;
        ctx.send(1 - ctx.self, { type: 'ping' });
      },
      onMessage(_s, _from, _msg, ctx) {
        ctx.stamp('seen');
      },
    };
    for (const causality of [true, false]) {
      const model = actorSystem<Node, Msg>({ actors: [{ actor: stampOnly, count: 2 }], causality, properties: [] });
      const s = model.next(model.init()[0]!, { kind: 'choose', node: 0, choice: 'ping' })!;
      const received = model.next(s, model.actions(s).find(deliver(1))!);
      expect(received !== undefined).toBe(causality);
      if (received) expect(event(received, 1, 1).stamp).toBe('seen');
    }
  });

  it('names the send event in loss and duplication too; a duplicate is received twice from one send', () => {
    const model = actorSystem<Node, Msg>({ actors: [{ actor: node, count: 2 }], causality: true, network: { lose: 1, duplicate: 1 }, properties: [] });
    let s = run(model, [choose(0, 'ping'), choose(0, 'ping')]);
    const lose = model.actions(s).find((a) => a.kind === 'lose' && (a as { sent?: number }).sent === 1)!;
    expect(model.formatAction!(lose)).toBe('⌁ lost n1 → n2: {"type":"ping"}  ‹sent at n1.e1›');
    s = model.next(s, JSON.parse(JSON.stringify(lose)) as ActorAction<Msg>)!;
    expect(s.network.map((e) => (e as { sent?: number }).sent)).toEqual([2]);
    s = run(model, [choose(0, 'ping'), (a) => a.kind === 'duplicate' && (a as { sent?: number }).sent === 1, deliver(1), deliver(1)]);
    expect(s.causality![1]!.map((e) => e.from)).toEqual([{ node: 0, index: 1 }, { node: 0, index: 1 }]);
  });

  it('makes a restart an event that follows the node’s events before the crash', () => {
    const model = actorSystem<Node, Msg>({ actors: [{ actor: node, count: 2 }], causality: true, faults: { crashes: 1 }, properties: [] });
    const s = run(model, [choose(0, 'tick'), (a) => a.kind === 'crash' && a.node === 0, (a) => a.kind === 'restart' && a.node === 0]);
    expect(s.causality![0]!.map((e) => [e.kind, e.vc])).toEqual([
      ['local', [1, 0]],
      ['restart', [2, 0]],
    ]);
  });

  it('compares vectors entrywise', () => {
    expect(compareVectors([1, 0], [1, 1])).toBe('before');
    expect(compareVectors([2, 0], [1, 1])).toBe('concurrent');
    expect(compareVectors([1, 1], [1, 1])).toBe('equal');
    expect(compareVectors([1, 2], [1, 1])).toBe('after');
  });
});
