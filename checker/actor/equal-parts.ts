// Equal parts of system states made by different steps, made one object: a node's new state after
// a handler, the clients' history after an operation. A new part is looked up by its fingerprint
// and an equal one met before is used in its place. States then share it (less memory per state
// in a search's frontier: the histories of Paxos 3+3 were ~40% of its live heap before), the
// fingerprint memo finds it by identity, and the delivery memo (keyed by node state object) finds
// what that node made of a message in it, however the state was reached. Bounded: forgotten when
// it holds LIMIT parts. Two parts with the same 64-bit fingerprint are taken to be equal, as the
// visited set takes them.

import { fingerprintSharedPart, lastHi } from '../fingerprint/hash.ts';

const LIMIT = 1 << 17;

export class EqualParts {
  private readonly byLo = new Map<number, { readonly hi: number; readonly part: unknown }[]>();
  private size = 0;

  /** `part`, or an equal one met before. */
  intern<T>(part: T): T {
    const lo = fingerprintSharedPart(part);
    const hi = lastHi;
    const entries = this.byLo.get(lo);
    if (entries !== undefined) {
      for (const e of entries) if (e.hi === hi) return e.part as T;
    }
    if (this.size >= LIMIT) {
      this.byLo.clear();
      this.size = 0;
    }
    if (entries === undefined || this.size === 0) this.byLo.set(lo, [{ hi, part }]);
    else entries.push({ hi, part });
    this.size++;
    return part;
  }
}
