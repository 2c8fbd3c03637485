import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { checkLiveness } from '../../checker/liveness/index.ts';
import { replay } from '../../checker/trace/replay.ts';
import { lossyLink } from '../../protocols/retransmit/index.ts';
import spec from '../../specs/retransmit/lossy-link.ts';

describe('a request over a lossy link: EveryRequestAnswered', () => {
  it('holds when the sender resends as often as the link may lose', () => {
    expect(checkConfig(spec, 'retransmit-lose2', 'lossy-link.ts')).toMatchObject({ met: true, status: 'holds' });
  });

  it('no-retransmission: one lost request leaves the sender waiting for ever', () => {
    const r = checkConfig(spec, 'no-retransmission', 'lossy-link.ts');
    expect(r).toMatchObject({ met: true, status: 'violated', property: 'EveryRequestAnswered', propertyKind: 'eventually' });
    expect(r.trace!.steps.map((s) => s.label)).toEqual([expect.stringMatching(/lost sender → server: Request/)]);
    expect(r.trace!.cycleStart).toBe(1);
    expect(replay(spec.configs['no-retransmission']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('fails too when the link may lose more than the sender resends', () => {
    expect(checkLiveness(lossyLink({ lose: 3, retries: 2 }))).toMatchObject({ status: 'violated', property: 'EveryRequestAnswered' });
  });
});
