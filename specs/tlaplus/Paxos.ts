// Paxos: Lamport's single-decree Paxos from "The Paxos Algorithm, or How to Win a Turing Award"
// (TLA+ Examples, PaxosHowToWinATuringAward/Paxos.tla), checked as MCPaxos does: Ballot is
// 0..maxBallot, Quorum is every majority of Acceptor. Ported action for action.
//
// Acceptor == 0..acceptors-1, Value == "v1", "v2", ...; None is null. msgs, a set of records, is a
// Set of each message's canonical text, e.g. "1b(acc=0,bal=1,mbal=-1,mval=None)": equal messages
// are one element, a Set's fingerprint does not depend on insertion order, and a string is far
// cheaper to fingerprint than a record (this is most of the cost of exploring).

import { always, defineSpec, sometimes, type Model } from '../../checker/index.ts';

export type Value = string;

export type Message =
  | { readonly type: '1a'; readonly bal: number }
  | { readonly type: '1b'; readonly acc: number; readonly bal: number; readonly mbal: number; readonly mval: Value | null }
  | { readonly type: '2a'; readonly bal: number; readonly val: Value }
  | { readonly type: '2b'; readonly acc: number; readonly bal: number; readonly val: Value };

export interface PaxosState {
  readonly maxBal: readonly number[];
  readonly maxVBal: readonly number[];
  readonly maxVal: readonly (Value | null)[];
  readonly msgs: ReadonlySet<string>;
}

/** Phase1b and Phase2b are existentials over msgs: the action names the message by its ballot. */
export type PaxosAction =
  | { readonly name: 'Phase1a'; readonly b: number }
  | { readonly name: 'Phase2a'; readonly b: number; readonly v: Value }
  | { readonly name: 'Phase1b'; readonly a: number; readonly bal: number }
  | { readonly name: 'Phase2b'; readonly a: number; readonly bal: number };

export interface PaxosConfig {
  readonly acceptors: number;
  readonly values: readonly Value[];
  readonly maxBallot: number;
}

/**
 * Decoded messages by their text. Only a cache: a state is self-contained, and a worker thread
 * that receives one (with an empty cache) decodes its messages from the text.
 */
const decoded = new Map<string, Message>();

export function key(m: Message): string {
  let k: string;
  switch (m.type) {
    case '1a':
      k = `1a(bal=${m.bal})`;
      break;
    case '1b':
      k = `1b(acc=${m.acc},bal=${m.bal},mbal=${m.mbal},mval=${m.mval ?? 'None'})`;
      break;
    case '2a':
      k = `2a(bal=${m.bal},val=${m.val})`;
      break;
    case '2b':
      k = `2b(acc=${m.acc},bal=${m.bal},val=${m.val})`;
      break;
  }
  if (!decoded.has(k)) decoded.set(k, m);
  return k;
}

function* messages(msgs: ReadonlySet<string>): Generator<Message> {
  for (const k of msgs) yield decoded.get(k) ?? decode(k);
}

/** The message whose canonical text is `k` (the inverse of `key`). */
export function decode(k: string): Message {
  const field = (name: string): string => new RegExp(`[(,]${name}=([^,)]*)`).exec(k)![1]!;
  const num = (name: string): number => Number(field(name));
  let m: Message;
  switch (k.slice(0, 2)) {
    case '1a':
      m = { type: '1a', bal: num('bal') };
      break;
    case '1b': {
      const mval = field('mval');
      m = { type: '1b', acc: num('acc'), bal: num('bal'), mbal: num('mbal'), mval: mval === 'None' ? null : mval };
      break;
    }
    case '2a':
      m = { type: '2a', bal: num('bal'), val: field('val') };
      break;
    default:
      m = { type: '2b', acc: num('acc'), bal: num('bal'), val: field('val') };
  }
  decoded.set(k, m);
  return m;
}

/** Send(m) == msgs' = msgs \cup {m} */
function send(msgs: ReadonlySet<string>, m: Message): ReadonlySet<string> {
  const k = key(m);
  if (msgs.has(k)) return msgs;
  return new Set(msgs).add(k);
}

function set<T>(xs: readonly T[], i: number, x: T): T[] {
  const ys = xs.slice();
  ys[i] = x;
  return ys;
}

/** What the actions need to know of the configuration. */
interface Derived {
  readonly values: readonly Value[];
  readonly quorums: readonly (readonly number[])[];
  /** The text of 1a(b) and of each 2a(b, v), built once: building them is otherwise a hot spot. */
  readonly oneA: readonly string[];
  readonly twoA: readonly (readonly string[])[];
}

/** Every subset of 0..n-1 with more than n/2 members. */
function majorities(n: number): number[][] {
  const qs: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) {
    const q = [...Array(n).keys()].filter((a) => (mask >> a) & 1);
    if (q.length * 2 > n) qs.push(q);
  }
  return qs;
}

// ---- The actions, as in Paxos.tla. Each returns undefined when not enabled. ----

function Phase1a(s: PaxosState, b: number, cfg: Derived): PaxosState {
  const k = cfg.oneA[b]!;
  return s.msgs.has(k) ? s : { ...s, msgs: new Set(s.msgs).add(k) };
}

/** Phase1b(a), for the 1a message of ballot bal. */
function Phase1b(s: PaxosState, a: number, bal: number, cfg: Derived): PaxosState | undefined {
  if (!s.msgs.has(cfg.oneA[bal]!) || !(bal > s.maxBal[a]!)) return undefined;
  return {
    ...s,
    maxBal: set(s.maxBal, a, bal),
    msgs: send(s.msgs, { type: '1b', acc: a, bal, mbal: s.maxVBal[a]!, mval: s.maxVal[a]! }),
  };
}

