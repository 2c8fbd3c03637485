import { describe, expect, it } from 'vitest';
import { explore, type Model } from '../../checker/index.ts';
import { loadSpecs } from '../../checker/cli/load.ts';
import { canReduce } from '../../checker/explore/por.ts';
import type { AnyModel } from '../../checker/model.ts';
import { twoPhaseCommit } from '../../protocols/twopc/index.ts';

/** Re-applies a path on the model without reduction; returns the last state. */
function replay(model: AnyModel, path: { init: number; actions: readonly unknown[] }): unknown {
  let s = model.init()[path.init];
  for (const a of path.actions) {
    s = model.next(s, a);
    expect(s).toBeDefined();
  }
  return s;
}

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

  it('still finds every bug variant in specs/, with no more successors computed (fewer in total)', async () => {
    const loaded = await loadSpecs(['specs']);
    let full = 0;
    let reduced = 0;
    let variants = 0;
    for (const { spec } of loaded) {
      for (const [name, cfg] of Object.entries(spec.configs)) {
        if (cfg.expect === 'holds' || cfg.heavy) continue;
        const model = cfg.model();
        if (!canReduce(model)) continue;
        const expected = cfg.expect.violates;
        const plain = explore(cfg.model(), { ...cfg.explore });
        const o = explore(model, { ...cfg.explore, por: true });
        const what = `${spec.name}/${name}`;
        expect(o.status, what).toBe('violated');
        // A state may break several properties; the one named first must be broken at the end.
        const last = replay(cfg.model(), o.path!);
        expect(cfg.model().properties.find((p) => p.name === expected)!.holds(last), what).toBe(plain.property === expected ? false : plain.property !== o.property);
        expect(o.property, what).toBe(plain.property);
        expect(o.distinctStates, what).toBe(plain.distinctStates);
        expect(o.generatedStates, what).toBeLessThanOrEqual(plain.generatedStates);
        full += plain.generatedStates;
        reduced += o.generatedStates;
        variants++;
      }
    }
    expect(variants).toBeGreaterThanOrEqual(10);
    expect(reduced).toBeLessThan(full);
  }, 120_000);
});
