import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { checkLiveness } from '../../checker/liveness/index.ts';
import { raftProgress } from '../../protocols/raft/progress.ts';
import spec from '../../specs/raft/progress.ts';

const put = { f: 'put', key: 'x', value: '1' } as const;

describe('Raft: ClientServed', () => {
  it('holds with a scripted stable leader under fair delivery and timers', () => {
    expect(checkConfig(spec, 'stable-leader', 'specs/raft/progress.ts')).toMatchObject({ met: true, status: 'holds' });
  });

  it('is incomplete, not holds, when maxInFlight (a state constraint) leaves states unexpanded', () => {
    const o = checkLiveness(raftProgress({ servers: 3, maxTerm: 1, elections: [0], contacts: [[0]], clients: [[put]], maxInFlight: 1 }));
    expect(o.status).toBe('incomplete');
    expect(o.undecided).toEqual(['ClientServed']);
  });
});
