import { describe, expect, it } from 'vitest';
import { actorSystem, bfs } from '../../checker/index.ts';
import { coordinator } from '../../protocols/twopc/coordinator.ts';
import { participant } from '../../protocols/twopc/participant.ts';
import { atomicity, renameParticipants, validity } from '../../protocols/twopc/system.ts';
import type { Bug, Message, NodeState } from '../../protocols/twopc/index.ts';
import { twoPhase } from '../../specs/tlaplus/TwoPhase.ts';
import { bruteForceOrbits } from '../support/orbits.ts';

function twoPc(n: number, opts: { crashes?: number; bug?: Bug; symmetric?: boolean } = {}) {
  const participants = Array.from({ length: n }, (_, i) => i + 1);
  return actorSystem<NodeState, Message>({
    actors: [{ actor: coordinator({ participants: n, ...(opts.bug ? { bug: opts.bug } : {}) }) }, { actor: participant({ participants: n, ...(opts.bug ? { bug: opts.bug } : {}) }), count: n }],
    faults: { crashes: opts.crashes ?? 0 },
    properties: [atomicity, validity],
    ...(opts.symmetric === false ? {} : { symmetry: { groups: [participants], renameState: renameParticipants } }),
  });
}

describe('symmetry reduction in actor systems', () => {
  it('counts each orbit of interchangeable participants exactly once (checked against brute force)', () => {
    for (const [n, crashes] of [
      [2, 1],
      [3, 0],
    ] as const) {
      const reduced = bfs(twoPc(n, { crashes }), { symmetry: true });
      expect(reduced.status).toBe('holds');
      const participants = Array.from({ length: n }, (_, i) => i + 1);
      const brute = bruteForceOrbits(twoPc(n, { crashes, symmetric: false }), { groups: [participants], renameState: renameParticipants });
      expect(brute.outside).toBe(0);
      expect(reduced.distinctStates).toBe(brute.orbits);
    }
  });

  it('the brute force notices a declaration that is not a symmetry: renamings then lead out of the reachable states', () => {
    // The coordinator is not a participant; and without the hook, its votes keep the old ids.
    const model = twoPc(2, { symmetric: false });
    expect(bruteForceOrbits(model, { groups: [[0, 1]], renameState: renameParticipants }).outside).toBeGreaterThan(0);
    expect(bruteForceOrbits(model, { groups: [[1, 2]] }).outside).toBeGreaterThan(0);
    expect(bruteForceOrbits(model, { groups: [[1, 2]], renameState: renameParticipants }).outside).toBe(0);
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
      expect(atomicity.holds(s, plain.system)).toBe(false);
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
