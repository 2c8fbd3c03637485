import { describe, expect, it } from 'vitest';
import { explore, type Model } from '../../checker/index.ts';
import PaxosCommitSpec, {
  TCConsistent,
  paxosCommit,
  type PaxosCommitAction,
  type PaxosCommitConfig,
  type PaxosCommitState,
} from '../../specs/tlaplus/PaxosCommit.ts';

const small = () => paxosCommit({ rms: 1, acceptors: 3, maxBallot: 1 });

// ---- A literal reading of PaxosCommit.tla, to check the compact port against ----
//
// Records and sets as the spec writes them: msgs is a Set of each record's JSON (keys sorted),
// every existential is a loop over msgs, and Majority is every set of more than half of the
// acceptors (supersets included, unlike the port). Far too slow for the benchmark model, but it
// shares no encoding with the port, so equal state sets on small models vouch for the encoding.

type Rec = Readonly<Record<string, string | number>>;
interface LiteralState {
  readonly rmState: readonly string[];
  readonly aState: readonly (readonly { readonly mbal: number; readonly bal: number; readonly val: string }[])[];
  readonly msgs: ReadonlySet<string>;
}

function recKey(m: Rec): string {
  return JSON.stringify(Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** A state's identity: the same text for the literal reading and for the port's `present`. */
function canonical(rmState: readonly string[], aState: LiteralState['aState'], msgs: Iterable<string>): string {
  const records = aState.map((row) => row.map(({ mbal, bal, val }) => [mbal, bal, val]));
  return JSON.stringify([rmState, records, [...msgs].sort()]);
}

function literalSuccessors({ rms, acceptors, maxBallot }: PaxosCommitConfig): (s: LiteralState) => LiteralState[] {
  const RM = [...Array(rms).keys()];
  const Acceptor = [...Array(acceptors).keys()];
  const Ballot = [...Array(maxBallot + 1).keys()];
  const Majority: number[][] = [];
  for (let mask = 1; mask < 1 << acceptors; mask++) {
    const ms = Acceptor.filter((a) => (mask >> a) & 1);
    if (2 * ms.length > acceptors) Majority.push(ms);
  }
  const has = (s: LiteralState, m: Rec) => s.msgs.has(recKey(m));
  const send = (s: LiteralState, m: Rec) => new Set(s.msgs).add(recKey(m));
  const records = (s: LiteralState) => [...s.msgs].map((k) => JSON.parse(k) as Record<string, string | number>);
  const withRm = (s: LiteralState, rm: number, x: string) => s.rmState.map((y, i) => (i === rm ? x : y));
  const withA = (s: LiteralState, ins: number, acc: number, r: { mbal: number; bal: number; val: string }) =>
    s.aState.map((row, i) => (i === ins ? row.map((y, j) => (j === acc ? r : y)) : row));

  return (s) => {
    const next: LiteralState[] = [];
    for (const rm of RM) {
      if (s.rmState[rm] === 'working') {
        // RMPrepare(rm), RMChooseToAbort(rm)
        next.push({ ...s, rmState: withRm(s, rm, 'prepared'), msgs: send(s, { type: 'phase2a', ins: rm, bal: 0, val: 'prepared' }) });
        next.push({ ...s, rmState: withRm(s, rm, 'aborted'), msgs: send(s, { type: 'phase2a', ins: rm, bal: 0, val: 'aborted' }) });
      }
      if (has(s, { type: 'Commit' })) next.push({ ...s, rmState: withRm(s, rm, 'committed') });
      if (has(s, { type: 'Abort' })) next.push({ ...s, rmState: withRm(s, rm, 'aborted') });
    }
    for (const bal of Ballot.filter((b) => b !== 0)) {
      for (const rm of RM) {
        // Phase1a(bal, rm)
        next.push({ ...s, msgs: send(s, { type: 'phase1a', ins: rm, bal }) });
        // Phase2a(bal, rm)
        if (records(s).some((m) => m.type === 'phase2a' && m.bal === bal && m.ins === rm)) continue;
        for (const MS of Majority) {
          const mset = records(s).filter((m) => m.type === 'phase1b' && m.ins === rm && m.mbal === bal && MS.includes(m.acc as number));
          const maxbal = Math.max(-1, ...mset.map((m) => m.bal as number));
          const val = maxbal === -1 ? 'aborted' : mset.find((m) => m.bal === maxbal)!.val!;
          if (MS.every((ac) => mset.some((m) => m.acc === ac))) {
            next.push({ ...s, msgs: send(s, { type: 'phase2a', ins: rm, bal, val }) });
          }
        }
      }
    }
    // Decide
    const decided = (rm: number, v: string) =>
      Ballot.some((b) => Majority.some((MS) => MS.every((ac) => has(s, { type: 'phase2b', ins: rm, bal: b, val: v, acc: ac }))));
    if (RM.every((rm) => decided(rm, 'prepared'))) next.push({ ...s, msgs: send(s, { type: 'Commit' }) });
    if (RM.some((rm) => decided(rm, 'aborted'))) next.push({ ...s, msgs: send(s, { type: 'Abort' }) });
    for (const acc of Acceptor) {
      for (const m of records(s)) {
        const ins = m.ins as number;
        const bal = m.bal as number;
        const a = s.aState[ins]?.[acc];
        // Phase1b(acc)
        if (m.type === 'phase1a' && a!.mbal < bal) {
          next.push({
            ...s,
            aState: withA(s, ins, acc, { ...a!, mbal: bal }),
            msgs: send(s, { type: 'phase1b', ins, mbal: bal, bal: a!.bal, val: a!.val, acc }),
          });
        }
        // Phase2b(acc)
        if (m.type === 'phase2a' && a!.mbal <= bal) {
          next.push({
            ...s,
            aState: withA(s, ins, acc, { mbal: bal, bal, val: m.val as string }),
            msgs: send(s, { type: 'phase2b', ins, bal, val: m.val!, acc }),
          });
        }
      }
    }
    return next;
  };
}

function literalReachable(config: PaxosCommitConfig): Set<string> {
  const successors = literalSuccessors(config);
  const init: LiteralState = {
    rmState: new Array<string>(config.rms).fill('working'),
    aState: [...Array(config.rms)].map(() => new Array(config.acceptors).fill({ mbal: 0, bal: -1, val: 'none' })),
    msgs: new Set(),
  };
  const key = (s: LiteralState) => canonical(s.rmState, s.aState, s.msgs);
  const seen = new Set([key(init)]);
  const queue = [init];
  for (let i = 0; i < queue.length; i++) {
    for (const t of successors(queue[i]!)) {
      const k = key(t);
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push(t);
    }
  }
  return seen;
}

/** Every reachable state of the port, by its TLA+ reading (`present`), not by fingerprint. */
function portReachable(model: Model<PaxosCommitState, PaxosCommitAction>): Set<string> {
  const key = (s: PaxosCommitState) => {
    const { rmState, aState, msgs } = model.present!(s) as { rmState: string[]; aState: LiteralState['aState']; msgs: Rec[] };
    return canonical(rmState, aState, msgs.map(recKey));
  };
  const [init] = model.init();
  const seen = new Set([key(init!)]);
  const queue = [init!];
  for (let i = 0; i < queue.length; i++) {
    for (const a of model.actions(queue[i]!)) {
      const t = model.next(queue[i]!, a);
      if (t === undefined) continue;
      const k = key(t);
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push(t);
    }
  }
  return seen;
}

/** Takes the given steps from the initial state, each of which must be enabled. */
function run(model: Model<PaxosCommitState, PaxosCommitAction>, steps: readonly PaxosCommitAction[]): PaxosCommitState {
  let s = model.init()[0]!;
  for (const a of steps) {
    const t = model.next(s, a);
    if (t === undefined) throw new Error(`${model.formatAction!(a)} is not enabled`);
    s = t;
  }
  return s;
}

describe('PaxosCommit, ported from PaxosCommit.tla', () => {
  // TLC's figure exists only for PaxosCommit.cfg (the last test); the small model's 1,461 is
  // vouched for by the literal reading above.
  it('with 1 RM and 3 acceptors (ballots {0, 1}) finds 1,461 distinct states at depth 15; TCConsistent holds and both outcomes occur', () => {
    const o = explore(small());
    expect(o.status).toBe('holds');
    expect(o.unreached).toEqual([]);
    expect(o.distinctStates).toBe(1461);
    expect(o.maxDepth + 1).toBe(15);
  });

  it('gives the same distinct count depth-first as breadth-first', () => {
    expect(explore(small(), { strategy: 'dfs' }).distinctStates).toBe(1461);
  });

  for (const config of [
    { rms: 1, acceptors: 3, maxBallot: 1 },
    { rms: 2, acceptors: 1, maxBallot: 1 },
    { rms: 1, acceptors: 2, maxBallot: 2 },
  ]) {
    it(`reaches exactly the states of a literal reading of the spec (${config.rms} RM, ${config.acceptors} acceptors, ballots 0..${config.maxBallot})`, () => {
      const port = portReachable(paxosCommit(config));
      const literal = literalReachable(config);
      expect(port.size).toBe(literal.size);
      expect([...port].filter((k) => !literal.has(k))).toEqual([]);
      expect(explore(paxosCommit(config)).distinctStates).toBe(literal.size);
    });
  }

  it('lets Phase2a send "aborted" for a majority that saw no vote, and the highest vote for one that did', () => {
    const model = small();
    const s = run(model, [
      { name: 'RMPrepare', rm: 0 },
      { name: 'Phase2b', acc: 0, ins: 0, bal: 0, val: 'prepared' },
      { name: 'Phase1a', bal: 1, rm: 0 },
      { name: 'Phase1b', acc: 0, ins: 0, bal: 1 },
      { name: 'Phase1b', acc: 1, ins: 0, bal: 1 },
      { name: 'Phase1b', acc: 2, ins: 0, bal: 1 },
    ]);
    // {a0, a1} reports a0's vote for "prepared"; {a1, a2} reports none.
    const prepared = model.next(s, { name: 'Phase2a', bal: 1, rm: 0, val: 'prepared' });
    const aborted = model.next(s, { name: 'Phase2a', bal: 1, rm: 0, val: 'aborted' });
    expect(prepared).toBeDefined();
    expect(aborted).toBeDefined();
    // Once ballot 1 has a phase 2a message, it gets no other.
    expect(model.next(prepared!, { name: 'Phase2a', bal: 1, rm: 0, val: 'aborted' })).toBeUndefined();
  });

  it('lets an acceptor answer a phase 1a message only for a ballot above its mbal', () => {
    const model = small();
    const s = run(model, [
      { name: 'Phase1a', bal: 1, rm: 0 },
      { name: 'Phase1b', acc: 0, ins: 0, bal: 1 },
    ]);
    expect(model.next(s, { name: 'Phase1b', acc: 0, ins: 0, bal: 1 })).toBeUndefined();
    expect(model.next(s, { name: 'Phase1b', acc: 1, ins: 0, bal: 1 })).toBeDefined();
  });

  it('commits only when every RM is decided prepared, and aborts when some RM is decided aborted', () => {
    const model = paxosCommit({ rms: 2, acceptors: 3, maxBallot: 1 });
    const votes = (rm: number, val: 'prepared' | 'aborted', accs: number[]): PaxosCommitAction[] =>
      accs.map((acc) => ({ name: 'Phase2b', acc, ins: rm, bal: 0, val }));
    const oneDecided = run(model, [{ name: 'RMPrepare', rm: 0 }, { name: 'RMPrepare', rm: 1 }, ...votes(0, 'prepared', [0, 2])]);
    expect(model.next(oneDecided, { name: 'Decide', send: 'Commit' })).toBeUndefined();
    const oneVoteShort = run(model, [{ name: 'RMPrepare', rm: 0 }, { name: 'RMPrepare', rm: 1 }, ...votes(0, 'prepared', [0, 2]), ...votes(1, 'prepared', [1])]);
    expect(model.next(oneVoteShort, { name: 'Decide', send: 'Commit' })).toBeUndefined();
    const both = model.next(oneVoteShort, { name: 'Phase2b', acc: 2, ins: 1, bal: 0, val: 'prepared' })!;
    expect(model.next(both, { name: 'Decide', send: 'Commit' })).toBeDefined();
    expect(model.next(both, { name: 'Decide', send: 'Abort' })).toBeUndefined();
    const abort = run(model, [{ name: 'RMChooseToAbort', rm: 1 }, ...votes(1, 'aborted', [0, 1])]);
    expect(model.next(abort, { name: 'Decide', send: 'Abort' })).toBeDefined();
  });

  it('calls a state where one RM committed and another aborted inconsistent', () => {
    const s = small().init()[0]!;
    expect(TCConsistent({ ...s, rmState: ['committed', 'committed'] })).toBe(true);
    expect(TCConsistent({ ...s, rmState: ['committed', 'aborted'] })).toBe(false);
  });

  it("runs rm1-acc3 in every check and leaves rm2-acc3 (PaxosCommit.cfg) to benchmarks, which hold it to TLC's 1,321,761 states at depth 28", () => {
    const light = Object.entries(PaxosCommitSpec.configs).filter(([, c]) => !('heavy' in c && c.heavy)).map(([k]) => k);
    expect(light).toEqual(['rm1-acc3']);
  });
});
