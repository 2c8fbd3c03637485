import { describe, expect, it } from 'vitest';
import { actorSystem, bfs, fingerprint, type Id } from '../../checker/index.ts';
import { envelope, insert, type Envelope } from '../../checker/actor/network.ts';
import { coordinator } from '../../protocols/twopc/coordinator.ts';
import { participant } from '../../protocols/twopc/participant.ts';
import { atomicity, renameParticipants, validity } from '../../protocols/twopc/system.ts';
import type { Bug, Message, NodeState, TwoPhaseState } from '../../protocols/twopc/index.ts';
import { twoPhase } from '../../specs/tlaplus/TwoPhase.ts';

function twoPc(n: number, opts: { crashes?: number; bug?: Bug; symmetric?: boolean } = {}) {
  const participants = Array.from({ length: n }, (_, i) => i + 1);
  return actorSystem<NodeState, Message>({
    actors: [{ actor: coordinator({ participants: n, ...(opts.bug ? { bug: opts.bug } : {}) }) }, { actor: participant({ participants: n, ...(opts.bug ? { bug: opts.bug } : {}) }), count: n }],
    faults: { crashes: opts.crashes ?? 0 },
    properties: [atomicity, validity],
    ...(opts.symmetric === false ? {} : { symmetry: { groups: [participants], renameState: renameParticipants } }),
  });
}

/** Orbits counted by brute force: every reachable state, canonical = least fingerprint over all renamings. */
function bruteForceOrbits(n: number, crashes: number): number {
  const model = twoPc(n, { crashes, symmetric: false });
  const perms = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
  const all = perms(Array.from({ length: n }, (_, i) => i + 1)).map((p) => [0, ...p]);
  const rename = (s: TwoPhaseState, perm: number[]): TwoPhaseState => {
    const r = (id: Id): Id => perm[id]!;
    const actors: NodeState[] = [];
    const crashed: boolean[] = [];
    const timers: (readonly string[])[] = [];
    s.actors.forEach((a, i) => {
      actors[r(i)] = renameParticipants(a, r);
      crashed[r(i)] = s.crashed[i]!;
      timers[r(i)] = s.timers[i]!;
    });
    let network: Envelope<Message>[] = [];
    for (const e of s.network) network = insert(network, envelope(r(e.from), r(e.to), e.msg), false);
    return { ...s, actors, crashed, timers, network };
  };
  const key = (s: unknown): string => {
    const f = fingerprint(s);
    return `${f.hi.toString(16).padStart(8, '0')}${f.lo.toString(16).padStart(8, '0')}`;
  };
  const seen = new Set<string>();
  const orbits = new Set<string>();
  const queue = [...model.init()];
  for (const s of queue) seen.add(key(s));
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i]!;
    orbits.add(all.map((p) => key(rename(s, p))).sort()[0]!);
    for (const a of model.actions(s)) {
      const t = model.next(s, a);
      if (t === undefined || seen.has(key(t))) continue;
      seen.add(key(t));
      queue.push(t);
    }
  }
  return orbits.size;
}

describe('symmetry reduction in actor systems', () => {
  it('counts each orbit of interchangeable participants exactly once (checked against brute force)', () => {
    for (const [n, crashes] of [
      [2, 1],
      [3, 0],
    ] as const) {
      const reduced = bfs(twoPc(n, { crashes }), { symmetry: true });
      expect(reduced.status).toBe('holds');
      expect(reduced.distinctStates).toBe(bruteForceOrbits(n, crashes));
    }
  });

  it('reduces 2PC with 3 participants from 1,424 states to 309, and the same protocol without symmetry is untouched', () => {
    expect(bfs(twoPc(3), { symmetry: true }).distinctStates).toBe(309);
    expect(bfs(twoPc(3)).distinctStates).toBe(1424);
    expect(bfs(twoPc(3, { symmetric: false }), { symmetry: true }).distinctStates).toBe(1424);
  });

  it('finds the durability bugs, with a concrete trace that replays on the unreduced model', () => {
    for (const bug of ['vote-not-durable', 'decision-not-logged'] as const) {
      const o = bfs(twoPc(3, { crashes: 1, bug }), { symmetry: true });
      expect(o.status).toBe('violated');
      expect(o.property).toBe('Atomicity');
      const plain = twoPc(3, { crashes: 1, bug, symmetric: false });
      let s = plain.init()[o.path!.init]!;
      for (const a of o.path!.actions) {
        const t = plain.next(s, a);
        expect(t).toBeDefined();
        s = t!;
      }
      expect(atomicity.holds(s)).toBe(false);
    }
  });

  it('gives TLC’s orbit counts for TwoPhase with symmetric RMs (raw-model symmetry: 80 for 3 RMs, 314 for 5)', () => {
    expect(bfs(twoPhase(3), { symmetry: true }).distinctStates).toBe(80);
    expect(bfs(twoPhase(5), { symmetry: true }).distinctStates).toBe(314);
  });

  it('rejects a group with a client or an unknown node', () => {
    const actors = [{ actor: coordinator({ participants: 2 }) }, { actor: participant({ participants: 2 }), count: 2 }];
    expect(() => actorSystem<NodeState, Message>({ actors, properties: [], symmetry: [[1, 5]] })).toThrow(/no node 5/);
  });
});
