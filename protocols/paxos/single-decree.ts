// Single-decree Paxos: the Synod protocol of "Paxos Made Simple" (§2), read top to bottom.
//
// What it does: clients each propose a value; the servers choose exactly one of the proposed values
// and every client learns it, however messages are delayed, lost or duplicated and servers crash
// and restart.
//
// The roles: every server is a proposer, an acceptor and a learner. A proposer leads ballots,
// numbered (round, proposer id) so that no two proposers lead the same one; it is also the learner
// of its own ballots. An acceptor votes; a value is chosen when a majority of acceptors voted for
// it in one ballot.
//
// The messages, two phases of two:
//   Prepare(b)            phase 1a, proposer → acceptors: a new ballot b.
//   Promise(b, vote)      phase 1b, acceptor → proposer: a promise never to accept below b, with
//                         the acceptor's last vote (ballot and value), if any.
//   Accept(b, v)          phase 2a, once a majority promised: propose v, the value of the highest
//                         vote among the promises, or the client's own value if there is none.
//   Accepted(b)           phase 2b, acceptor → proposer: it voted for v in b, unless it promised a
//                         higher ballot meanwhile. A majority of them and the proposer learns v.
// and the clients' Propose(v) and the learned Chosen(v) sent back to them.
//
// The invariants (§2.1): Agreement, at most one value is chosen; Validity, only a proposed value is
// chosen; learners agree; and the clients see a linearizable write-once register. Safety rests on
// the acceptor keeping its promise and its vote across crashes (they are durable), and on phase 2a
// adopting the highest vote among a majority's promises. Each named bug breaks one of these.

import {
  actorSystem,
  always,
  linearizability,
  sometimes,
  type Actor,
  type Context,
  type Draft,
  type Id,
  type Rename,
  type SequentialSpec,
  type SymmetryOptions,
  type SystemState,
} from '../../checker/index.ts';
import { compareBallots, formatBallot, sameBallot, type Ballot } from './ballot.ts';

export type Bug =
  /** An acceptor does not make its promise durable: after a crash it accepts a lower ballot. */
  | 'promise-not-durable'
  /** In phase 2 a proposer proposes its own value instead of the value of the highest accepted
   *  ballot among the promises. */
  | 'ignore-accepted-value'
  /** Ballots are round numbers only: two proposers may lead the same ballot. */
  | 'non-unique-ballots';

export interface PaxosOptions {
  /** Servers: each is proposer, acceptor and learner. */
  readonly servers: number;
  /** Clients: client k proposes its own value to server k mod servers. */
  readonly clients: number;
  /** The highest round a proposer may start (a retry timer starts the next one); bounds the run. */
  readonly maxRound?: number;
  readonly bug?: Bug;
}

export interface PaxosSystemOptions extends PaxosOptions {
  readonly crashes?: number;
  readonly lose?: number;
  readonly duplicate?: number;
}

// ---- Messages ----

/** A vote: the acceptor accepted `value` in `ballot`. */
export interface Vote {
  readonly ballot: Ballot;
  readonly value: string;
}

export type Message =
  | { readonly type: 'Propose'; readonly value: string }
  | { readonly type: 'Prepare'; readonly ballot: Ballot }
  | { readonly type: 'Promise'; readonly ballot: Ballot; readonly accepted: Vote | null }
  | { readonly type: 'Accept'; readonly ballot: Ballot; readonly value: string }
  | { readonly type: 'Accepted'; readonly ballot: Ballot }
  | { readonly type: 'Chosen'; readonly value: string };

const formatVote = (v: Vote | null): string => (v === null ? 'none' : `${v.value}@${formatBallot(v.ballot)}`);

export function formatMessage(m: Message): string {
  switch (m.type) {
    case 'Propose':
      return `Propose(${m.value})`;
    case 'Prepare':
      return `Prepare(${formatBallot(m.ballot)})`;
    case 'Promise':
      return `Promise(${formatBallot(m.ballot)}, accepted ${formatVote(m.accepted)})`;
    case 'Accept':
      return `Accept(${formatBallot(m.ballot)}, ${m.value})`;
    case 'Accepted':
      return `Accepted(${formatBallot(m.ballot)})`;
    case 'Chosen':
      return `Chosen(${m.value})`;
  }
}

// ---- The server: acceptor, proposer and learner on one node ----

export interface ServerState {
  // The acceptor.
  /** The highest ballot this acceptor promised (or accepted in). */
  readonly promised: Ballot | null;
  /** Its vote in the highest ballot it accepted in. */
  readonly accepted: Vote | null;
  /** Ghost: every vote it ever cast, sorted; defines which values are chosen. */
  readonly votes: readonly Vote[];

