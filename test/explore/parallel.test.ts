import { describe, expect, it } from 'vitest';
import { bfs } from '../../checker/index.ts';
import { loadSpecs } from '../../checker/cli/load.ts';
import { exploreParallel } from '../../checker/explore/parallel/coordinator.ts';
import { workerScript } from '../../checker/explore/parallel/worker-script.ts';
import type { AnyModel, Model } from '../../checker/model.ts';
import twoPhaseSpec from '../../specs/tlaplus/TwoPhase.ts';
import twoPhaseBuggySpec from '../../specs/tlaplus/TwoPhaseBuggy.ts';
import twoPhaseCommitSpec from '../../specs/twopc/two-phase-commit.ts';
import gridSpec from './fixtures/grid.ts';
import nondeterministicSpec from '../cli/fixtures/nondeterministic.ts';
import { replayPath } from '../support/replay.ts';

// The first parallel run of a spec file starts worker threads on a bundle of it (a fraction of a
// second); later runs of the file take them from the pool (worker-pool.test.ts).
describe('parallel breadth-first search (worker threads, shared visited set)', () => {
  it('finds exactly the distinct states of one worker, and the same depth, growing its table on the way (TwoPhase, 6 RMs)', async () => {
    // A table of 2^14 slots grows three times on the way to 50,816 states.
    const model = twoPhaseSpec.configs.rm6!.model();
    const o = await exploreParallel({ file: 'specs/tlaplus/TwoPhase.ts', spec: 'TwoPhase', config: 'rm6' }, model, { workers: 2, initialCapacity: 1 << 14, shareMin: 1, waitForWorkers: true });
    expect(o.status).toBe('holds');
    expect(o.distinctStates).toBe(50816);
    expect(o.maxDepth).toBe(bfs(twoPhaseSpec.configs.rm6!.model()).maxDepth);
  }, 60_000);

  it('counts an actor system exactly and reports the unreached `sometimes` properties as one worker does', async () => {
    const model = twoPhaseCommitSpec.configs.p3!.model();
    const one = bfs(twoPhaseCommitSpec.configs.p3!.model());
    const o = await exploreParallel({ file: 'specs/twopc/two-phase-commit.ts', spec: 'TwoPhaseCommit', config: 'p3' }, model, { workers: 3, shareMin: 1, waitForWorkers: true });
    expect(o.status).toBe(one.status);
    expect(o.distinctStates).toBe(one.distinctStates);
    expect(o.generatedStates).toBe(one.generatedStates);
    expect(o.unreached).toEqual(one.unreached);
  }, 60_000);

  it('returns a counterexample found by a worker, as short as one worker’s, that replays on the model', async () => {
    const model = twoPhaseBuggySpec.configs['tm-commit-without-all-prepared']!.model();
    const one = bfs(twoPhaseBuggySpec.configs['tm-commit-without-all-prepared']!.model());
    const o = await exploreParallel(
      { file: 'specs/tlaplus/TwoPhaseBuggy.ts', spec: 'TwoPhaseBuggy', config: 'tm-commit-without-all-prepared' },
      model,
      { workers: 2, shareMin: 1, waitForWorkers: true },
    );
    expect(o.status).toBe('violated');
    expect(o.property).toBe('TCConsistent');
    expect(o.path!.actions).toHaveLength(one.path!.actions.length);
    const last = replayPath(model, o.path!).final;
    expect(model.properties.find((p) => p.name === 'TCConsistent')!.holds(last)).toBe(false);
  }, 60_000);

  it('rebuilds a path that runs through states found by the main thread and by the workers', async () => {
    // The main thread holds the initial states and the workers wait hungry; it hands them half its
    // rest once that is 30 states or more, so the first steps' parents are recorded on the main
    // thread and later ones on workers. Without waitForWorkers, wherever the run's timing puts them.
    const model = twoPhaseCommitSpec.configs['vote-not-durable']!.model();
    const source = { file: 'specs/twopc/two-phase-commit.ts', spec: 'TwoPhaseCommit', config: 'vote-not-durable' };
    for (const options of [{ workers: 2, shareMin: 30, waitForWorkers: true }, { workers: 2 }]) {
      const o = await exploreParallel(source, model, options);
      expect(o.status).toBe('violated');
      expect(o.property).toBe('Atomicity');
      expect(o.path!.actions).toHaveLength(9);
      expect(model.properties.find((p) => p.name === 'Atomicity')!.holds(replayPath(model, o.path!).final)).toBe(false);
    }
  }, 60_000);

  it('refuses a model whose next draws at random, as one worker does', async () => {
    const source = { file: 'test/cli/fixtures/nondeterministic.ts', spec: 'Nondeterministic', config: 'random' };
    await expect(exploreParallel(source, nondeterministicSpec.configs.random!.model(), { workers: 2 })).rejects.toThrow(/^nondeterministic: action Add from the state after steps \[/);
  }, 60_000);

  it('starts its workers on one bundle of the spec, the engine and the worker loop', async () => {
    expect((await workerScript('specs/tlaplus/TwoPhase.ts')).protocol).toBe('data:');
  });

  it('loads a spec that uses import.meta through tsx in each worker instead, and counts it exactly', async () => {
    // The grid spec reads its size (30) from a file beside it: 31 × 31 cells.
    expect((await workerScript('test/explore/fixtures/grid.ts')).pathname).toMatch(/worker-bootstrap\.mjs$/);
    const source = { file: 'test/explore/fixtures/grid.ts', spec: 'Grid', config: 'all' };
    const o = await exploreParallel(source, gridSpec.configs.all!.model(), { workers: 2, shareMin: 1, waitForWorkers: true });
    expect(o.status).toBe('holds');
    expect(o.distinctStates).toBe(31 * 31);
  }, 60_000);

  it('reports a deadlock with a shortest path, and stops at a depth or state bound as one worker does', async () => {
    const source = (config: string) => ({ file: 'test/explore/fixtures/grid.ts', spec: 'Grid', config });
    const options = { workers: 2, shareMin: 1, waitForWorkers: true };
    const deadlock = await exploreParallel(source('deadlock'), gridSpec.configs.deadlock!.model(), options);
    expect(deadlock.status).toBe('violated');
    expect(deadlock.property).toBe('Deadlock');
    expect(deadlock.path!.actions).toHaveLength(60);
    // Cells with x + y ≤ 10: 66.
    const shallow = await exploreParallel(source('all'), gridSpec.configs.all!.model(), { ...options, maxDepth: 10 });
    expect(shallow).toMatchObject({ status: 'incomplete', boundsHit: ['maxDepth'], distinctStates: 66, maxDepth: 10 });
    const few = await exploreParallel(source('all'), gridSpec.configs.all!.model(), { ...options, maxStates: 200 });
    expect(few.status).toBe('incomplete');
    expect(few.boundsHit).toEqual(['maxStates']);
    expect(few.distinctStates).toBeLessThan(961);
  }, 60_000);

  it('reaches the verdict, count and counterexample length of one worker in every small configuration of specs/', async () => {
    // The workers join before the first level and take states as soon as the main thread holds two,
    // so states cross threads in every run, rebuilt there from their paths: a model whose `next`
    // does not give the same state for the same step fails here.
    let compared = 0;
    for (const { spec, file } of await loadSpecs(['specs'])) {
      for (const [config, cfg] of Object.entries(spec.configs)) {
        if (cfg.heavy || (cfg.explore?.strategy ?? 'bfs') !== 'bfs') continue;
        const one = bfs(cfg.model(), { ...cfg.explore, maxStates: 3_000 });
        if (one.boundsHit.includes('maxStates')) continue;
        const what = `${spec.name}/${config}`;
        const two = await exploreParallel({ file, spec: spec.name, config }, cfg.model(), { ...cfg.explore, workers: 2, shareMin: 1, waitForWorkers: true });
        expect(two.status, what).toBe(one.status);
        expect(two.property, what).toBe(one.property);
        if (one.status === 'holds') expect(two.distinctStates, what).toBe(one.distinctStates);
        if (one.path) expect(two.path!.actions.length, what).toBe(one.path.actions.length);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  }, 300_000);
});
