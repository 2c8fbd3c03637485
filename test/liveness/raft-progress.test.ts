import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { explore } from '../../checker/index.ts';
import { checkLiveness } from '../../checker/liveness/index.ts';
import { replay } from '../../checker/trace/replay.ts';
import { raftProgress } from '../../protocols/raft/progress.ts';
import spec from '../../specs/raft/progress.ts';

const put = { f: 'put', key: 'x', value: '1' } as const;

describe('Raft: ClientServed', () => {
  it('holds with a scripted stable leader under fair delivery and timers', () => {
    expect(checkConfig(spec, 'stable-leader', 'specs/raft/progress.ts')).toMatchObject({ met: true, status: 'holds' });
  });

  it('commit-without-reply: a leader that applies the committed entry but never responds leaves the client waiting for ever', () => {
    const r = checkConfig(spec, 'commit-without-reply', 'specs/raft/progress.ts');
    expect(r).toMatchObject({ met: true, status: 'violated', property: 'ClientServed', propertyKind: 'eventually' });
    expect(replay(spec.configs['commit-without-reply']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('commit-without-reply breaks only liveness: every safety property still holds', () => {
    const m = raftProgress({ servers: 3, maxTerm: 1, elections: [0], contacts: [[0]], clients: [[put]], bug: 'commit-without-reply' });
    const safety = m.properties.filter((p) => p.kind === 'always');
    expect(safety.length).toBeGreaterThan(0);
    expect(explore({ ...m, properties: safety }).status).toBe('holds');
  });

  it('is incomplete, not holds, when maxInFlight (a state constraint) leaves states unexpanded', () => {
    const o = checkLiveness(raftProgress({ servers: 3, maxTerm: 1, elections: [0], contacts: [[0]], clients: [[put]], maxInFlight: 1 }));
    expect(o.status).toBe('incomplete');
    expect(o.undecided).toEqual(['ClientServed']);
  });
});
