// Equal node states made by different steps, made one object. A handler's new state is looked up
// by its fingerprint, and an equal one met before is used in its place: states then share it (less
// memory per state in a search's frontier), the fingerprint memo finds it by identity, and the
// delivery memo (keyed by node state object) finds what that node made of a message in it, however
// the state was reached. Bounded: forgotten when it holds LIMIT states. Two states with the same
// 64-bit fingerprint are taken to be equal, as the visited set takes them.

import { fingerprintSharedPart, lastHi } from '../fingerprint/hash.ts';

const LIMIT = 1 << 17;

export class NodeStates {
  private readonly byLo = new Map<number, { readonly hi: number; readonly state: unknown }[]>();
  private size = 0;

  /** `state`, or an equal one met before. */
  intern<S>(state: S): S {
    const lo = fingerprintSharedPart(state);
    const hi = lastHi;
    const entries = this.byLo.get(lo);
    if (entries !== undefined) {
      for (const e of entries) if (e.hi === hi) return e.state as S;
    }
    if (this.size >= LIMIT) {
      this.byLo.clear();
      this.size = 0;
    }
    if (entries === undefined || this.size === 0) this.byLo.set(lo, [{ hi, state }]);
    else entries.push({ hi, state });
    this.size++;
    return state;
  }
}
