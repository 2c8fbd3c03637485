// PaxosCommit: Gray & Lamport's Paxos Commit (TLA+ Examples, transaction_commit/PaxosCommit.tla),
// ported action for action as a raw model so that interleave's distinct-state counts equal TLC's.
// PaxosCommit.cfg (2 RMs, 3 acceptors, Ballot = {0, 1}) is configuration `rm2-acc3`.
//
// RM == 0..rms-1, Acceptor == 0..acceptors-1, Ballot == 0..maxBallot, Majority == every set of
// ⌊acceptors/2⌋+1 acceptors (as PaxosCommit.cfg lists for 3; adding the larger majorities would
// change no action: each one's enabling condition holds for a superset iff it holds for a subset
// it contains, and Phase2a's value is the same for the subset that holds the highest vote).
//
// The state is kept small for speed, since this is a benchmark model: three short arrays (RM
// states, then small integers), an untouched one shared between a state and its successors.
// - An acceptor's record [mbal, bal, val] is one integer: mbal * votes + vote, where vote encodes
//   the pair (bal, val): 0 is (-1, "none"), 1 + 2b + v is (b, VALUES[v]). Only these pairs occur:
//   bal = -1 exactly while val = "none", since Phase2b sets both and nothing else sets either.
//   Votes ordered this way order by ballot, so Maximum over ballots is a maximum over votes.
// - msgs, a set of records, is a membership bit vector: each message has one bit, and the bits
//   of a group a guard asks about together (the 1b messages of one acceptor for one instance and
//   ballot, the 2b messages of one instance, ballot and value, ...) lie in one 32-bit word.

import { always, defineSpec, sometimes, type Model } from '../../checker/index.ts';

export type RMState = 'working' | 'prepared' | 'committed' | 'aborted';
export type Value = 'prepared' | 'aborted';
/** val of phase 2a and 2b messages, by index. */
export const VALUES: readonly Value[] = ['prepared', 'aborted'];
const PREPARED = 0;
const ABORTED = 1;
const RM_STATES: readonly RMState[] = ['working', 'prepared', 'committed', 'aborted'];

export interface PaxosCommitState {
  readonly rmState: readonly RMState[];
  /** aState[ins][acc], at index ins * acceptors + acc, packed as described above. */
  readonly aState: readonly number[];
  /** Membership bits of msgs, 32 to a word (signed, as JavaScript's bit operators leave them). */
  readonly msgs: readonly number[];
}

/**
 * One action per TLA+ action and binding of its parameters. Phase1b, Phase2b and Phase2a hide an
 * existential whose choice can lead to different states, so the action also names the choice:
 * the phase 1a or 2a message answered, or the value Phase2a sends (different majorities may
 * give different values); Decide's two disjuncts are two actions.
 */
export type PaxosCommitAction =
  | { readonly name: 'RMPrepare' | 'RMChooseToAbort' | 'RMRcvCommitMsg' | 'RMRcvAbortMsg'; readonly rm: number }
  | { readonly name: 'Phase1a'; readonly bal: number; readonly rm: number }
  | { readonly name: 'Phase2a'; readonly bal: number; readonly rm: number; readonly val: Value }
  | { readonly name: 'Decide'; readonly send: 'Commit' | 'Abort' }
  | { readonly name: 'Phase1b'; readonly acc: number; readonly ins: number; readonly bal: number }
  | { readonly name: 'Phase2b'; readonly acc: number; readonly ins: number; readonly bal: number; readonly val: Value };

export interface PaxosCommitConfig {
  readonly rms: number;
  readonly acceptors: number;
  /** Ballot == 0..maxBallot. */
  readonly maxBallot: number;
}

/** Where a group of message bits lies: word index and the shift of its first bit. */
interface Slot {
  readonly word: number;
  readonly shift: number;
}

