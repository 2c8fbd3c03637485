// The Wing–Gong linearizability search with Lowe's memoisation, over one (sub-)history.
//
// Every operation contributes a call entry and a return entry to a doubly linked list sorted by
// position; a pending operation's return is placed after everything else (return = +∞). The search
// walks the list: at a call entry it tries to linearize that operation now (apply it to the model
// state); if that is legal and the pair (set of linearized operations, state) is new, the operation's
// two entries are unlinked ("lifted") and the walk restarts from the head. Reaching a return entry
// means the operation it closes cannot be linearized after what was chosen so far, so the last
// choice is undone and the walk resumes after it. The memo of visited (set, state) pairs is what
// keeps this from being exponential on the histories real systems produce.
//
// Pending operations never need to be placed after the last completed one (that is the same as
// "never took effect"), so the search succeeds as soon as every completed operation is linearized.
//
// Everything in the loop is typed arrays and integers: the linked list, the bitset of linearized
// operations, its incremental (Zobrist) hash and an open-addressing memo whose keys combine that
// hash with the model state's hash. States are compared with the specification's `equal` only when
// both 64 bits of the key match.

import type { History } from './history.ts';
import type { SequentialSpec } from './sequential-spec.ts';

export type SearchOutcome<S> =
  | { readonly verdict: 'linearizable'; readonly linearization: readonly number[] }
  | { readonly verdict: 'not-linearizable'; readonly longestPrefix: readonly number[]; readonly stateAfterPrefix: S }
  | { readonly verdict: 'unknown' };

/** How often (in loop iterations) the clock is read. */
const CLOCK_EVERY = 0x3ff;

function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Searches for a linearization of `ops` under `spec`. Gives up with `unknown` once
 * `performance.now()` passes `deadline`.
 */
