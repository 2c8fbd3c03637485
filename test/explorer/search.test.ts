import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explore } from '../../checker/explore/search.ts';
import { replayChain } from '../../checker/explore/state-store.ts';
import { searchWorkersAlive } from '../../checker/explorer/search.ts';
import { startExplorer } from '../../checker/explorer/server.ts';
import { counterexample, startOn, type Explorer } from './explorer-client.ts';

describe.each([
  ['an actor system (2PC, decision not logged)', 'specs/twopc/two-phase-commit.ts', 'decision-not-logged'],
  ['a raw model (TwoPhaseBuggy)', 'specs/tlaplus/TwoPhaseBuggy.ts', 'tm-commit-without-all-prepared'],
])('search from here on %s', (_, file, config) => {
  let x: Explorer;
  beforeAll(async () => {
    x = await startOn(file, config);
  });
  afterAll(async () => x.close());

  it('finds, from a state midway along check’s counterexample, the path explore() finds from there', async () => {
    const { steps } = await x.post<{ steps: number[] }>('/api/open', { trace: await counterexample(file, config) });
    const from = steps.slice(0, Math.floor(steps.length / 2));
    const r = await x.search(from);

    // The engine's own search, on the model started in that state.
    const model = x.open.model;
    const here = replayChain(model, 0, from).states[from.length];
    const o = explore({ ...model, init: () => [here] });
    expect(o.status).toBe('violated');

    expect(r).toMatchObject({ status: 'found', property: o.property, states: o.distinctStates, depth: o.path!.actions.length });
    // Each step of the answer names, among the candidates of the state it is taken in, the action
    // explore() took there.
    expect(r.steps!.map((k, i) => model.actions(o.path!.states[i])[k])).toEqual(o.path!.actions);
    expect(r.path).toEqual([...from, ...r.steps!]);
  });
});

describe('search from here, however the spec is loaded', () => {
  it('searches a spec that a worker must load through tsx (it uses import.meta) from where the page is', async () => {
    const x = await startOn('test/explore/fixtures/grid.ts', 'all');
    try {
      // Two steps right and one up: the cells from there, 29 columns by 30 rows.
      expect(await x.search([0, 0, 1])).toMatchObject({ status: 'not found', states: 29 * 30 });
    } finally {
      await x.close();
    }
  });

  it('searches in the server’s own thread a model handed over in code, without a spec file, and finds the same', async () => {
    const x = await startOn('specs/twopc/two-phase-commit.ts', 'decision-not-logged');
    const inCode = await startExplorer({ ...x.open, file: 'no/such/spec.ts' });
    try {
      const { status, property, steps, states } = await x.search([1]);
      const res = await fetch(new URL('/api/search', inCode.url), { method: 'POST', body: JSON.stringify({ path: [1] }) });
      expect(status).toBe('found');
      expect(await res.json()).toMatchObject({ status, property, steps, states });
    } finally {
      await inCode.close();
      await x.close();
    }
  });
});

describe('cancelling a search from here', () => {
  let x: Explorer;
  beforeAll(async () => {
    x = await startOn('specs/tlaplus/TwoPhase.ts', 'rm9');
  });
  afterAll(async () => x.close());

  it('stops a long search: its progress had advanced, and no search is left running', async () => {
    const running = x.search([], 'violation', 50_000_000);
    let states = 0;
    for (let t = 0; t < 100 && states === 0; t++) {
      await new Promise((r) => setTimeout(r, 100));
      states = (await x.get<{ states: number }>('/api/search')).states;
    }
    expect(states).toBeGreaterThan(0); // progress is reported while it runs
    await x.fails('DELETE', '/api/search');
    const r = await running;
    expect(r.status).toBe('cancelled');
    expect(r.states).toBeGreaterThanOrEqual(states);
    expect(searchWorkersAlive()).toBe(0);
    expect(await x.get('/api/search')).toMatchObject({ status: 'cancelled', states: r.states });
  }, 30_000);
});