/** The configuration, and where each message's bit is. */
class Layout {
  readonly rms: number;
  readonly acceptors: number;
  readonly maxBallot: number;
  /** Distinct (bal, val) pairs of an acceptor: -1 and each ballot with each value. */
  readonly votes: number;
  /** Acceptors in a majority; Majority is every set of this many. */
  readonly quorum: number;
  /** Majority, as acceptor bit masks. */
  readonly majorities: readonly number[];
  readonly words: number;
  /** phase1a(ins, bal): bit bal - 1 of oneA[ins]. */
  readonly oneA: readonly Slot[];
  /** phase1b(ins, mbal, acc) with vote (bal, val): bit `vote` of oneB[(ins * (maxBallot+1) + mbal) * acceptors + acc]. */
  readonly oneB: readonly Slot[];
  /** phase2a(ins, bal, val): bit val of twoA[ins * (maxBallot+1) + bal]. */
  readonly twoA: readonly Slot[];
  /** phase2b(ins, bal, val, acc): bit acc of twoB[(ins * (maxBallot+1) + bal) * 2 + val]. */
  readonly twoB: readonly Slot[];
  /** Commit: bit 0, Abort: bit 1. */
  readonly decision: Slot;
  /** The bits of each word that stand for a message. */
  readonly validBits: readonly number[];
  /** Per-acceptor working space for Phase2a (actions run one at a time). */
  readonly scratch: Int32Array;

  constructor({ rms, acceptors, maxBallot }: PaxosCommitConfig) {
    if (rms < 1 || acceptors < 1 || maxBallot < 0) throw new Error('PaxosCommit needs an RM, an acceptor and ballot 0');
    if (acceptors > 31 || 2 * maxBallot + 1 > 31) throw new Error('PaxosCommit: a message group must fit in a word');
    this.rms = rms;
    this.acceptors = acceptors;
    this.maxBallot = maxBallot;
    this.votes = 2 * (maxBallot + 1) + 1;
    this.quorum = Math.floor(acceptors / 2) + 1;
    const majorities: number[] = [];
    for (let mask = 1; mask < 1 << acceptors; mask++) if (popcount(mask) === this.quorum) majorities.push(mask);
    this.majorities = majorities;

    // Groups are placed one after another, a group that would straddle a word starting the next.
    let word = 0;
    let used = 0;
    const validBits = [0];
    const place = (width: number): Slot => {
      if (used + width > 32) {
        word++;
        used = 0;
        validBits.push(0);
      }
      const slot = { word, shift: used };
      validBits[word] |= ((1 << width) - 1) << used;
      used += width;
      return slot;
    };
    const oneA: Slot[] = [];
    const oneB: Slot[] = [];
    const twoA: Slot[] = [];
    const twoB: Slot[] = [];
    for (let ins = 0; ins < rms; ins++) {
      oneA.push(place(maxBallot));
      for (let mbal = 0; mbal <= maxBallot; mbal++) {
        // A phase1b message for ballot mbal carries a vote cast in an earlier ballot (an
        // acceptor's bal never exceeds its mbal, which must be below mbal to answer): 1 + 2 * mbal
        // possible votes. Ballot 0 has no phase 1a message, hence no 1b: a group of width 0.
        for (let acc = 0; acc < acceptors; acc++) oneB.push(place(mbal === 0 ? 0 : 1 + 2 * mbal));
      }
      for (let bal = 0; bal <= maxBallot; bal++) twoA.push(place(2));
      for (let bal = 0; bal <= maxBallot; bal++) for (let v = 0; v < 2; v++) twoB.push(place(acceptors));
    }
    this.decision = place(2);
    this.words = word + 1;
    this.oneA = oneA;
    this.oneB = oneB;
    this.twoA = twoA;
    this.twoB = twoB;
    this.validBits = validBits;
    this.scratch = new Int32Array(acceptors);
  }

  /** The bits of a group, shifted down to bit 0. */
  group(msgs: readonly number[], slot: Slot, width: number): number {
    return (msgs[slot.word]! >>> slot.shift) & ((1 << width) - 1);
  }

  has(msgs: readonly number[], slot: Slot, bit: number): boolean {
    return ((msgs[slot.word]! >>> (slot.shift + bit)) & 1) !== 0;
  }

  oneBSlot(ins: number, mbal: number, acc: number): Slot {
    return this.oneB[(ins * (this.maxBallot + 1) + mbal) * this.acceptors + acc]!;
  }

