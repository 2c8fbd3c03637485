import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { explore } from '../../checker/index.ts';
import { replay } from '../../checker/trace/replay.ts';
import { twoPhaseCommitTermination } from '../../protocols/twopc/termination.ts';
import spec from '../../specs/twopc/termination.ts';

const run = (config: string) => checkConfig(spec, config, 'specs/twopc/termination.ts');

describe('two-phase commit: Termination', () => {
  it('holds when a crashed coordinator restarts: every participant decides', () => {
    expect(run('termination')).toMatchObject({ met: true, status: 'holds' });
  });

  it('coordinator-crash-blocks: a coordinator that never restarts leaves a prepared participant waiting for ever', () => {
    const r = run('coordinator-crash-blocks');
    expect(r).toMatchObject({ met: true, status: 'violated', property: 'Termination', propertyKind: 'eventually' });
    const steps = r.trace!.steps.map((s) => s.label);
    // The lasso ends in the crash and stutters there: nothing fair is left to do.
    expect(r.trace!.cycleStart).toBe(steps.length);
    expect(steps[steps.length - 1]).toMatch(/coordinator crashes/);
    expect(steps.some((s) => /vote yes/.test(s))).toBe(true);
    expect(replay(spec.configs['coordinator-crash-blocks']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('coordinator-crash-blocks breaks only liveness: Atomicity and Validity still hold', () => {
    const m = twoPhaseCommitTermination({ participants: 2, coordinatorRestarts: false });
    expect(explore({ ...m, properties: m.properties.filter((p) => p.kind === 'always') }).status).toBe('holds');
  });
});
