// Which Paxos servers are interchangeable (`--symmetry`), and how a renaming reaches their ids.
//
// Every server is proposer, acceptor and learner, but only the servers some client proposes through
// ever lead a ballot, and a ballot carries its proposer's id, which orders it: renaming two
// proposers would reorder their ballots and change which one wins. The other servers are pure
// acceptors (and learners of nothing: a server learns only the outcome of its own ballots); they
// are addressed by no client, lead no ballot, and nothing orders them, so any renaming of them is
// a symmetry of the protocol. (The one timer, `retry`, names no node: timers are not renamed.)
//
// With `non-unique-ballots` no group is declared: two proposers lead the same ballot with different
// values, and a proposer that hears of two votes in its highest ballot takes the one of the acceptor
// with the lower id (the first of its promises), so renaming acceptors would change its proposal.
// With unique ballots, votes in one ballot carry one value and the tie is immaterial.

import type { Id, Rename, SymmetryOptions } from '../../checker/index.ts';
import { compareBallots } from './ballot.ts';
import type { Message, Vote } from './messages.ts';
import type { PaxosOptions } from './options.ts';
import type { NodeState } from './properties.ts';

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
  if (s.role !== 'server' || s.promises === undefined) return s;
  // Ties by vote too: the canonical form blurs ids into one placeholder, and must not then depend on
  // the order the ids had.
  const promises = s.promises
    .map(([a, v]): readonly [Id, Vote | null] => [rename(a), v])
    .sort((x, y) => x[0] - y[0] || compareVotes(x[1], y[1]));
  const accepts = s.accepts.map(rename).sort((a, b) => a - b);
  return { ...s, promises, accepts };
}

/** The pure acceptors as one group; undefined when there are not two of them to interchange. */
export function paxosSymmetry(options: PaxosOptions): SymmetryOptions<NodeState, Message> | undefined {
  const group = pureAcceptors(options);
  if (group.length < 2 || options.bug === 'non-unique-ballots') return undefined;
  return { groups: [group], renameState: renameAcceptors };
}

function compareVotes(a: Vote | null, b: Vote | null): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return compareBallots(a.ballot, b.ballot) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}