  twoASlot(ins: number, bal: number): Slot {
    return this.twoA[ins * (this.maxBallot + 1) + bal]!;
  }

  twoBSlot(ins: number, bal: number, val: number): Slot {
    return this.twoB[(ins * (this.maxBallot + 1) + bal) * 2 + val]!;
  }
}

function popcount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

/** Send(m) == msgs' = msgs \cup {m}, for the message at bit `bit` of `slot`. */
function send(msgs: readonly number[], slot: Slot, bit: number): readonly number[] {
  const mask = 1 << (slot.shift + bit);
  const w = msgs[slot.word]!;
  if ((w & mask) !== 0) return msgs;
  const next = msgs.slice();
  next[slot.word] = w | mask;
  return next;
}

function set<T>(xs: readonly T[], i: number, x: T): T[] {
  const ys = xs.slice();
  ys[i] = x;
  return ys;
}

/** Every state is built here, so that all share one object shape (faster to copy and to hash). */
function state(rmState: readonly RMState[], aState: readonly number[], msgs: readonly number[]): PaxosCommitState {
  return { rmState, aState, msgs };
}

/** The vote code of (bal, val): 0 for (-1, "none"), else 1 + 2 * bal + val. */
function vote(bal: number, val: number): number {
  return 1 + 2 * bal + val;
}

// ---- RM actions, as in PaxosCommit.tla. Each returns undefined when not enabled. ----

function RMPrepare(s: PaxosCommitState, rm: number, L: Layout): PaxosCommitState | undefined {
  if (s.rmState[rm] !== 'working') return undefined;
  return state(set(s.rmState, rm, 'prepared'), s.aState, send(s.msgs, L.twoASlot(rm, 0), PREPARED));
}

function RMChooseToAbort(s: PaxosCommitState, rm: number, L: Layout): PaxosCommitState | undefined {
  if (s.rmState[rm] !== 'working') return undefined;
  return state(set(s.rmState, rm, 'aborted'), s.aState, send(s.msgs, L.twoASlot(rm, 0), ABORTED));
}

/** Enabled in any RM state once Commit is sent, as in the spec (a self-loop if committed). */
function RMRcvCommitMsg(s: PaxosCommitState, rm: number, L: Layout): PaxosCommitState | undefined {
  if (!L.has(s.msgs, L.decision, 0)) return undefined;
  if (s.rmState[rm] === 'committed') return s;
  return state(set(s.rmState, rm, 'committed'), s.aState, s.msgs);
}

function RMRcvAbortMsg(s: PaxosCommitState, rm: number, L: Layout): PaxosCommitState | undefined {
  if (!L.has(s.msgs, L.decision, 1)) return undefined;
  if (s.rmState[rm] === 'aborted') return s;
  return state(set(s.rmState, rm, 'aborted'), s.aState, s.msgs);
}

// ---- Leader actions ----

/** Always enabled: sending a phase 1a message again leaves the state unchanged. */
function Phase1a(s: PaxosCommitState, bal: number, rm: number, L: Layout): PaxosCommitState {
  const msgs = send(s.msgs, L.oneA[rm]!, bal - 1);
  return msgs === s.msgs ? s : state(s.rmState, s.aState, msgs);
}

/**
 * The value Phase2a(bal, rm) may send, as a bit mask over VALUES: one bit for each majority MS
 * all of whose members sent a phase 1b message for (rm, bal). With no vote among them
 * (Maximum = -1) the value is "aborted", else that of the highest-ballot vote.
 */
function phase2aValues(s: PaxosCommitState, bal: number, rm: number, L: Layout): number {
  const width = 1 + 2 * bal;
  // Each acceptor's highest vote in its phase1b messages for (rm, bal). There is at most one such
  // message per acceptor (Phase1b raises mbal past bal), but the maximum covers any number.
  const highest = L.scratch;
  let answered = 0;
  for (let acc = 0; acc < L.acceptors; acc++) {
    const g = L.group(s.msgs, L.oneBSlot(rm, bal, acc), width);
    if (g === 0) continue;
    answered |= 1 << acc;
    highest[acc] = 31 - Math.clz32(g);
  }
  let values = 0;
  for (const ms of L.majorities) {
    if ((answered & ms) !== ms) continue;
    let max = 0;
    for (let acc = 0; acc < L.acceptors; acc++) if ((ms >>> acc) & 1 && highest[acc]! > max) max = highest[acc]!;
    // Votes of one ballot carry one value: there is at most one phase2a message per instance and
    // ballot, so CHOOSE has a single candidate, and (max - 1) & 1 is its value.
    values |= 1 << (max === 0 ? ABORTED : (max - 1) & 1);
  }
  return values;
}