  // The proposer.
  readonly phase: 'idle' | 'preparing' | 'accepting' | 'learned';
  /** The last round started: durable, so a restarted proposer never reuses a ballot. */
  readonly round: number;
  readonly ballot: Ballot | null;
  /** The value the client asked for. */
  readonly proposal: string | null;
  /** The value proposed in phase 2. */
  readonly value: string | null;
  /** Promises for `ballot`: (acceptor, its last vote), sorted by acceptor. */
  readonly promises: readonly (readonly [Id, Vote | null])[];
  /** Acceptors that accepted `value` in `ballot`, sorted. */
  readonly accepts: readonly Id[];
  /** Clients waiting for the outcome, sorted. */
  readonly clients: readonly Id[];

  // The learner.
  /** What this node learned was chosen. */
  readonly learned: string | null;
}

type Server = Draft<ServerState>;
type Ctx = Context<Message>;

const RETRY = 'retry';

/**
 * Phase 1b: promise `ballot` unless a higher ballot was promised. Returns the vote to report, or
 * `undefined` when the acceptor ignores the Prepare. A ballot equal to the promised one is promised
 * again (a retransmitted Prepare gets its answer): harmless while ballots are unique.
 */
function onPrepare(a: Server, ballot: Ballot): Vote | null | undefined {
  if (a.promised !== null && compareBallots(ballot, a.promised) < 0) return undefined;
  a.promised = ballot;
  return a.accepted;
}

/** Phase 2b: accept `value` in `ballot` unless a higher ballot was promised. */
function onAccept(a: Server, ballot: Ballot, value: string): boolean {
  if (a.promised !== null && compareBallots(ballot, a.promised) < 0) return false;
  a.promised = ballot;
  a.accepted = { ballot, value };
  if (!a.votes.some((v) => sameBallot(v.ballot, ballot) && v.value === value)) {
    a.votes.push({ ballot, value });
    a.votes.sort((x, y) => compareBallots(x.ballot, y.ballot) || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  }
  return true;
}

function addSorted(xs: Id[], x: Id): boolean {
  if (xs.includes(x)) return false;
  xs.push(x);
  xs.sort((a, b) => a - b);
  return true;
}

export function server(options: PaxosOptions): Actor<ServerState, Message> {
  const maxRound = options.maxRound ?? 1;

  /** Phase 1a: a fresh ballot; this node's own acceptor answers at once. */
  function startBallot(s: Server, ctx: Ctx): void {
    s.round += 1;
    const ballot: Ballot = [s.round, options.bug === 'non-unique-ballots' ? 0 : ctx.self];
    s.ballot = ballot;
    s.phase = 'preparing';
    s.value = null;
    s.promises = [];
    s.accepts = [];
    if (s.round < maxRound) ctx.setTimer(RETRY);
    else ctx.cancelTimer(RETRY);
    const own = onPrepare(s, ballot);
    if (own !== undefined) s.promises.push([ctx.self, own]);
    ctx.broadcast({ type: 'Prepare', ballot });
  }

  /** Phase 2a: a majority promised; propose the value the promises force, if any. */
  function startAccept(s: Server, ctx: Ctx): void {
    const ballot = s.ballot!;
    let highest: Vote | null = null;
    for (const [, v] of s.promises) if (v !== null && (highest === null || compareBallots(v.ballot, highest.ballot) > 0)) highest = v;
    const value = highest === null || options.bug === 'ignore-accepted-value' ? s.proposal! : highest.value;
    s.phase = 'accepting';
    s.value = value;
    if (onAccept(s, ballot, value)) s.accepts.push(ctx.self);
    ctx.broadcast({ type: 'Accept', ballot, value });
    if (s.accepts.length >= ctx.system.majority) learn(s, value, ctx);
  }

  /** A majority accepted: the value is chosen; tell the clients waiting for it. */
  function learn(s: Server, value: string, ctx: Ctx): void {
    s.phase = 'learned';
    s.learned = value;
    ctx.cancelTimer(RETRY);
    for (const c of s.clients) ctx.send(c, { type: 'Chosen', value });
    s.clients = [];
  }

  return {
    name: 'server',
    // The acceptor's promise and vote are on stable storage (the ghost record of votes too, as it
    // is what was chosen); so is the proposer's round, so a restart never reuses a ballot.
    durable:
      options.bug === 'promise-not-durable'
        ? ['accepted', 'votes', 'round', 'learned']
        : ['promised', 'accepted', 'votes', 'round', 'learned'],

    init: () => ({
      promised: null,
      accepted: null,
      votes: [],
      phase: 'idle',
      round: 0,
      ballot: null,
      proposal: null,
      value: null,
      promises: [],
      accepts: [],
      clients: [],
      learned: null,
    }),

    onMessage(s, from, msg, ctx) {
      switch (msg.type) {
        case 'Propose': {
          if (s.learned !== null) return ctx.send(from, { type: 'Chosen', value: s.learned });
          addSorted(s.clients, from);
          if (s.phase !== 'idle') return;
          s.proposal = msg.value;
          return startBallot(s, ctx);
        }
        case 'Prepare': {
          const vote = onPrepare(s, msg.ballot);
          if (vote !== undefined) ctx.send(from, { type: 'Promise', ballot: msg.ballot, accepted: vote });
          return;
        }
        case 'Promise': {
          if (s.phase !== 'preparing' || !sameBallot(msg.ballot, s.ballot!) || s.promises.some(([a]) => a === from)) return;
          s.promises.push([from, msg.accepted]);
          s.promises.sort((a, b) => a[0] - b[0]);
          if (s.promises.length >= ctx.system.majority) startAccept(s, ctx);
          return;
        }
        case 'Accept':
          if (onAccept(s, msg.ballot, msg.value)) ctx.send(from, { type: 'Accepted', ballot: msg.ballot });
          return;
        case 'Accepted': {
          if (s.phase !== 'accepting' || !sameBallot(msg.ballot, s.ballot!)) return;
          if (!addSorted(s.accepts, from)) return;
          if (s.accepts.length >= ctx.system.majority) learn(s, s.value!, ctx);
          return;
        }
        case 'Chosen':
          return;
      }
    },

    // No outcome yet: try again with a higher ballot (up to `maxRound`).
    onTimer(s, timer, ctx) {
      if (timer !== RETRY || s.phase === 'learned' || s.phase === 'idle' || s.round >= maxRound) return;
      startBallot(s, ctx);
    },
  };
}

// ---- The client: a write-once register ----

/** propose(v) sets the register if it is empty and returns its content. */
export interface ProposeInput {
  readonly f: 'propose';
  readonly value: string;
}

export interface ProposeOutput {
  readonly value: string;
}

/** The clients' history must be linearizable with respect to it: every client learns the same
 *  value, and that value was proposed before anyone learned it. */
export const writeOnceRegister: SequentialSpec<ProposeInput, ProposeOutput, string | null> = {
  name: 'write-once-register',
  init: () => null,
  step: (state, input, output) => ((state ?? input.value) === output.value ? (state ?? input.value) : undefined),
  stepPending: (state, input) => [state ?? input.value],
  equal: (a, b) => a === b,
  hash: (v) => (v === null ? 0 : [...v].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7)),
  describe: (op) => `propose(${op.input.value}) -> ${op.ret === undefined ? '?' : op.output!.value}`,
};

