import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { explore } from '../../checker/index.ts';
import { replay } from '../../checker/trace/replay.ts';
import { lamportMutexStarvation } from '../../protocols/clocks/mutex-starvation.ts';
import spec from '../../specs/clocks/lamport-mutex-starvation.ts';

const run = (config: string) => checkConfig(spec, config, 'specs/clocks/lamport-mutex-starvation.ts');

describe("Lamport's mutual exclusion: starvation freedom", () => {
  it('every request is eventually granted under fair delivery, one request each', () => {
    expect(run('p2-r1')).toMatchObject({ met: true, status: 'holds' });
  });

  it('mutex-release-not-sent: a process leaves without sending Release, and the other starves', () => {
    const r = run('mutex-release-not-sent');
    expect(r).toMatchObject({ met: true, status: 'violated', property: 'StarvationFreedom(P1)', propertyKind: 'leadsTo' });
    const steps = r.trace!.steps.map((s) => s.label);
    expect(steps[steps.length - 1]).toMatch(/P2: release/);
    expect(r.trace!.cycleStart).toBe(steps.length);
    expect(replay(spec.configs['mutex-release-not-sent']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('mutex-release-not-sent breaks only liveness: MutualExclusion still holds', () => {
    const m = lamportMutexStarvation({ processes: 2, requests: 1, bug: 'mutex-release-not-sent' });
    expect(explore({ ...m, properties: m.properties.filter((p) => p.kind === 'always') }).status).toBe('holds');
  });
});