function Phase2a(s: PaxosCommitState, bal: number, rm: number, val: number, L: Layout): PaxosCommitState | undefined {
  const slot = L.twoASlot(rm, bal);
  if (L.group(s.msgs, slot, 2) !== 0) return undefined;
  if ((phase2aValues(s, bal, rm, L) & (1 << val)) === 0) return undefined;
  return state(s.rmState, s.aState, send(s.msgs, slot, val));
}

/** Decided(rm, v): some ballot b and majority MS all of whose members sent phase2b (rm, b, v). */
function decided(s: PaxosCommitState, rm: number, val: number, L: Layout): boolean {
  for (let b = 0; b <= L.maxBallot; b++) {
    if (popcount(L.group(s.msgs, L.twoBSlot(rm, b, val), L.acceptors)) >= L.quorum) return true;
  }
  return false;
}

/** Decide's first disjunct sends Commit, its second Abort; each is a self-loop once sent. */
function Decide(s: PaxosCommitState, decision: 'Commit' | 'Abort', L: Layout): PaxosCommitState | undefined {
  const commit = decision === 'Commit';
  // Commit: \A rm : Decided(rm, "prepared"); Abort: \E rm : Decided(rm, "aborted").
  let enabled = commit;
  for (let rm = 0; rm < L.rms; rm++) {
    if (decided(s, rm, commit ? PREPARED : ABORTED, L) !== commit) {
      enabled = !commit;
      break;
    }
  }
  if (!enabled) return undefined;
  const msgs = send(s.msgs, L.decision, commit ? 0 : 1);
  return msgs === s.msgs ? s : state(s.rmState, s.aState, msgs);
}

// ---- Acceptor actions ----

/** Phase1b(acc), for the phase 1a message of instance ins and ballot bal. */
function Phase1b(s: PaxosCommitState, acc: number, ins: number, bal: number, L: Layout): PaxosCommitState | undefined {
  if (!L.has(s.msgs, L.oneA[ins]!, bal - 1)) return undefined;
  const i = ins * L.acceptors + acc;
  const a = s.aState[i]!;
  const mbal = Math.floor(a / L.votes);
  if (!(mbal < bal)) return undefined;
  const v = a - mbal * L.votes;
  return state(s.rmState, set(s.aState, i, bal * L.votes + v), send(s.msgs, L.oneBSlot(ins, bal, acc), v));
}

/** Phase2b(acc), for the phase 2a message (ins, bal, val). */
function Phase2b(s: PaxosCommitState, acc: number, ins: number, bal: number, val: number, L: Layout): PaxosCommitState | undefined {
  if (!L.has(s.msgs, L.twoASlot(ins, bal), val)) return undefined;
  const i = ins * L.acceptors + acc;
  const a = s.aState[i]!;
  if (!(Math.floor(a / L.votes) <= bal)) return undefined;
  const packed = bal * L.votes + vote(bal, val);
  const msgs = send(s.msgs, L.twoBSlot(ins, bal, val), acc);
  if (packed === a && msgs === s.msgs) return s;
  return state(s.rmState, packed === a ? s.aState : set(s.aState, i, packed), msgs);
}

// ---- Invariants ----

/** PCTypeOK, for this encoding: every RM state, acceptor record and message bit in range. */
function TypeOK(s: PaxosCommitState, L: Layout): boolean {
  if (s.rmState.length !== L.rms || !s.rmState.every((x) => RM_STATES.includes(x))) return false;
  const records = L.rms * L.acceptors;
  if (s.aState.length !== records) return false;
  for (const a of s.aState) if (!Number.isInteger(a) || a < 0 || a >= (L.maxBallot + 1) * L.votes) return false;
  return s.msgs.length === L.words && s.msgs.every((w, i) => (w & ~L.validBits[i]!) === 0);
}

