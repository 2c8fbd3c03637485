import { describe, expect, it } from 'vitest';
import { explore, type Model } from '../../checker/index.ts';
import { loadSpecs } from '../../checker/cli/load.ts';
import { canReduce } from '../../checker/explore/por.ts';
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

  it('keeps every state under crashes, which depend on everything', () => {
    const full = explore(twoPhaseCommit({ participants: 2, crashes: 1 }));
    const reduced = explore(twoPhaseCommit({ participants: 2, crashes: 1 }), { por: true });
    expect(reduced.distinctStates).toBe(full.distinctStates);
    expect(reduced.generatedStates).toBeLessThan(full.generatedStates);
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
        if (!canReduce(model)) continue;
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
