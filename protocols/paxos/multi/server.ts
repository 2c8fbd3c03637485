// A Multi-Paxos server: acceptor for every slot, and leader when it has won phase 1 for its
// ballot. The leader fills the log slot by slot, executes chosen commands in slot order on its
// key-value store and replies to their clients. Server 1 starts as the distinguished leader; with
// `campaigns`, another server may take over (a choice) with a higher ballot, re-proposing what the
// promises report for each slot before adding new commands.

import type { Actor, Context, Draft, Id, KvOutput } from '../../../checker/index.ts';
import { applyKv } from '../../kv/store.ts';
import { compareBallots, sameBallot, type Ballot } from '../ballot.ts';
import { sameCommand, type Command, type Message, type SlotVote } from './messages.ts';

export interface MultiPaxosOptions {
  readonly servers: number;
  /** Log length: commands beyond it are not proposed (bounds the run). */
  readonly slots: number;
  /** How many times a follower may start an election (each a choice). */
  readonly campaigns?: number;
}

export interface ServerState {
  // Acceptor (durable).
  readonly promised: Ballot | null;
  /** Last vote per slot, sorted by slot. */
  readonly accepted: readonly SlotVote[];
  /** Ghost: every vote ever cast, sorted; defines what is chosen. */
  readonly votes: readonly SlotVote[];
  // Leader.
  readonly round: number;
  readonly ballot: Ballot | null;
  readonly leader: 'follower' | 'preparing' | 'leading';
  readonly promises: readonly (readonly [Id, readonly SlotVote[]])[];
  /** What the leader proposed in each slot, with the acceptors that accepted it. */
  readonly proposals: readonly { readonly slot: number; readonly command: Command; readonly acks: readonly Id[] }[];
  /** Client requests not yet proposed (kept by followers too, for when they lead). */
  readonly pending: readonly Command[];
  // Learner and state machine.
  /** Chosen commands known to this node, by slot (sorted). */
  readonly log: readonly { readonly slot: number; readonly command: Command }[];
  /** Slots executed. */
  readonly applied: number;
  readonly store: Readonly<Record<string, string>>;
  /** Per client, the last operation number executed (so a command runs once). */
  readonly executed: Readonly<Record<number, number>>;
}

type S = Draft<ServerState>;
type Ctx = Context<Message>;

const bySlot = (a: { slot: number }, b: { slot: number }): number => a.slot - b.slot;

function acceptLocally(s: S, ballot: Ballot, slot: number, command: Command): boolean {
  if (s.promised !== null && compareBallots(ballot, s.promised) < 0) return false;
  s.promised = ballot;
  const vote: SlotVote = { slot, ballot, command };
  const accepted = s.accepted.filter((v) => v.slot !== slot);
  accepted.push(vote);
  s.accepted = accepted.sort(bySlot);
  if (!s.votes.some((v) => v.slot === slot && sameBallot(v.ballot, ballot))) {
    s.votes.push(vote);
    s.votes.sort((a, b) => a.slot - b.slot || compareBallots(a.ballot, b.ballot));
  }
  return true;
}

