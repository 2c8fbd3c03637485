// The proposer ("Paxos Made Simple", §2.2), which is also the distinguished learner of its own
// ballots. Phase 1: pick a new ballot and ask the acceptors to promise it. Phase 2: once a majority
// promised, propose the value of the highest-ballot vote they reported (or, if none, the client's
// value). Learn the value once a majority accepted it, and tell the clients.

import type { Context, Draft, Id } from '../../checker/index.ts';
import { onAccept, onPrepare, type AcceptorState } from './acceptor.ts';
import { compareBallots, copyBallot, sameBallot, type Ballot } from './ballot.ts';
import type { Message, Vote } from './messages.ts';
import type { PaxosOptions } from './options.ts';

export type ProposerPhase = 'idle' | 'preparing' | 'accepting' | 'learned';

export interface ProposerState {
  readonly phase: ProposerPhase;
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
  /** What this node learned was chosen. */
  readonly learned: string | null;
}

type Node = Draft<ProposerState & AcceptorState>;
type Ctx = Context<Message>;

export const RETRY = 'retry';

const majority = (servers: number): number => Math.floor(servers / 2) + 1;

function addSorted(xs: Id[], x: Id): boolean {
  if (xs.includes(x)) return false;
  xs.push(x);
  xs.sort((a, b) => a - b);
  return true;
}

export function proposer(options: PaxosOptions) {
  const maxRound = options.maxRound ?? 1;

  /** Phase 1a: a fresh ballot; this node's own acceptor answers at once. */
  function startBallot(s: Node, ctx: Ctx): void {
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
    ctx.broadcast({ type: 'Prepare', ballot: copyBallot(ballot) });
  }

  /** Phase 2a: a majority promised; propose the value the promises force, if any. */
  function startAccept(s: Node, ctx: Ctx): void {
    const ballot = copyBallot(s.ballot!);
    let highest: Vote | null = null;
    for (const [, v] of s.promises) if (v !== null && (highest === null || compareBallots(v.ballot, highest.ballot) > 0)) highest = v;
    const value = highest === null || options.bug === 'ignore-accepted-value' ? s.proposal! : highest.value;
    s.phase = 'accepting';
    s.value = value;
    if (onAccept(s, ballot, value)) s.accepts.push(ctx.self);
    ctx.broadcast({ type: 'Accept', ballot, value });
    if (s.accepts.length >= majority(ctx.servers.length)) learn(s, value, ctx);
  }

  function learn(s: Node, value: string, ctx: Ctx): void {
    s.phase = 'learned';
    s.learned = value;
    ctx.cancelTimer(RETRY);
    for (const c of s.clients) ctx.send(c, { type: 'Chosen', value });
    s.clients = [];
  }

  return {
    initial: (): ProposerState => ({
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

    /** A client's request. */
    onPropose(s: Node, client: Id, value: string, ctx: Ctx): void {
      if (s.learned !== null) {
        ctx.send(client, { type: 'Chosen', value: s.learned });
        return;
      }
      addSorted(s.clients as Id[], client);
      if (s.phase !== 'idle') return;
      s.proposal = value;
      startBallot(s, ctx);
    },

    /** Phase 1b arrives. */
    onPromise(s: Node, from: Id, ballot: Ballot, accepted: Vote | null, ctx: Ctx): void {
      if (s.phase !== 'preparing' || !sameBallot(ballot, s.ballot!) || s.promises.some(([a]) => a === from)) return;
      const promises = s.promises as (readonly [Id, Vote | null])[];
      promises.push([from, accepted]);
      promises.sort((a, b) => a[0] - b[0]);
      if (promises.length >= majority(ctx.servers.length)) startAccept(s, ctx);
    },

    /** Phase 2b arrives. */
    onAccepted(s: Node, from: Id, ballot: Ballot, ctx: Ctx): void {
      if (s.phase !== 'accepting' || !sameBallot(ballot, s.ballot!)) return;
      if (!addSorted(s.accepts as Id[], from)) return;
      if (s.accepts.length >= majority(ctx.servers.length)) learn(s, s.value!, ctx);
    },

    /** No outcome yet: try again with a higher ballot (up to `maxRound`). */
    onRetry(s: Node, ctx: Ctx): void {
      if (s.phase === 'learned' || s.phase === 'idle' || s.round >= maxRound) return;
      startBallot(s, ctx);
    },
  };
}
