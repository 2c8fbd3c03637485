// Messages that can no longer matter, and the view that leaves them out.
//
// A reply that reaches a server after the term it answers has passed is ignored, and stays
// ignored forever (terms only grow, and persist across crashes). Such a message lingers in the
// network (a delivery that changes nothing is not a step), so states that differ only in which
// of them linger would be explored separately although they behave the same. The model's view
// (TLC's VIEW) identifies states without them; everything else (properties, traces) sees the
// whole state.

import type { Envelope } from '../../checker/index.ts';
import type { Message } from './messages.ts';
import type { RaftState } from './properties.ts';

/** Whether `e` can never change anything at its destination, whatever happens later. */
export function inert(s: RaftState, e: Envelope<Message>): boolean {
  const to = s.actors[e.to];
  const m = e.msg;
  if (to === undefined) return false;
  // The client has moved on to a later operation.
  if ('ops' in to) return m.type === 'ClientReply' && m.seq < to.seq;
  // A crashed server (only its persistent state) decides nothing until it restarts.
  if (!('role' in to)) return false;
  switch (m.type) {
    case 'RequestVoteResult':
      // Counted only by a candidate of that term, which no server becomes again once past it.
      return m.term < to.currentTerm || (m.term === to.currentTerm && to.role !== 'candidate');
    case 'AppendEntriesResult':
      // Used only by the leader of that term; a follower of the term is never its leader.
      return m.term < to.currentTerm || (m.term === to.currentTerm && to.role === 'follower');
    default:
      return false;
  }
}

/** The messages in flight that may still matter. */
export function liveNetwork(s: RaftState): readonly Envelope<Message>[] {
  return s.network.some((e) => inert(s, e)) ? s.network.filter((e) => !inert(s, e)) : s.network;
}

/** The state without inert messages: what identifies a state for the explorer. */
export function view(s: RaftState): RaftState {
  const network = liveNetwork(s);
  return network === s.network ? s : { ...s, network };
}
