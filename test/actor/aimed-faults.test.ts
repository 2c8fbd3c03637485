import { describe, expect, it } from 'vitest';
import { InputError } from '../../checker/errors.ts';
import { actorSystem, type Actor, type ActorAction, type ActorModel, type FaultOptions, type SystemState } from '../../checker/index.ts';

type Msg = { readonly type: 'Put'; readonly n: number };

/** A link of a chain: head, middle and tail play one role. */
const server: Actor<{ readonly n: number }, Msg> = { name: 'server', durable: ['n'], init: () => ({ n: 0 }) };
/** A client that never acts: it is there to show that clients stay outside faults. */
const client: Actor<{ readonly n: number }, Msg> = { name: 'client', init: () => ({ n: 0 }) };

const chain = (faults: FaultOptions) =>
  actorSystem<{ readonly n: number }, Msg>({
    actors: [{ actor: client, client: true }, { actor: server, count: 3 }],
    faults,
    properties: [],
  });

type Model = ActorModel<{ readonly n: number }, Msg>;
type State = SystemState<{ readonly n: number }, Msg>;

/** The faults of `kind` offered in `s`, as people read them. */
const offered = (m: Model, s: State, kind: ActorAction<Msg>['kind']): string[] =>
  m.actions(s).filter((a) => a.kind === kind).map((a) => m.formatAction!(a));

/** Every state reachable by faults alone. */
function reachable(m: Model): State[] {
  const seen: State[] = [];
  const keys = new Set<string>();
  const todo = m.init().slice();
  while (todo.length > 0) {
    const s = todo.pop()!;
    const k = JSON.stringify([s.crashed, s.faults, s.partition]);
    if (keys.has(k)) continue;
    keys.add(k);
    seen.push(s);
    for (const a of m.actions(s)) todo.push(m.next(s, a)!);
  }
  return seen;
}

describe('aimed crashes', () => {
  it('offers a crash of every server by default, never of a client', () => {
    const m = chain({ crashes: 1 });
    expect(offered(m, m.init()[0]!, 'crash')).toEqual(['✗ server1 crashes', '✗ server2 crashes', '✗ server3 crashes']);
  });

  it('crashable: by display name, only the middle of the chain crashes; the budget is spent on it alone', () => {
    const m = chain({ crashes: 2, crashable: ['server2'] });
    const states = reachable(m);
    const crashes = new Set(states.flatMap((s) => offered(m, s, 'crash')));
    expect([...crashes]).toEqual(['✗ server2 crashes']);
    // Crash, restart, crash again: the budget of two is spent on server2, nobody else ever fell.
    expect(Math.max(...states.map((s) => s.faults.crashes))).toBe(2);
    expect(states.every((s) => !s.crashed[0] && !s.crashed[1] && !s.crashed[3])).toBe(true);
  });

  it('crashable: by id and by role name the same nodes', () => {
    const ids = chain({ crashes: 1, crashable: [1, 3] });
    expect(offered(ids, ids.init()[0]!, 'crash')).toEqual(['✗ server1 crashes', '✗ server3 crashes']);
    const role = chain({ crashes: 1, crashable: ['server'] });
    expect(offered(role, role.init()[0]!, 'crash')).toHaveLength(3);
  });

  it('refuses a crash of a node outside the set, as a step replayed from a trace', () => {
    const m = chain({ crashes: 1, crashable: ['server2'] });
    expect(m.next(m.init()[0]!, { kind: 'crash', node: 1 })).toBeUndefined();
    expect(m.next(m.init()[0]!, { kind: 'crash', node: 2 })?.crashed).toEqual([false, false, true, false]);
  });

  it('is an input error to name a client or nothing', () => {
    expect(() => chain({ crashes: 1, crashable: ['client'] })).toThrow(InputError);
    expect(() => chain({ crashes: 1, crashable: ['client'] })).toThrow(/client is a client, and clients are outside faults/);
    expect(() => chain({ crashes: 1, crashable: ['sever'] })).toThrow(/faults.crashable: no node is named or playing "sever"/);
    expect(() => chain({ crashes: 1, crashable: [7] })).toThrow(/no node is id 7/);
  });

  it('is an input error to declare interchangeable nodes the faults tell apart', () => {
    const m = () =>
      actorSystem<{ readonly n: number }, Msg>({
        actors: [{ actor: server, count: 3 }],
        faults: { crashes: 1, crashable: ['server1'] },
        properties: [],
        symmetry: [[0, 1, 2]],
      });
    expect(m).toThrow(/symmetry group \{server1, server2, server3\} mixes nodes faults.crashable names \(server1\)/);
  });
});

describe('aimed partitions', () => {
  it('splits the servers every way by default', () => {
    const m = chain({ partitions: 1 });
    expect(offered(m, m.init()[0]!, 'partition')).toEqual(['partition: {server1} isolated', 'partition: {server2} isolated', 'partition: {server3} isolated']);
  });

  it('partitionable: only cuts that leave one side made of the named servers', () => {
    const one = chain({ partitions: 1, partitionable: ['server3'] });
    expect(offered(one, one.init()[0]!, 'partition')).toEqual(['partition: {server3} isolated']);
    // Four servers, two of them isolable: each alone, or both together, away from the rest.
    const four = actorSystem<{ readonly n: number }, Msg>({ actors: [{ actor: server, count: 4 }], faults: { partitions: 1, partitionable: [2, 3] }, properties: [] });
    expect(offered(four, four.init()[0]!, 'partition')).toEqual(['partition: {server1, server2} isolated', 'partition: {server3} isolated', 'partition: {server4} isolated']);
  });

  it('refuses a partition that isolates another node', () => {
    const m = chain({ partitions: 1, partitionable: ['server3'] });
    expect(m.next(m.init()[0]!, { kind: 'partition', isolated: [1] })).toBeUndefined();
    expect(m.next(m.init()[0]!, { kind: 'partition', isolated: [3] })?.partition).toEqual([3]);
  });
});
