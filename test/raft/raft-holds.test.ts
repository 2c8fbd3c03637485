// The correct protocol satisfies Figure 3's properties and linearizability, exhaustively within
// the small configurations' bounds.

import { describe, it, expect } from 'vitest';
import { explore } from '../../checker/index.ts';
import { raft } from '../../protocols/raft/index.ts';
import { configs } from '../../specs/raft/raft.ts';

describe('Raft (correct) holds exhaustively', () => {
  it('elections with a crash: Election Safety and the rest hold, and a leader is elected', () => {
    const o = explore(raft(configs.elections));
    expect(o.status).toBe('holds');
  });

  it('one term, a client writing through any server: every property holds and an entry is committed', () => {
    const o = explore(raft(configs.replication));
    expect(o.status).toBe('holds');
  });

  it('a change of leader with an entry in the log (two scripted terms, a drained network): every property holds', () => {
    const o = explore(raft(configs['leader-change']));
    expect(o.status).toBe('holds');
  });

  it('replication with periodic heartbeats, the rule of a real run (at most 3 messages in flight): every property holds', () => {
    const o = explore(raft(configs['replication-periodic']));
    expect(o.status).toBe('holds');
  });
});