/** TCommit's TCConsistent: no RM has committed while another has aborted. */
export function TCConsistent(s: PaxosCommitState): boolean {
  return !(s.rmState.includes('committed') && s.rmState.includes('aborted'));
}

// ---- Reading a state ----

export interface AcceptorRecord {
  readonly mbal: number;
  readonly bal: number;
  readonly val: Value | 'none';
}

export type Message =
  | { readonly type: 'phase1a'; readonly ins: number; readonly bal: number }
  | { readonly type: 'phase1b'; readonly ins: number; readonly mbal: number; readonly bal: number; readonly val: Value | 'none'; readonly acc: number }
  | { readonly type: 'phase2a'; readonly ins: number; readonly bal: number; readonly val: Value }
  | { readonly type: 'phase2b'; readonly acc: number; readonly ins: number; readonly bal: number; readonly val: Value }
  | { readonly type: 'Commit' | 'Abort' };

function record(packed: number, L: Layout): AcceptorRecord {
  const mbal = Math.floor(packed / L.votes);
  const v = packed - mbal * L.votes;
  return v === 0 ? { mbal, bal: -1, val: 'none' } : { mbal, bal: (v - 1) >> 1, val: VALUES[(v - 1) & 1]! };
}

/** The state as the TLA+ spec has it: aState[ins][acc] records and msgs as a list of records. */
function decode(s: PaxosCommitState, L: Layout) {
  const aState = [...Array(L.rms).keys()].map((ins) =>
    [...Array(L.acceptors).keys()].map((acc) => record(s.aState[ins * L.acceptors + acc]!, L)),
  );
  const msgs: Message[] = [];
  for (let ins = 0; ins < L.rms; ins++) {
    for (let bal = 1; bal <= L.maxBallot; bal++) if (L.has(s.msgs, L.oneA[ins]!, bal - 1)) msgs.push({ type: 'phase1a', ins, bal });
    for (let mbal = 1; mbal <= L.maxBallot; mbal++) {
      for (let acc = 0; acc < L.acceptors; acc++) {
        for (let v = 0; v < 1 + 2 * mbal; v++) {
          if (!L.has(s.msgs, L.oneBSlot(ins, mbal, acc), v)) continue;
          const { bal, val } = record(v, L);
          msgs.push({ type: 'phase1b', ins, mbal, bal, val, acc });
        }
      }
    }
    for (let bal = 0; bal <= L.maxBallot; bal++) {
      for (let v = 0; v < 2; v++) {
        if (L.has(s.msgs, L.twoASlot(ins, bal), v)) msgs.push({ type: 'phase2a', ins, bal, val: VALUES[v]! });
        for (let acc = 0; acc < L.acceptors; acc++) {
          if (L.has(s.msgs, L.twoBSlot(ins, bal, v), acc)) msgs.push({ type: 'phase2b', acc, ins, bal, val: VALUES[v]! });
        }
      }
    }
  }
  if (L.has(s.msgs, L.decision, 0)) msgs.push({ type: 'Commit' });
  if (L.has(s.msgs, L.decision, 1)) msgs.push({ type: 'Abort' });
  return { rmState: s.rmState, aState, msgs };
}

// ---- The model ----

function allActions(L: Layout): PaxosCommitAction[] {
  const actions: PaxosCommitAction[] = [];
  for (let rm = 0; rm < L.rms; rm++) {
    for (const name of ['RMPrepare', 'RMChooseToAbort', 'RMRcvCommitMsg', 'RMRcvAbortMsg'] as const) actions.push({ name, rm });
  }
  for (let bal = 1; bal <= L.maxBallot; bal++) {
    for (let rm = 0; rm < L.rms; rm++) {
      actions.push({ name: 'Phase1a', bal, rm });
      for (const val of VALUES) actions.push({ name: 'Phase2a', bal, rm, val });
    }
  }
  actions.push({ name: 'Decide', send: 'Commit' }, { name: 'Decide', send: 'Abort' });
  for (let acc = 0; acc < L.acceptors; acc++) {
    for (let ins = 0; ins < L.rms; ins++) {
      for (let bal = 1; bal <= L.maxBallot; bal++) actions.push({ name: 'Phase1b', acc, ins, bal });
      for (let bal = 0; bal <= L.maxBallot; bal++) for (const val of VALUES) actions.push({ name: 'Phase2b', acc, ins, bal, val });
    }
  }
  return actions;
}

