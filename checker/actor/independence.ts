// Which actions of an actor system commute, for partial-order reduction (explore/por.ts).
//
// A delivery to node x, a timer of x firing and a local choice of x are steps of x: they read and
// write x's state and timers only, take only their own envelope from the network and only add
// envelopes to it. Two steps of different nodes therefore commute and neither disables the other:
// the network is a multiset (or per-channel FIFO, where one takes a channel's head and the other
// appends to tails), a send to a node never changes whether that node's other steps are enabled,
// and a delivery that is a no-op stays a no-op whatever another node does.
//
// A crash of x commutes with a step of another node y: the crash clears x's state, timers and (by
// default) the messages in flight to x, and a message y sends to x is lost either way, by the
// crash after it or at the send to a crashed node (or kept either way, when crashes keep
// messages); y's step is enabled whether x is up or not, and the crash whether y stepped or not.
// Not with a failure detector: then the crash also runs the other nodes' `onPeerDown`.
//
// Everything else is treated as dependent on everything: two crashes (they share a budget),
// restarts (a restart decides whether a message sent to the node survives), losing and duplicating
// messages (a budget; and they take or copy an envelope a delivery may take), partitions and heals
// (they enable and disable deliveries), and steps of two clients (both may record the history,
// whose `after` vectors depend on the order).

import { fingerprintParts, lastHi } from '../fingerprint/hash.ts';
import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';

/** The node whose step `a` is, or undefined for a global action (a fault). */
export function stepOf<M>(a: ActorAction<M>): Id | undefined {
  switch (a.kind) {
    case 'deliver':
      return a.to;
    case 'timeout':
    case 'choose':
      return a.node;
    default:
      return undefined;
  }
}

/** `crashesTell`: a failure detector tells the other nodes of a crash, so a crash touches them. */
export function independence<M>(isClient: (id: Id) => boolean, crashesTell = false): {
  independent(a: ActorAction<M>, b: ActorAction<M>): boolean;
  actionKey(a: ActorAction<M>): number;
} {
  return {
    independent(a, b) {
      const x = stepOf(a);
      const y = stepOf(b);
      if (x === undefined && y === undefined) return false;
      if (x === undefined) return !crashesTell && a.kind === 'crash' && a.node !== y;
      if (y === undefined) return !crashesTell && b.kind === 'crash' && b.node !== x;
      if (x === y) return false;
      return !(isClient(x) && isClient(y));
    },
    actionKey(a) {
      // 53 bits of the action's fingerprint: two actions of one sleep set (a handful) collide with
      // probability about 2^-50, the same order as two states sharing a 64-bit fingerprint.
      const lo = fingerprintParts(a);
      return lastHi * 2097152 + (lo >>> 11);
    },
  };
}
