// Every named bug variant in specs/ is found by random walks too, with one fixed seed and a modest
// budget: the random strategy is a usable second opinion wherever BFS is too big to run.

import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { loadSpecs } from '../../checker/cli/load.ts';
import { replay } from '../../checker/trace/replay.ts';

const SEED = 2;
const WALKS = 5000;

const loaded = await loadSpecs(['specs/']);
const variants = loaded.flatMap(({ spec, file }) =>
  Object.entries(spec.configs)
    .filter(([, cfg]) => cfg.expect !== 'holds' && !cfg.heavy)
    .map(([config, cfg]) => ({ name: `${spec.name}/${config}`, spec, file, config, property: (cfg.expect as { violates: string }).violates })),
);

describe(`random walks (seed ${SEED}, at most ${WALKS} walks) find every bug variant in specs/`, () => {
  it('there are bug variants to find', () => {
    expect(variants.length).toBeGreaterThan(0);
  });

  it.each(variants)('$name violates its expected property', ({ spec, file, config, property }) => {
    const r = checkConfig(spec, config, file, { strategy: 'random', seed: SEED, walks: WALKS });
    expect(r.reason).toBeUndefined();
    expect(r.status).toBe('violated');
    expect(r.property).toBe(property);
    expect(r.trace?.seed).toBe(SEED);
    expect(replay(spec.configs[config]!.model(), r.trace!).status).toBe('reproduced');
  });
});
