// Raft's rules, step by step: each test walks a short scenario by naming its actions as a trace
// prints them.

import { describe, it, expect } from 'vitest';
import { raft, type RaftModel, type RaftState, type ServerState } from '../../protocols/raft/index.ts';

const put = { f: 'put', key: 'x', value: '1' } as const;

function walk(model: RaftModel, labels: readonly string[]): RaftState {
  let s = model.init()[0]! as RaftState;
  for (const label of labels) {
    const a = model.actions(s).find((x) => model.formatAction!(x) === label);
    expect(a, `no action "${label}"; enabled: ${model.actions(s).map((x) => model.formatAction!(x)).join(' | ')}`).toBeDefined();
    const t = model.next(s, a!);
    expect(t, `not enabled: ${label}`).toBeDefined();
    s = t! as RaftState;
  }
  return s;
}

const server = (s: RaftState, i: number) => s.actors[i] as ServerState;

const electServer1 = [
  'server1: timer election fires',
  'server1 → server2: RequestVote(t1, last 0@t0)',
  'server2 → server1: VoteGranted(t1)',
];

describe('Raft leader election', () => {
  it('a candidate with the votes of a majority (itself and one other of three) becomes leader', () => {
    const s = walk(raft({ servers: 3, maxTerm: 2, clients: [] }), electServer1);
    expect(server(s, 0).role).toBe('leader');
    expect(server(s, 0).currentTerm).toBe(1);
    expect(s.timers[0]).toEqual(['heartbeat to server2', 'heartbeat to server3']);
  });

  it('a server votes once per term', () => {
    const s = walk(raft({ servers: 3, maxTerm: 2, clients: [] }), [
      ...electServer1,
      'server3: timer election fires',
      'server3 → server2: RequestVote(t1, last 0@t0)',
    ]);
    expect(s.network.some((e) => e.to === 2 && e.msg.type === 'RequestVoteResult' && !e.msg.voteGranted)).toBe(true);
  });

  it('no election starts beyond maxTerm', () => {
    const model = raft({ servers: 3, maxTerm: 1, clients: [] });
    const s = walk(model, ['server1: timer election fires']);
    const a = model.actions(s).find((x) => model.formatAction!(x) === 'server1: timer election fires')!;
    expect(model.next(s, a)).toEqual(s);
  });

  it('a server denies its vote to a candidate whose log is behind its own (§5.4.1)', () => {
    const model = raft({ servers: 3, maxTerm: 2, elections: [0, 2], contacts: [[0]], clients: [[put]] });
    const s = walk(model, [
      ...electServer1,
      'client: invoke put(x, "1") at server1',
      'client → server1: Request#0 put(x, "1")',
      'server1: timer heartbeat to server2 fires',
      'server1 → server2: AppendEntries(t1, prev 0@t0, [put(x, "1")@t1], commit 0)',
      'server1 → server3: RequestVote(t1, last 0@t0)',
      'server3: timer election fires',
      'server3 → server2: RequestVote(t2, last 0@t0)',
    ]);
    expect(server(s, 1).currentTerm).toBe(2);
    expect(server(s, 1).votedFor).toBe(null);
  });
});

describe('Raft log replication', () => {
  const replicate = [
    ...electServer1,
    'client: invoke put(x, "1") at server1',
    'client → server1: Request#0 put(x, "1")',
    'server1: timer heartbeat to server2 fires',
    'server1 → server2: AppendEntries(t1, prev 0@t0, [put(x, "1")@t1], commit 0)',
    'server2 → server1: AppendEntriesOk(t1, match 1)',
  ];

  it('a follower refuses a client, who may retry elsewhere', () => {
    const s = walk(raft({ servers: 3, maxTerm: 1, clients: [[put]] }), [
      'client: invoke put(x, "1") at server2',
      'client → server2: Request#0 put(x, "1")',
      'server2 → client: NotLeader#0',
    ]);
    expect(s.actors[3]).toMatchObject({ status: 'refused' });
  });

  it('the leader commits an entry of its term once a majority stores it, applies it and answers', () => {
    const s = walk(raft({ servers: 3, maxTerm: 1, clients: [[put]] }), [...replicate, 'server1 → client: Reply#0 ok']);
    expect(server(s, 0).commitIndex).toBe(1);
    expect(server(s, 0).stateMachine.data).toEqual({ x: '1' });
    expect(s.history[0]![0]).toMatchObject({ done: true });
  });

  it('followers learn the commit index from the next AppendEntries', () => {
    const s = walk(raft({ servers: 3, maxTerm: 1, clients: [[put]] }), [
      ...replicate,
      'server1: timer heartbeat to server3 fires',
      'server1 → server3: AppendEntries(t1, prev 0@t0, [put(x, "1")@t1], commit 1)',
    ]);
    expect(server(s, 2).commitIndex).toBe(1);
    expect(server(s, 2).stateMachine.data).toEqual({ x: '1' });
  });

  it('a restarted server keeps currentTerm, votedFor and log, and rebuilds the rest', () => {
    const model = raft({ servers: 3, maxTerm: 1, clients: [[put]], crashes: 1 });
    const s = walk(model, [...replicate, '✗ server2 crashes', '↻ server2 restarts']);
    expect(server(s, 1)).toMatchObject({ role: 'follower', currentTerm: 1, votedFor: 0, commitIndex: 0, lastApplied: 0 });
    expect(server(s, 1).log).toHaveLength(1);
  });
});