export function formatPaxosCommitAction(a: PaxosCommitAction): string {
  switch (a.name) {
    case 'Phase1a':
    case 'Phase2a':
      return `${a.name}(${a.bal}, r${a.rm})${a.name === 'Phase2a' ? ` sends ${a.val}` : ''}`;
    case 'Decide':
      return `Decide sends ${a.send}`;
    case 'Phase1b':
      return `Phase1b(a${a.acc}) on phase1a(r${a.ins}, ${a.bal})`;
    case 'Phase2b':
      return `Phase2b(a${a.acc}) on phase2a(r${a.ins}, ${a.bal}, ${a.val})`;
    default:
      return `${a.name}(r${a.rm})`;
  }
}

export function paxosCommit(config: PaxosCommitConfig): Model<PaxosCommitState, PaxosCommitAction> {
  const L = new Layout(config);
  const actions = allActions(L);
  const init = state(new Array<RMState>(L.rms).fill('working'), new Array<number>(L.rms * L.acceptors).fill(0), new Array<number>(L.words).fill(0));
  const val = (v: Value): number => (v === 'prepared' ? PREPARED : ABORTED);
  return {
    init: () => [init],
    actions: () => actions,
    next(s, a) {
      switch (a.name) {
        case 'RMPrepare':
          return RMPrepare(s, a.rm, L);
        case 'RMChooseToAbort':
          return RMChooseToAbort(s, a.rm, L);
        case 'RMRcvCommitMsg':
          return RMRcvCommitMsg(s, a.rm, L);
        case 'RMRcvAbortMsg':
          return RMRcvAbortMsg(s, a.rm, L);
        case 'Phase1a':
          return Phase1a(s, a.bal, a.rm, L);
        case 'Phase2a':
          return Phase2a(s, a.bal, a.rm, val(a.val), L);
        case 'Decide':
          return Decide(s, a.send, L);
        case 'Phase1b':
          return Phase1b(s, a.acc, a.ins, a.bal, L);
        case 'Phase2b':
          return Phase2b(s, a.acc, a.ins, a.bal, val(a.val), L);
      }
    },
    properties: [
      always('TypeOK', (s: PaxosCommitState) => TypeOK(s, L)),
      always('TCConsistent', TCConsistent),
      sometimes('AllCommitted', (s: PaxosCommitState) => s.rmState.every((x) => x === 'committed')),
      sometimes('AllAborted', (s: PaxosCommitState) => s.rmState.every((x) => x === 'aborted')),
    ],
    // TLC checks deadlock for PaxosCommit.cfg; there is none, since Phase1a is always enabled.
    checkDeadlock: true,
    formatAction: formatPaxosCommitAction,
    present: (s) => decode(s, L),
  };
}

export default defineSpec({
  name: 'PaxosCommit',
  description: "Gray & Lamport's Paxos Commit, ported action for action from PaxosCommit.tla (TLA+ Examples)",
  configs: {
    'rm1-acc3': {
      model: () => paxosCommit({ rms: 1, acceptors: 3, maxBallot: 1 }),
      expect: 'holds',
      description: '1 RM, 3 acceptors, ballots {0, 1}: 1,461 distinct states (no TLC figure; the tests check it against a literal reading)',
    },
    'rm2-acc3': {
      model: () => paxosCommit({ rms: 2, acceptors: 3, maxBallot: 1 }),
      expect: 'holds',
      description: 'PaxosCommit.cfg: 2 RMs, 3 acceptors, ballots {0, 1}: TLC finds 1,321,761 distinct states, depth 28',
      heavy: true,
    },
  },
});
