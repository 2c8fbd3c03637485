import { describe, expect, it } from 'vitest';
import { bfs } from '../../checker/index.ts';
import { exploreParallel } from '../../checker/explore/parallel/coordinator.ts';
import { idleWorkers, prestartWorkers, workersStarted } from '../../checker/explore/parallel/worker-pool.ts';
import twoPhaseSpec from '../../specs/tlaplus/TwoPhase.ts';
import twoPhaseCommitSpec from '../../specs/twopc/two-phase-commit.ts';

const TWOPC = 'specs/twopc/two-phase-commit.ts';
const TWOPHASE = 'specs/tlaplus/TwoPhase.ts';
const together = { shareMin: 1, waitForWorkers: true };

const twoPc = (config: keyof typeof twoPhaseCommitSpec.configs, options: { workers: number; maxStates?: number }) =>
  exploreParallel({ file: TWOPC, spec: 'TwoPhaseCommit', config }, twoPhaseCommitSpec.configs[config]!.model(), { ...together, ...options });
const twoPhase = (config: keyof typeof twoPhaseSpec.configs) =>
  exploreParallel({ file: TWOPHASE, spec: 'TwoPhase', config }, twoPhaseSpec.configs[config]!.model(), { ...together, workers: 2 });

describe('worker pool: a parallel run hands its workers on to the next run of the same spec file', () => {
  it('reuses the workers of earlier runs, and counts exactly with them after a violation and after a state bound', async () => {
    const violated = await twoPc('vote-not-durable', { workers: 3 });
    expect(violated.status).toBe('violated');
    expect(violated.property).toBe('Atomicity');
    const started = workersStarted();

    const bounded = await twoPc('p3', { workers: 3, maxStates: 100 });
    expect(bounded.boundsHit).toEqual(['maxStates']);
    const holds = await twoPc('p3', { workers: 3 });
    const one = bfs(twoPhaseCommitSpec.configs.p3!.model());
    expect(holds.status).toBe('holds');
    expect(holds.distinctStates).toBe(one.distinctStates);
    expect(holds.generatedStates).toBe(one.generatedStates);
    expect(workersStarted()).toBe(started);
  }, 60_000);

  it('starts only the workers the pool lacks, and keeps them all for the next run', async () => {
    await twoPc('p3', { workers: 2 });
    const idle = idleWorkers(TWOPC);
    const started = workersStarted();
    expect((await twoPc('p3', { workers: idle + 3 })).distinctStates).toBe(bfs(twoPhaseCommitSpec.configs.p3!.model()).distinctStates);
    expect(workersStarted()).toBe(started + 2);
    expect(idleWorkers(TWOPC)).toBe(idle + 2);
  }, 60_000);

  it('keeps the workers of one spec file at a time: a run of another file starts its own', async () => {
    await twoPc('p3', { workers: 2 });
    const started = workersStarted();
    expect((await twoPhase('rm3')).distinctStates).toBe(288);
    expect(workersStarted()).toBe(started + 1);
    // TwoPhaseCommit's idle worker was ended when TwoPhase's run took the pool.
    await twoPc('p3', { workers: 2 });
    expect(workersStarted()).toBe(started + 2);
  }, 60_000);

  it('does not hand a worker that failed in a run to the next one', async () => {
    await twoPc('p3', { workers: 2 });
    // The model given matches no configuration of the file: the worker cannot build it.
    const wrong = exploreParallel({ file: TWOPC, spec: 'TwoPhaseCommit', config: 'no-such-config' }, twoPhaseCommitSpec.configs.p3!.model(), { ...together, workers: 2 });
    await expect(wrong).rejects.toThrow(/has no configuration no-such-config/);
    const started = workersStarted();
    expect((await twoPc('p3', { workers: 2 })).status).toBe('holds');
    expect(workersStarted()).toBe(started + 1);
  }, 60_000);

  it('serves a run with workers started ahead of it (as the CLI does while it loads the specs)', async () => {
    const started = workersStarted();
    prestartWorkers(TWOPHASE, 1);
    expect((await twoPhase('rm4')).distinctStates).toBe(1568);
    expect(workersStarted()).toBe(started + 1);
  }, 60_000);
});