describe('Raft commit rule (§5.4.2, Figure 8)', () => {
  // Term 1: server1 leads and takes A; term 2: server2 leads; term 3: server1 leads again and
  // copies A (of term 1) to server3, so that a majority stores it.
  const figure8 = [
    ...electServer1,
    'server1 → server3: RequestVote(t1, last 0@t0)',
    'server2: timer election fires',
    'server2 → server3: RequestVote(t2, last 0@t0)',
    'server3 → server2: VoteGranted(t2)',
    'client1: invoke put(x, "A") at server1',
    'client1 → server1: Request#0 put(x, "A")',
    'server2 → server1: RequestVote(t2, last 0@t0)',
    'server1: timer election fires',
    'server1 → server3: RequestVote(t3, last 1@t1)',
    'server3 → server1: VoteGranted(t3)',
    'server1: timer heartbeat to server3 fires',
    'server1 → server3: AppendEntries(t3, prev 1@t1, [], commit 0)',
    'server3 → server1: AppendEntriesRejected(t3)',
    'server1: timer heartbeat to server3 fires',
    'server1 → server3: AppendEntries(t3, prev 0@t0, [put(x, "A")@t1], commit 0)',
    'server3 → server1: AppendEntriesOk(t3, match 1)',
  ];
  const scenario = { servers: 3, maxTerm: 4, elections: [0, 1, 0, 1], contacts: [[0], [1]], clients: [[{ f: 'put', key: 'x', value: 'A' }], [{ f: 'put', key: 'x', value: 'B' }]] } as const;

  it('a leader does not commit an entry of an earlier term because a majority stores it', () => {
    const s = walk(raft(scenario), figure8);
    expect(server(s, 0)).toMatchObject({ role: 'leader', currentTerm: 3, commitIndex: 0, matchIndex: { 2: 1 } });
    expect(server(s, 2).log.map((e) => e.term)).toEqual([1]);
  });

  it('with the commit-previous-term bug it does, and a server whose log lacks the entry still gets votes in the next term', () => {
    const s = walk(raft({ ...scenario, bug: 'commit-previous-term' }), [
      ...figure8,
      'client2: invoke put(x, "B") at server2',
      'client2 → server2: Request#0 put(x, "B")',
      'server1 → server2: RequestVote(t3, last 1@t1)',
      'server2: timer election fires',
      'server2 → server3: RequestVote(t4, last 1@t2)',
    ]);
    expect(server(s, 0).commitIndex).toBe(1);
    expect(s.network).toContainEqual(expect.objectContaining({ from: 2, to: 1, msg: { type: 'RequestVoteResult', term: 4, voteGranted: true } }));
  });
});


describe('Raft periodic heartbeats (the rule of a real run)', () => {
  const periodic = raft({ servers: 3, maxTerm: 1, clients: [[put]], heartbeats: 'periodic' });
  const heartbeat = (to: number) => (e: RaftState['network'][number]) =>
    e.from === 0 && e.to === to && e.msg.type === 'AppendEntries' && e.msg.entries.length === 0;

  it('a new leader sends every follower an empty AppendEntries at once, and keeps their heartbeat timers armed', () => {
    const s = walk(periodic, electServer1);
    expect(s.network.filter(heartbeat(1))).toHaveLength(1);
    expect(s.network.filter(heartbeat(2))).toHaveLength(1);
    expect(s.timers[0]).toEqual(['heartbeat to server2', 'heartbeat to server3']);
  });

  it('a heartbeat timer resends AppendEntries while one is outstanding (so a lost one is retried), and stays armed', () => {
    const s = walk(periodic, [...electServer1, 'server1: timer heartbeat to server2 fires']);
    expect(s.network.filter(heartbeat(1))).toHaveLength(2);
    expect(s.timers[0]).toEqual(['heartbeat to server2', 'heartbeat to server3']);
  });

  it('a new entry goes at once to a follower with nothing outstanding, and waits for the heartbeat of one with', () => {
    const s = walk(periodic, [
      ...electServer1,
      'server1 → server2: AppendEntries(t1, prev 0@t0, [], commit 0)',
      'server2 → server1: AppendEntriesOk(t1, match 0)',
      'client: invoke put(x, "1") at server1',
      'client → server1: Request#0 put(x, "1")',
    ]);
    const entries = (to: number) => s.network.filter((e) => e.to === to && e.msg.type === 'AppendEntries' && e.msg.entries.length === 1);
    expect(entries(1)).toHaveLength(1);
    expect(entries(2)).toHaveLength(0);
    expect(server(s, 0).awaiting).toEqual([1, 2]);
  });
});
