import { describe, expect, it } from 'vitest';
import { explore, type Model } from '../../checker/index.ts';
import { loadSpecs } from '../../checker/cli/load.ts';
import { canReduce, porUnavailable } from '../../checker/explore/por.ts';
import { hasLiveness } from '../../checker/liveness/check-liveness.ts';
import type { AnyModel } from '../../checker/model.ts';
import { twoPhaseCommit } from '../../protocols/twopc/index.ts';
import { replayPath } from '../support/replay.ts';

describe('partial-order reduction (sleep sets) in actor systems', () => {
  it('visits exactly the states of a full search and computes fewer successors (2PC, 3 participants)', () => {
    const full = explore(twoPhaseCommit({ participants: 3 }));
    const reduced = explore(twoPhaseCommit({ participants: 3 }), { por: true });
    expect(reduced.status).toBe('holds');
    expect(reduced.distinctStates).toBe(full.distinctStates);
    expect(reduced.unreached).toEqual(full.unreached);
    expect(reduced.generatedStates).toBeLessThan(full.generatedStates / 2);
  });

  it('keeps every state under crashes, which commute with the steps of other nodes', () => {
    const full = explore(twoPhaseCommit({ participants: 3, crashes: 1 }));
    const reduced = explore(twoPhaseCommit({ participants: 3, crashes: 1 }), { por: true });
    expect(reduced.distinctStates).toBe(full.distinctStates);
    expect(reduced.generatedStates).toBeLessThan(full.generatedStates * 0.7);
  });

  it('visits exactly the states of a full search in every holding configuration of specs/ small enough here', async () => {
    let compared = 0;
    for (const { spec } of await loadSpecs(['specs'])) {
      for (const [name, cfg] of Object.entries(spec.configs)) {
        if (cfg.expect !== 'holds' || cfg.heavy || !canReduce(cfg.model())) continue;
        const full = explore(cfg.model(), { ...cfg.explore, maxStates: 10_000 });
        if (full.status !== 'holds') continue;
        const reduced = explore(cfg.model(), { ...cfg.explore, por: true });
        expect(reduced.distinctStates, `${spec.name}/${name}`).toBe(full.distinctStates);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it('is not applied under a state constraint, which commuting steps may leave (Raft, leader-change)', async () => {
    const raft = (await loadSpecs(['specs/raft/raft.ts']))[0]!.spec.configs['leader-change']!;
    const full = explore(raft.model(), raft.explore);
    const reduced = explore(raft.model(), { ...raft.explore, por: true });
    expect(porUnavailable(raft.model(), {})).toMatch(/state constraint/);
    expect(reduced.distinctStates).toBe(full.distinctStates);
    expect(reduced.generatedStates).toBe(full.generatedStates);
  });

  it('is not applied with symmetry: a state met again may be a renamed copy, whose sleep set names other nodes', () => {
    const sym = explore(twoPhaseCommit({ participants: 3 }), { symmetry: true });
    const both = explore(twoPhaseCommit({ participants: 3 }), { symmetry: true, por: true });
    expect(porUnavailable(twoPhaseCommit({ participants: 3 }), { symmetry: true })).toMatch(/symmetry/);
    expect(both.generatedStates).toBe(sym.generatedStates);
  });

  it('is off for a model that does not say which actions commute (a raw model)', () => {
    const raw: Model<number, 'inc'> = { init: () => [0], actions: () => ['inc'], next: (s) => (s < 3 ? s + 1 : undefined), properties: [] };
    expect(canReduce(raw)).toBe(false);
    expect(explore(raw, { por: true }).distinctStates).toBe(4);
  });

  it('still finds every bug variant in specs/, with fewer states and successors in total', async () => {
    const loaded = await loadSpecs(['specs']);
    const total = { full: { distinct: 0, generated: 0 }, reduced: { distinct: 0, generated: 0 } };
    let variants = 0;
    for (const { spec } of loaded) {
      for (const [name, cfg] of Object.entries(spec.configs)) {
        if (cfg.expect === 'holds' || cfg.heavy) continue;
        const model = cfg.model();
        // Liveness bug variants are checked on the unreduced graph (checker/liveness), never with sleep sets.
        if (!canReduce(model) || hasLiveness(model)) continue;
        const what = `${spec.name}/${name}`;
        const o = explore(model, { ...cfg.explore, por: true });
        expect(o.status, what).toBe('violated');
        // The trace replays without reduction and ends in a state that breaks the expected property.
        const last = replayPath(cfg.model(), o.path!).final;
        const expected = cfg.model().properties.find((p) => p.name === (cfg.expect as { violates: string }).violates)!;
        expect(expected.holds(last), what).toBe(false);
        variants++;
        // The full search, for comparison, where it is small enough for a unit test (the largest
        // are compared in the report). How many states a search has seen when it meets the first
        // violation depends on its order, so only the totals are compared.
        if (o.distinctStates > 20_000) continue;
        const plain = explore(cfg.model(), { ...cfg.explore });
        total.full.distinct += plain.distinctStates;
        total.full.generated += plain.generatedStates;
        total.reduced.distinct += o.distinctStates;
        total.reduced.generated += o.generatedStates;
      }
    }
    expect(variants).toBeGreaterThanOrEqual(10);
    expect(total.reduced.generated).toBeLessThan(total.full.generated);
    expect(total.reduced.distinct).toBeLessThanOrEqual(total.full.distinct);
  }, 120_000);
});
