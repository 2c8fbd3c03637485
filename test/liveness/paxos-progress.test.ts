import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { explore } from '../../checker/index.ts';
import { replay } from '../../checker/trace/replay.ts';
import { paxosProgress } from '../../protocols/paxos/progress.ts';
import spec from '../../specs/paxos/progress.ts';

const run = (config: string) => checkConfig(spec, config, 'specs/paxos/progress.ts');

describe('single-decree Paxos: ClientAnswered', () => {
  it('holds with a stable single proposer under fair delivery', () => {
    expect(run('one-proposer')).toMatchObject({ met: true, status: 'holds' });
  });

  it('chosen-not-reported: the proposer learns the value and never tells its client, who waits for ever', () => {
    const r = run('chosen-not-reported');
    expect(r).toMatchObject({ met: true, status: 'violated', property: 'ClientAnswered', propertyKind: 'eventually' });
    expect(r.trace!.cycleStart).toBe(r.trace!.steps.length);
    expect(replay(spec.configs['chosen-not-reported']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('chosen-not-reported breaks only liveness: Agreement, Validity and LearnersAgree still hold', () => {
    const m = paxosProgress({ servers: 3, clients: 1, progressBug: 'chosen-not-reported' });
    expect(explore({ ...m, properties: m.properties.filter((p) => p.kind === 'always') }).status).toBe('holds');
  });
});