export function multiPaxosServer(options: MultiPaxosOptions): Actor<ServerState, Message, 'campaign'> {
  const campaigns = options.campaigns ?? 0;

  function startElection(s: S, ctx: Ctx): void {
    s.round += 1;
    const ballot: Ballot = [s.round, ctx.self];
    s.ballot = ballot;
    s.leader = 'preparing';
    s.proposals = [];
    s.promises = [];
    if (s.promised === null || compareBallots(ballot, s.promised) >= 0) {
      s.promised = ballot;
      s.promises.push([ctx.self, s.accepted]);
    }
    ctx.broadcast({ type: 'Prepare', ballot });
  }

  /** Phase 2a for one slot; the leader's own acceptor votes at once. */
  function propose(s: S, slot: number, command: Command, ctx: Ctx): void {
    const ballot = s.ballot!;
    const acks = acceptLocally(s, ballot, slot, command) ? [ctx.self] : [];
    s.proposals.push({ slot, command, acks });
    s.proposals.sort(bySlot);
    ctx.broadcast({ type: 'Accept', ballot, slot, command });
    if (acks.length >= ctx.system.majority) choose(s, slot, command, ctx);
  }

  /** Proposes pending requests in the free slots. */
  function proposePending(s: S, ctx: Ctx): void {
    while (s.pending.length > 0) {
      const used = new Set([...s.proposals.map((p) => p.slot), ...s.log.map((e) => e.slot)]);
      let slot = 0;
      while (used.has(slot)) slot++;
      if (slot >= options.slots) return;
      const [command] = s.pending.splice(0, 1);
      propose(s, slot, command!, ctx);
    }
  }

  function choose(s: S, slot: number, command: Command, ctx: Ctx): void {
    if (s.log.some((e) => e.slot === slot)) return;
    s.log.push({ slot, command });
    s.log.sort(bySlot);
    // Execute the chosen prefix, in slot order; only the leader replies.
    for (let e = s.log.find((x) => x.slot === s.applied); e !== undefined; e = s.log.find((x) => x.slot === s.applied)) {
      s.applied += 1;
      const c = e.command;
      let output: KvOutput = {};
      if ((s.executed[c.client] ?? -1) < c.seq) {
        s.executed[c.client] = c.seq;
        output = applyKv(s.store, c.op);
      } else if (c.op.f === 'get') {
        continue; // executed before: its reply was sent then
      }
      if (s.leader === 'leading') ctx.send(c.client, { type: 'Reply', seq: c.seq, output });
    }
  }

  const known = (s: ServerState, c: Command): boolean =>
    s.pending.some((p) => sameCommand(p, c)) || s.proposals.some((p) => sameCommand(p.command, c)) || s.log.some((e) => sameCommand(e.command, c));

  return {
    name: 'server',
    durable: ['promised', 'accepted', 'votes', 'round'],

    init(ctx) {
      const s: Draft<ServerState> = {
        promised: null, accepted: [], votes: [], round: 0, ballot: null, leader: 'follower',
        promises: [], proposals: [], pending: [], log: [], applied: 0, store: {}, executed: {},
      };
      if (ctx.self === ctx.servers[0]) startElection(s, ctx);
      return s;
    },

    choices: (s) => (s.leader === 'follower' && s.round < campaigns ? ['campaign'] : []),

    onChoice(s, _choice, ctx) {
      startElection(s, ctx);
    },

    onMessage(s, from, msg, ctx) {
      const quorum = ctx.system.majority;
      switch (msg.type) {
        case 'Request': {
          if (known(s, msg.command)) return;
          s.pending.push(msg.command);
          if (s.leader === 'leading') proposePending(s, ctx);
          return;
        }
        case 'Prepare':
          if (s.promised !== null && compareBallots(msg.ballot, s.promised) < 0) return;
          if (s.leader !== 'follower' && compareBallots(msg.ballot, s.ballot!) > 0) s.leader = 'follower';
          s.promised = msg.ballot;
          ctx.send(from, { type: 'Promise', ballot: msg.ballot, votes: s.accepted });
          return;
        case 'Promise': {
          if (s.leader !== 'preparing' || !sameBallot(msg.ballot, s.ballot!) || s.promises.some(([a]) => a === from)) return;
          s.promises.push([from, [...msg.votes]]);
          s.promises.sort((a, b) => a[0] - b[0]);
          if (s.promises.length < quorum) return;
          s.leader = 'leading';
          // For each slot some promise reports, re-propose the highest-ballot vote's command.
          const slots = new Map<number, SlotVote>();
          for (const [, votes] of s.promises) {
            for (const v of votes) {
              const best = slots.get(v.slot);
              if (best === undefined || compareBallots(v.ballot, best.ballot) > 0) slots.set(v.slot, v);
            }
          }
          for (const v of [...slots.values()].sort(bySlot)) {
            s.pending = s.pending.filter((p) => !sameCommand(p, v.command));
            propose(s, v.slot, v.command, ctx);
          }
          proposePending(s, ctx);
          return;
        }
        case 'Accept':
          if (acceptLocally(s, msg.ballot, msg.slot, msg.command)) {
            if (s.leader !== 'follower' && !sameBallot(msg.ballot, s.ballot!)) s.leader = 'follower';
            ctx.send(from, { type: 'Accepted', ballot: msg.ballot, slot: msg.slot });
          }
          return;
        case 'Accepted': {
          if (s.leader !== 'leading' || !sameBallot(msg.ballot, s.ballot!)) return;
          const p = s.proposals.find((x) => x.slot === msg.slot);
          if (p === undefined || p.acks.includes(from)) return;
          p.acks.push(from);
          p.acks.sort((a, b) => a - b);
          if (p.acks.length === quorum) choose(s, p.slot, p.command, ctx);
          return;
        }
        case 'Reply':
          return;
      }
    },
  };
}
