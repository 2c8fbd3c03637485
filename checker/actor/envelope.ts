// A message in flight, with its fingerprint computed once, when it is sent.

import { fingerprintParts, lastHi, Prehashed } from '../fingerprint/hash.ts';
import type { Id } from './actor.ts';

/** A message in flight. `hi`/`lo`, the fingerprint halves of (from, to, msg), are its sort key in
 *  an unordered network and what a state's fingerprint takes of it. */
export class Envelope<M> extends Prehashed {
  constructor(
    readonly from: Id,
    readonly to: Id,
    readonly msg: M,
    hi: number,
    lo: number,
  ) {
    super(hi, lo);
  }
}

export function envelope<M>(from: Id, to: Id, msg: M): Envelope<M> {
  const lo = fingerprintParts([from, to, msg]);
  return Object.freeze(new Envelope(from, to, msg, lastHi, lo));
}