export interface ClientState {
  readonly value: string;
  readonly chosen: string | null;
}

/** Client k proposes the k-th letter ('a', 'b', …) through server k mod S. */
export const clientValue = (k: number): string => String.fromCharCode(97 + k);

export function client(): Actor<ClientState, Message, never, ProposeInput, ProposeOutput> {
  return {
    name: 'client',
    init(ctx) {
      const k = ctx.system.clientIndex(ctx.self);
      const value = clientValue(k);
      ctx.send(ctx.servers[k % ctx.servers.length]!, { type: 'Propose', value });
      ctx.invoke({ f: 'propose', value });
      return { value, chosen: null };
    },
    onMessage(s, _from, msg, ctx) {
      if (msg.type !== 'Chosen' || s.chosen !== null) return;
      s.chosen = msg.value;
      ctx.complete({ value: msg.value });
    },
  };
}

// ---- The properties (§2.1), over the ghost record of votes ----

export type NodeState = ServerState | ClientState;
export type PaxosState = SystemState<NodeState, Message, ProposeInput, ProposeOutput>;

/** The values chosen so far: voted for by a majority in one ballot (a crashed server keeps its
 *  durable votes). */
export function chosenValues(s: PaxosState, system: { readonly servers: readonly Id[]; readonly majority: number }): string[] {
  const count = new Map<string, number>();
  for (const id of system.servers) {
    for (const v of (s.actors[id] as Partial<ServerState>).votes ?? []) {
      const key = `${formatBallot(v.ballot)} ${v.value}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  const chosen = new Set<string>();
  for (const [key, n] of count) if (n >= system.majority) chosen.add(key.slice(key.indexOf(' ') + 1));
  return [...chosen].sort();
}

/** Agreement (safety): at most one value is chosen. */
export const agreement = always<PaxosState>('Agreement', (s, system) => chosenValues(s, system).length <= 1);

/** Validity (nontriviality): only a value some client proposed can be chosen. */
export const validity = always<PaxosState>('Validity', (s, system) => {
  const proposed = new Set(s.history.flat().map((op) => op.input.value));
  return chosenValues(s, system).every((v) => proposed.has(v));
});

/** Learners agree: no two learners learned different values. */
export const learnersAgree = always<PaxosState>('LearnersAgree', (s, system) => {
  const learned = new Set(system.servers.flatMap((id) => (s.actors[id] as Partial<ServerState>).learned ?? []));
  return learned.size <= 1;
});

/** The clients' view is a write-once register: they all learn one value, proposed by one of them. */
export const linearizable = linearizability(writeOnceRegister);

/** Liveness sanity: some run chooses a value (else the spec proves nothing). */
export const valueChosen = sometimes<PaxosState>('ValueChosen', (s, system) => chosenValues(s, system).length > 0);

/** Every client learned the outcome. */
export const allLearned = sometimes<PaxosState>('AllClientsLearned', (s, system) =>
  system.clients.every((id) => (s.actors[id] as ClientState).chosen !== null),
);

// ---- Symmetry (`--symmetry`) ----
//
// Only the servers some client proposes through ever lead a ballot, and a ballot carries its
// proposer's id, which orders it: renaming two proposers would reorder their ballots and change
// which one wins. The other servers are pure acceptors (and learners of nothing: a server learns
// only the outcome of its own ballots); they are addressed by no client, lead no ballot, and nothing
// orders them, so any renaming of them is a symmetry of the protocol. (The one timer, `retry`,
// names no node: timers are not renamed.)
//
// With `non-unique-ballots` no group is declared: two proposers lead the same ballot with different
// values, and a proposer that hears of two votes in its highest ballot takes the one of the acceptor
// with the lower id (the first of its promises), so renaming acceptors would change its proposal.
// With unique ballots, votes in one ballot carry one value and the tie is immaterial.

/** The servers no client proposes through (client k proposes through server k mod servers). */
export function pureAcceptors(options: PaxosOptions): Id[] {
  const proposers = Math.min(options.clients, options.servers);
  return Array.from({ length: options.servers - proposers }, (_, i) => proposers + i);
}

/**
 * Acceptor ids appear in a proposer's promises and accepts (it is its ballots' learner). Ballots
 * (in states, votes and messages) name their proposer, never a pure acceptor, a proposer's clients
 * are clients, and messages carry nothing else: all of those stay as they are. A crashed server
 * holds only its durable fields, none of which names an acceptor.
 */
export function renameAcceptors(s: NodeState, rename: Rename): NodeState {
  if (!('promises' in s)) return s;
  // Ties by vote too: the canonical form blurs ids into one placeholder, and must not then depend on
  // the order the ids had.
  const promises = s.promises
    .map(([a, v]): readonly [Id, Vote | null] => [rename(a), v])
    .sort((x, y) => x[0] - y[0] || compareVotes(x[1], y[1]));
  const accepts = s.accepts.map(rename).sort((a, b) => a - b);
  return { ...s, promises, accepts };
}

function compareVotes(a: Vote | null, b: Vote | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return compareBallots(a.ballot, b.ballot) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** The pure acceptors as one group; undefined when there are not two of them to interchange. */
export function paxosSymmetry(options: PaxosOptions): SymmetryOptions<NodeState, Message> | undefined {
  const group = pureAcceptors(options);
  if (group.length < 2 || options.bug === 'non-unique-ballots') return undefined;
  return { groups: [group], renameState: renameAcceptors };
}

// ---- The system: S servers, then C clients ----

export function singleDecreePaxos(options: PaxosSystemOptions) {
  const symmetry = paxosSymmetry(options);
  return actorSystem<NodeState, Message, ProposeInput, ProposeOutput>({
    actors: [
      { actor: server(options), count: options.servers },
      { actor: client(), count: options.clients, client: true },
    ],
    network: { lose: options.lose ?? 0, duplicate: options.duplicate ?? 0 },
    faults: { crashes: options.crashes ?? 0 },
    properties: [agreement, validity, learnersAgree, linearizable, valueChosen, allLearned],
    formatMessage,
    ...(symmetry ? { symmetry } : {}),
  });
}
