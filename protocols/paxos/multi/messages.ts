// Multi-Paxos ("Paxos Made Simple", §3): one phase 1 for every slot of the log, then one phase 2
// per client command. A command carries its client and operation number so that a command
// proposed twice (by two leaders) is executed once.

import type { Id, KvInput, KvOutput } from '../../../checker/index.ts';
import { formatBallot, type Ballot } from '../ballot.ts';

export interface Command {
  readonly client: Id;
  /** The client's operation number. */
  readonly seq: number;
  readonly op: KvInput;
}

/** An acceptor's vote in one slot. */
export interface SlotVote {
  readonly slot: number;
  readonly ballot: Ballot;
  readonly command: Command;
}

export type Message =
  | { readonly type: 'Request'; readonly command: Command }
  | { readonly type: 'Reply'; readonly seq: number; readonly output: KvOutput }
  | { readonly type: 'Prepare'; readonly ballot: Ballot }
  /** A promise for every slot at once, with the acceptor's vote in each slot. */
  | { readonly type: 'Promise'; readonly ballot: Ballot; readonly votes: readonly SlotVote[] }
  | { readonly type: 'Accept'; readonly ballot: Ballot; readonly slot: number; readonly command: Command }
  | { readonly type: 'Accepted'; readonly ballot: Ballot; readonly slot: number };

export function formatCommand(c: Command): string {
  const op = c.op.f === 'get' ? `get(${c.op.key})` : `${c.op.f}(${c.op.key}, ${c.op.value})`;
  return `${op}#${c.client}.${c.seq}`;
}

export function formatMessage(m: Message): string {
  switch (m.type) {
    case 'Request':
      return `Request(${formatCommand(m.command)})`;
    case 'Reply':
      return `Reply#${m.seq}(${m.output.value === undefined ? 'ok' : JSON.stringify(m.output.value)})`;
    case 'Prepare':
      return `Prepare(${formatBallot(m.ballot)})`;
    case 'Promise':
      return `Promise(${formatBallot(m.ballot)}, [${m.votes.map((v) => `${v.slot}: ${formatCommand(v.command)}@${formatBallot(v.ballot)}`).join(', ')}])`;
    case 'Accept':
      return `Accept(${formatBallot(m.ballot)}, slot ${m.slot}, ${formatCommand(m.command)})`;
    case 'Accepted':
      return `Accepted(${formatBallot(m.ballot)}, slot ${m.slot})`;
  }
}

export const sameCommand = (a: Command, b: Command): boolean => a.client === b.client && a.seq === b.seq;