export function searchLinearization<I, O, S>(
  ops: History<I, O>,
  spec: SequentialSpec<I, O, S>,
  deadline: number,
): SearchOutcome<S> {
  const n = ops.length;
  const inputs: I[] = new Array<I>(n);
  const outputs: (O | undefined)[] = new Array<O | undefined>(n);
  const pending = new Uint8Array(n);
  let completed = 0;
  for (let i = 0; i < n; i++) {
    const op = ops[i]!;
    inputs[i] = op.input;
    outputs[i] = op.output;
    if (op.ret === undefined) pending[i] = 1;
    else completed++;
  }

  // Entry 2i is op i's call, 2i+1 its return; HEAD is a sentinel before the first entry.
  const HEAD = 2 * n;
  const next = new Int32Array(2 * n + 1);
  const prev = new Int32Array(2 * n + 1);
  {
    const order = new Int32Array(2 * n);
    const time = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const op = ops[i]!;
      order[2 * i] = 2 * i;
      order[2 * i + 1] = 2 * i + 1;
      time[2 * i] = op.call;
      time[2 * i + 1] = op.ret ?? Infinity;
    }
    // At equal positions calls come first: operations that touch are treated as concurrent.
    order.sort((a, b) => time[a]! - time[b]! || (a & 1) - (b & 1) || a - b);
    let last = HEAD;
    for (let k = 0; k < 2 * n; k++) {
      const e = order[k]!;
      next[last] = e;
      prev[e] = last;
      last = e;
    }
    next[last] = -1;
  }

  // The set of linearized operations and its two-lane Zobrist hash.
  const words = Math.max(1, (n + 31) >>> 5);
  const bits = new Uint32Array(words);
  const zobristA = new Int32Array(n);
  const zobristB = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    zobristA[i] = mix32(Math.imul(i + 1, 0x9e3779b1));
    zobristB[i] = mix32(Math.imul(i + 1, 0x7feb352d) ^ 0x5bd1e995);
  }
  let setHashA = 0;
  let setHashB = 0;

  // The memo: chained buckets over parallel arrays, bitsets stored back to back in `pool`.
  let bucketMask = 1023;
  let buckets = new Int32Array(bucketMask + 1).fill(-1);
  let capacity = 1024;
  let chain = new Int32Array(capacity);
  let keyA = new Int32Array(capacity);
  let keyB = new Int32Array(capacity);
  let pool = new Uint32Array(capacity * words);
  const memoStates: S[] = [];
  let memoSize = 0;

  const grow = (): void => {
    capacity *= 2;
    const c = new Int32Array(capacity);
    const a = new Int32Array(capacity);
    const b = new Int32Array(capacity);
    const p = new Uint32Array(capacity * words);
    a.set(keyA);
    b.set(keyB);
    p.set(pool);
    chain = c;
    keyA = a;
    keyB = b;
    pool = p;
    bucketMask = bucketMask * 2 + 1;
    buckets = new Int32Array(bucketMask + 1).fill(-1);
    for (let k = 0; k < memoSize; k++) {
      const slot = keyA[k]! & bucketMask;
      chain[k] = buckets[slot]!;
      buckets[slot] = k;
    }
  };

  /** Records (bits, state) in the memo; false when it was already there. */
  const remember = (state: S, stateHash: number): boolean => {
    const ka = (setHashA ^ Math.imul(stateHash, 0x9e3779b1)) | 0;
    const kb = (setHashB + stateHash) | 0;
    for (let k = buckets[ka & bucketMask]!; k !== -1; k = chain[k]!) {
      if (keyA[k] !== ka || keyB[k] !== kb) continue;
      let same = true;
      const base = k * words;
      for (let w = 0; w < words; w++) {
        if (pool[base + w] !== bits[w]) {
          same = false;
          break;
        }
      }
      if (same && spec.equal(memoStates[k]!, state)) return false;
    }
    if (memoSize === capacity) grow();
    const k = memoSize++;
    keyA[k] = ka;
    keyB[k] = kb;
    pool.set(bits, k * words);
    memoStates.push(state);
    const slot = ka & bucketMask;
    chain[k] = buckets[slot]!;
    buckets[slot] = k;
    return true;
  };

  // The stack of choices: which call entry was lifted, the state before it, and for a pending
  // operation which of its possible effects was taken.
  const stackEntry = new Int32Array(n);
  const stackPrevHash = new Int32Array(n);
  const stackAlt = new Int32Array(n);
  const stackPrevState: S[] = new Array<S>(n);
  const stackAlts: (readonly S[] | undefined)[] = new Array<readonly S[] | undefined>(n);
  let depth = 0;

  let state = spec.init();
  let stateHash = spec.hash(state) | 0;
  let linearizedCompleted = 0;
  let longest: number[] = [];
  let stateAfterLongest = state;

  const toggle = (op: number): void => {
    bits[op >>> 5]! ^= 1 << (op & 31);
    setHashA ^= zobristA[op]!;
    setHashB ^= zobristB[op]!;
  };

  /** Tries to make `nextState` the effect of the operation of call entry `e`; lifts it on success. */
  const tryLift = (e: number, nextState: S, alt: number, alts: readonly S[] | undefined): boolean => {
    const op = e >>> 1;
    const nextHash = spec.hash(nextState) | 0;
    toggle(op);
    if (!remember(nextState, nextHash)) {
      toggle(op);
      return false;
    }
    stackEntry[depth] = e;
    stackPrevState[depth] = state;
    stackPrevHash[depth] = stateHash;
    stackAlt[depth] = alt;
    stackAlts[depth] = alts;
    depth++;
    state = nextState;
    stateHash = nextHash;
    if (pending[op] === 0) linearizedCompleted++;
    // Unlink the call entry and then its return entry.
    const r = e + 1;
    next[prev[e]!] = next[e]!;
    if (next[e] !== -1) prev[next[e]!] = prev[e]!;
    next[prev[r]!] = next[r]!;
    if (next[r] !== -1) prev[next[r]!] = prev[r]!;
    if (depth > longest.length) {
      longest = new Array<number>(depth);
      for (let d = 0; d < depth; d++) longest[d] = stackEntry[d]! >>> 1;
      stateAfterLongest = state;
    }
    return true;
  };

  /** Tries the pending operation of call entry `e` with its effects from index `from` on. */
  const tryPending = (e: number, alts: readonly S[], from: number): boolean => {
    for (let a = from; a < alts.length; a++) if (tryLift(e, alts[a]!, a, alts)) return true;
    return false;
  };

  let entry = next[HEAD]!;
  let iterations = 0;
  while (linearizedCompleted < completed) {
    if ((++iterations & CLOCK_EVERY) === 0 && performance.now() > deadline) return { verdict: 'unknown' };
    if (entry === -1 || (entry & 1) === 1) {
      // A return entry (or the end, which only pending returns precede): nothing before it fits.
      if (entry !== -1 && pending[entry >>> 1] === 1) break; // only pending operations remain
      if (depth === 0) {
        return { verdict: 'not-linearizable', longestPrefix: longest, stateAfterPrefix: stateAfterLongest };
      }
      depth--;
      const e = stackEntry[depth]!;
      const op = e >>> 1;
      state = stackPrevState[depth]!;
      stateHash = stackPrevHash[depth]!;
      const alts = stackAlts[depth];
      stackAlts[depth] = undefined;
      toggle(op);
      if (pending[op] === 0) linearizedCompleted--;
      // Relink the return entry and then the call entry: the reverse of lifting.
      const r = e + 1;
      next[prev[r]!] = r;
      if (next[r] !== -1) prev[next[r]!] = r;
      next[prev[e]!] = e;
      if (next[e] !== -1) prev[next[e]!] = e;
      if (alts !== undefined && tryPending(e, alts, stackAlt[depth]! + 1)) entry = next[HEAD]!;
      else entry = next[e]!;
      continue;
    }
    const op = entry >>> 1;
    let lifted: boolean;
    if (pending[op] === 0) {
      const nextState = spec.step(state, inputs[op]!, outputs[op] as O);
      lifted = nextState !== undefined && tryLift(entry, nextState, 0, undefined);
    } else {
      lifted = tryPending(entry, spec.stepPending(state, inputs[op]!), 0);
    }
    entry = lifted ? next[HEAD]! : next[entry]!;
  }
  const linearization: number[] = [];
  for (let d = 0; d < depth; d++) linearization.push(stackEntry[d]! >>> 1);
  return { verdict: 'linearizable', linearization };
}
