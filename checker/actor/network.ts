// The network: messages in flight, kept in a canonical order so that two states holding the same
// messages are the same state whatever order they were sent in.
//
// - unordered: a multiset (TLA+'s `msgs` bag). Envelopes are sorted by fingerprint, so equal
//   envelopes sit together and the array is canonical.
// - ordered: FIFO per channel (from, to). Envelopes are sorted by channel, keeping send order within
//   a channel; only the head of each channel can be delivered.

import type { ActorAction } from './actions.ts';
import type { Id } from './actor.ts';
import { findSent } from './causality.ts';
import { envelope, type Envelope } from './envelope.ts';

export { envelope, type Envelope };

export type Network<M> = readonly Envelope<M>[];

function before<M>(a: Envelope<M>, b: Envelope<M>, ordered: boolean): boolean {
  if (ordered) return a.from < b.from || (a.from === b.from && a.to <= b.to);
  return a.hi < b.hi || (a.hi === b.hi && a.lo <= b.lo);
}

/** `net` with `e` added at its canonical place (after its equals: FIFO within a channel). */
export function insert<M>(net: Network<M>, e: Envelope<M>, ordered: boolean): Envelope<M>[] {
  let lo = 0;
  let hi = net.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(net[mid]!, e, ordered)) lo = mid + 1;
    else hi = mid;
  }
  // Built at its exact size: a frontier holds one network per state, and a spliced copy keeps
  // the spare capacity V8 gives a growing array (a third of a Paxos search's memory).
  const n = net.length;
  const out = new Array<Envelope<M>>(n + 1);
  for (let j = 0; j < lo; j++) out[j] = net[j]!;
  out[lo] = e;
  for (let j = lo; j < n; j++) out[j + 1] = net[j]!;
  return out;
}

export function removeAt<M>(net: Network<M>, i: number): Envelope<M>[] {
  const n = net.length;
  const out = new Array<Envelope<M>>(n - 1);
  for (let j = 0; j < i; j++) out[j] = net[j]!;
  for (let j = i + 1; j < n; j++) out[j - 1] = net[j]!;
  return out;
}

export function sameEnvelope<M>(a: Envelope<M>, b: Envelope<M>): boolean {
  return a.hi === b.hi && a.lo === b.lo;
}

/**
 * Indices of the envelopes that can be taken from the network: one per distinct envelope when
 * unordered (delivering either of two equal messages gives the same state), the head of each
 * channel when ordered.
 */
export function candidates<M>(net: Network<M>, ordered: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < net.length; i++) {
    const prev = net[i - 1];
    const e = net[i]!;
    if (prev === undefined) out.push(i);
    else if (ordered ? prev.from !== e.from || prev.to !== e.to : !sameEnvelope(prev, e)) out.push(i);
  }
  return out;
}

/** Finds the envelope an action names: by identity first (exploration), by content (replay). */
export function find<M>(net: Network<M>, from: Id, to: Id, msg: M, ordered: boolean): number {
  for (let i = 0; i < net.length; i++) {
    const e = net[i]!;
    if (e.msg === msg && e.from === from && e.to === to) return ordered ? headOf(net, i) : i;
  }
  const key = envelope(from, to, msg);
  for (let i = 0; i < net.length; i++) {
    if (sameEnvelope(net[i]!, key)) return ordered ? headOf(net, i) : i;
  }
  return -1;
}

/** For an ordered network only the channel's head may be taken; -1 when `i` is not the head. */
function headOf<M>(net: Network<M>, i: number): number {
  const e = net[i]!;
  const prev = net[i - 1];
  return prev !== undefined && prev.from === e.from && prev.to === e.to ? -1 : i;
}

/** The envelope a deliver, lose or duplicate action names; in a causal system, by its send event too. */
export function locate<M>(net: Network<M>, a: Extract<ActorAction<M>, { kind: 'deliver' | 'lose' | 'duplicate' }>, ordered: boolean, causal: boolean): number {
  return causal ? findSent(net, a, ordered) : find(net, a.from, a.to, a.msg, ordered);
}