function Phase2a(s: PaxosState, b: number, v: Value, cfg: Derived): PaxosState | undefined {
  // At most one 2a message per ballot: look each possible one up rather than scan msgs.
  if (cfg.twoA[b]!.some((k) => s.msgs.has(k))) return undefined;
  const oneBs: Extract<Message, { type: '1b' }>[] = [];
  for (const m of messages(s.msgs)) if (m.type === '1b' && m.bal === b) oneBs.push(m);
  const showsSafe = (q: readonly number[]): boolean => {
    const q1b = oneBs.filter((m) => q.includes(m.acc));
    if (!q.every((a) => q1b.some((m) => m.acc === a))) return false;
    const q1bv = q1b.filter((m) => m.mbal >= 0);
    return q1bv.length === 0 || q1bv.some((m) => m.mval === v && q1bv.every((mm) => m.mbal >= mm.mbal));
  };
  if (!cfg.quorums.some(showsSafe)) return undefined;
  return { ...s, msgs: send(s.msgs, { type: '2a', bal: b, val: v }) };
}

/** Phase2b(a), for the 2a message of ballot bal (there is at most one). */
function Phase2b(s: PaxosState, a: number, bal: number, cfg: Derived): PaxosState | undefined {
  if (!(bal >= s.maxBal[a]!)) return undefined;
  const i = cfg.twoA[bal]!.findIndex((k) => s.msgs.has(k));
  if (i < 0) return undefined;
  const val = cfg.values[i]!;
  return {
    maxBal: set(s.maxBal, a, bal),
    maxVBal: set(s.maxVBal, a, bal),
    maxVal: set(s.maxVal, a, val),
    msgs: send(s.msgs, { type: '2b', acc: a, bal, val }),
  };
}

// ---- Properties ----

/** The values chosen: voted for (2b) by every acceptor of some quorum in one ballot. */
export function chosen(s: PaxosState, quorums: readonly (readonly number[])[]): Set<Value> {
  const votes = new Map<string, Set<number>>(); // `${bal}/${val}` -> acceptors
  const values = new Map<string, Value>();
  for (const m of messages(s.msgs)) {
    if (m.type !== '2b') continue;
    const k = `${m.bal}/${m.val}`;
    const accs = votes.get(k) ?? new Set<number>();
    accs.add(m.acc);
    votes.set(k, accs);
    values.set(k, m.val);
  }
  const result = new Set<Value>();
  for (const [k, accs] of votes) if (quorums.some((q) => q.every((a) => accs.has(a)))) result.add(values.get(k)!);
  return result;
}

// ---- The model ----

export function paxos(config: PaxosConfig): Model<PaxosState, PaxosAction> {
  const { acceptors, values, maxBallot } = config;
  const quorums = majorities(acceptors);
  const ballots = [...Array(maxBallot + 1).keys()];
  const derived: Derived = {
    values,
    quorums,
    oneA: ballots.map((bal) => key({ type: '1a', bal })),
    twoA: ballots.map((bal) => values.map((val) => key({ type: '2a', bal, val }))),
  };
  const actions: PaxosAction[] = [];
  for (const b of ballots) {
    actions.push({ name: 'Phase1a', b });
    for (const v of values) actions.push({ name: 'Phase2a', b, v });
  }
  for (let a = 0; a < acceptors; a++) {
    for (const bal of ballots) actions.push({ name: 'Phase1b', a, bal }, { name: 'Phase2b', a, bal });
  }
  const init: PaxosState = {
    maxBal: new Array<number>(acceptors).fill(-1),
    maxVBal: new Array<number>(acceptors).fill(-1),
    maxVal: new Array<Value | null>(acceptors).fill(null),
    msgs: new Set(),
  };
  return {
    init: () => [init],
    actions: () => actions,
    next(s, a) {
      switch (a.name) {
        case 'Phase1a':
          return Phase1a(s, a.b, derived);
        case 'Phase2a':
          return Phase2a(s, a.b, a.v, derived);
        case 'Phase1b':
          return Phase1b(s, a.a, a.bal, derived);
        case 'Phase2b':
          return Phase2b(s, a.a, a.bal, derived);
      }
    },
    properties: [
      always('Consistency', (s: PaxosState) => chosen(s, quorums).size <= 1),
      sometimes('ValueChosen', (s: PaxosState) => chosen(s, quorums).size > 0),
    ],
    formatAction(a) {
      switch (a.name) {
        case 'Phase1a':
          return `Phase1a(${a.b})`;
        case 'Phase2a':
          return `Phase2a(${a.b}, ${a.v})`;
        case 'Phase1b':
          return `Phase1b(a${a.a}) on 1a(${a.bal})`;
        case 'Phase2b':
          return `Phase2b(a${a.a}) on 2a(${a.bal})`;
      }
    },
  };
}

export default defineSpec({
  name: 'Paxos',
  description: "Lamport's Paxos (PaxosHowToWinATuringAward), as MCPaxos: 3 acceptors, 2 values, majorities",
  configs: {
    tiny: {
      model: () => paxos({ acceptors: 3, values: ['v1', 'v2'], maxBallot: 1 }),
      expect: 'holds',
      description: 'MCPaxosTiny, ballots 0..1: TLC finds 3,921 distinct states, depth 17',
    },
    small: {
      model: () => paxos({ acceptors: 3, values: ['v1', 'v2'], maxBallot: 2 }),
      expect: 'holds',
      description: 'MCPaxosSmall, ballots 0..2: TLC finds 185,369 distinct states',
      heavy: true,
    },
  },
});
