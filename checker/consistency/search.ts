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
// Three sound prunings on top of Porcupine's algorithm:
// - pending operations never need to be placed after the last completed one (that is the same as
//   "never took effect"), so the search succeeds as soon as every completed operation is placed;
// - a pending operation's effect that leaves the state unchanged is never tried: leaving the
//   operation out does as well and keeps it available;
// - a read-only completed operation (`spec.readOnly`) that is legal now is placed first with no
//   alternative tried at that level (any linearization can be reordered to start with it).
//
// Everything in the loop is typed arrays and integers: the linked list, the bitset of linearized
// operations, its incremental (Zobrist) hash and a chained hash memo whose 64-bit keys combine that
// hash with the model state's hash. States are compared with the specification's `equal` only when
// the whole key and the bitset match. The search can run in slices (see `run`), so partitions can
// be searched round-robin as if in parallel.

import type { History } from './history.ts';
import type { SequentialSpec } from './sequential-spec.ts';
import { fmix } from '../fingerprint/mix.ts';

export type SearchOutcome<S> =
  | { readonly verdict: 'linearizable'; readonly linearization: readonly number[] }
  | { readonly verdict: 'not-linearizable'; readonly longestPrefix: readonly number[]; readonly stateAfterPrefix: S }
  | { readonly verdict: 'unknown' };

/** How often (in loop iterations) the clock is read. */
const CLOCK_EVERY = 0x3ff;

const mix32 = (h: number): number => fmix(h) | 0;

/** A search that can be run in slices, so that several partitions can share the time fairly. */
export interface LinearizationSearch<S> {
  /**
   * Runs until the search ends or `iterations` more loop iterations have passed (then undefined),
   * or `performance.now()` passes `deadline` (then `unknown`).
   */
  run(iterations: number, deadline: number): SearchOutcome<S> | undefined;
}

/** Searches for a linearization of `ops` under `spec` until done or `deadline` passes. */
export function searchLinearization<I, O, S>(
  ops: History<I, O>,
  spec: SequentialSpec<I, O, S>,
  deadline: number,
): SearchOutcome<S> {
  return createSearch(ops, spec).run(Infinity, deadline)!;
}

export function createSearch<I, O, S>(ops: History<I, O>, spec: SequentialSpec<I, O, S>): LinearizationSearch<S> {
  return new Search(ops, spec);
}

/** The memo of visited (set of linearized operations, state) pairs: chained buckets over arrays. */
class Memo<S> {
  private bucketMask = 1023;
  private buckets = new Int32Array(1024).fill(-1);
  private capacity = 1024;
  private chain = new Int32Array(1024);
  private keyA = new Int32Array(1024);
  private keyB = new Int32Array(1024);
  private pool: Uint32Array;
  private readonly states: S[] = [];
  size = 0;

  constructor(
    private readonly words: number,
    private readonly equal: (a: S, b: S) => boolean,
  ) {
    this.pool = new Uint32Array(this.capacity * words);
  }

  /** Records (bits, state) and answers true, or answers false when it was already there. */
  add(bits: Uint32Array, setHashA: number, setHashB: number, state: S, stateHash: number): boolean {
    const ka = (setHashA ^ Math.imul(stateHash, 0x9e3779b1)) | 0;
    const kb = (setHashB + stateHash) | 0;
    const { words, pool, keyA, keyB, chain } = this;
    for (let k = this.buckets[ka & this.bucketMask]!; k !== -1; k = chain[k]!) {
      if (keyA[k] !== ka || keyB[k] !== kb) continue;
      let same = true;
      const base = k * words;
      for (let w = 0; w < words; w++) {
        if (pool[base + w] !== bits[w]) {
          same = false;
          break;
        }
      }
      if (same && this.equal(this.states[k]!, state)) return false;
    }
    if (this.size === this.capacity) this.grow();
    const k = this.size++;
    this.keyA[k] = ka;
    this.keyB[k] = kb;
    const base = k * words;
    for (let w = 0; w < words; w++) this.pool[base + w] = bits[w]!;
    this.states.push(state);
    const slot = ka & this.bucketMask;
    this.chain[k] = this.buckets[slot]!;
    this.buckets[slot] = k;
    return true;
  }

  private grow(): void {
    this.capacity *= 2;
    const keyA = new Int32Array(this.capacity);
    const keyB = new Int32Array(this.capacity);
    const pool = new Uint32Array(this.capacity * this.words);
    keyA.set(this.keyA);
    keyB.set(this.keyB);
    pool.set(this.pool);
    this.keyA = keyA;
    this.keyB = keyB;
    this.pool = pool;
    this.chain = new Int32Array(this.capacity);
    this.bucketMask = this.bucketMask * 2 + 1;
    this.buckets = new Int32Array(this.bucketMask + 1).fill(-1);
    for (let k = 0; k < this.size; k++) {
      const slot = keyA[k]! & this.bucketMask;
      this.chain[k] = this.buckets[slot]!;
      this.buckets[slot] = k;
    }
  }
}

class Search<I, O, S> implements LinearizationSearch<S> {
  private readonly n: number;
  private readonly inputs: I[];
  private readonly outputs: O[];
  private readonly pending: Uint8Array;
  private readonly completed: number;
  /** 1 for a completed operation the specification says never changes the state. */
  private readonly readOnly: Uint8Array;
  // Entry 2i is op i's call, 2i+1 its return; entry 2n is a sentinel before the first entry.
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  // The set of linearized operations and its two-lane Zobrist hash.
  private readonly bits: Uint32Array;
  private readonly zobristA: Int32Array;
  private readonly zobristB: Int32Array;
  private setHashA = 0;
  private setHashB = 0;
  private readonly memo: Memo<S>;
  // The stack of choices: which call entry was lifted, the state before it, and for a pending
  // operation which of its possible effects was taken.
  private readonly stackEntry: Int32Array;
  private readonly stackPrevHash: Int32Array;
  private readonly stackAlt: Int32Array;
  /** 1 where the choice was a forced no-op (see `run`): undoing it undoes the level below too. */
  private readonly stackForced: Uint8Array;
  private readonly stackPrevState: S[];
  private readonly stackAlts: (readonly S[] | undefined)[];
  private depth = 0;
  private state: S;
  private stateHash: number;
  private linearizedCompleted = 0;
  private longest: number[] = [];
  private stateAfterLongest: S;
  private entry: number;
  private iterations = 0;
  private finished: SearchOutcome<S> | undefined;

  constructor(
    ops: History<I, O>,
    private readonly spec: SequentialSpec<I, O, S>,
  ) {
    const n = (this.n = ops.length);
    this.inputs = new Array<I>(n);
    this.outputs = new Array<O>(n);
    this.pending = new Uint8Array(n);
    this.readOnly = new Uint8Array(n);
    let completed = 0;
    for (let i = 0; i < n; i++) {
      const op = ops[i]!;
      this.inputs[i] = op.input;
      this.outputs[i] = op.output as O;
      if (op.ret === undefined) this.pending[i] = 1;
      else {
        completed++;
        if (spec.readOnly?.(op.input, op.output as O) === true) this.readOnly[i] = 1;
      }
    }
    this.completed = completed;

    const HEAD = 2 * n;
    this.next = new Int32Array(2 * n + 1);
    this.prev = new Int32Array(2 * n + 1);
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
      this.next[last] = e;
      this.prev[e] = last;
      last = e;
    }
    this.next[last] = -1;
    this.entry = this.next[HEAD]!;

    const words = Math.max(1, (n + 31) >>> 5);
    this.bits = new Uint32Array(words);
    this.zobristA = new Int32Array(n);
    this.zobristB = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.zobristA[i] = mix32(Math.imul(i + 1, 0x9e3779b1));
      this.zobristB[i] = mix32(Math.imul(i + 1, 0x7feb352d) ^ 0x5bd1e995);
    }
    this.memo = new Memo<S>(words, spec.equal);
    this.stackEntry = new Int32Array(n);
    this.stackPrevHash = new Int32Array(n);
    this.stackAlt = new Int32Array(n);
    this.stackForced = new Uint8Array(n);
    this.stackPrevState = new Array<S>(n);
    this.stackAlts = new Array<readonly S[] | undefined>(n);
    this.state = spec.init();
    this.stateHash = spec.hash(this.state) | 0;
    this.stateAfterLongest = this.state;
  }

  // A method, not a closure: a closure over the loop's locals would move them off the stack.
  private save(
    entry: number,
    iterations: number,
    depth: number,
    state: S,
    stateHash: number,
    linearizedCompleted: number,
    setHashA: number,
    setHashB: number,
  ): void {
    this.entry = entry;
    this.iterations = iterations;
    this.depth = depth;
    this.state = state;
    this.stateHash = stateHash;
    this.linearizedCompleted = linearizedCompleted;
    this.setHashA = setHashA;
    this.setHashB = setHashB;
  }

  run(budget: number, deadline: number): SearchOutcome<S> | undefined {
    if (this.finished !== undefined) return this.finished;
    // The hot state lives in locals for the length of the loop and is written back on every exit.
    const { spec, next, prev, pending, readOnly, bits, zobristA, zobristB, memo, inputs, outputs, completed } = this;
    const { stackEntry, stackPrevHash, stackAlt, stackForced, stackPrevState, stackAlts } = this;
    const HEAD = 2 * this.n;
    let { entry, iterations, depth, state, stateHash, linearizedCompleted, setHashA, setHashB } = this;
    const stopAt = iterations + budget;

    while (linearizedCompleted < completed) {
      if ((++iterations & CLOCK_EVERY) === 0 && performance.now() > deadline) {
        this.save(entry, iterations, depth, state, stateHash, linearizedCompleted, setHashA, setHashB);
        return { verdict: 'unknown' };
      }
      if (iterations >= stopAt) {
        this.save(entry, iterations, depth, state, stateHash, linearizedCompleted, setHashA, setHashB);
        return undefined;
      }
      // Choose the call entry to try and the state it would lead to.
      let e: number;
      let candidate: S | undefined;
      let alts: readonly S[] | undefined;
      let alt = 0;
      let forced = 0;
      if (entry === -1 || (entry & 1) === 1) {
        // A return entry (or the end, which only pending returns precede): nothing before it fits.
        if (entry !== -1 && pending[entry >>> 1] === 1) break; // only pending operations remain
        if (depth === 0) {
          this.save(entry, iterations, depth, state, stateHash, linearizedCompleted, setHashA, setHashB);
          return (this.finished = {
            verdict: 'not-linearizable',
            longestPrefix: this.longest,
            stateAfterPrefix: this.stateAfterLongest,
          });
        }
        // Undo the last choice: relink the return entry and then the call entry.
        depth--;
        e = stackEntry[depth]!;
        const op = e >>> 1;
        state = stackPrevState[depth]!;
        stateHash = stackPrevHash[depth]!;
        alts = stackAlts[depth];
        stackAlts[depth] = undefined;
        bits[op >>> 5]! ^= 1 << (op & 31);
        setHashA ^= zobristA[op]!;
        setHashB ^= zobristB[op]!;
        if (pending[op] === 0) linearizedCompleted--;
        const r = e + 1;
        next[prev[r]!] = r;
        if (next[r] !== -1) prev[next[r]!] = r;
        next[prev[e]!] = e;
        if (next[e] !== -1) prev[next[e]!] = e;
        if (stackForced[depth] === 1) {
          // Every linearization from here could place this operation first, and none succeeded.
          entry = r;
          continue;
        }
        // A pending operation may have other effects left to try; otherwise move past it.
        alt = stackAlt[depth]! + 1;
        while (alts !== undefined && alt < alts.length && spec.equal(alts[alt]!, state)) alt++;
        if (alts === undefined || alt >= alts.length) {
          entry = next[e]!;
          continue;
        }
        candidate = alts[alt]!;
      } else {
        e = entry;
        const op = e >>> 1;
        if (pending[op] === 0) {
          candidate = spec.step(state, inputs[op]!, outputs[op]!);
          // A read-only operation that is legal now can be moved to the front of any
          // linearization from here: nothing that must precede it is left, and it changes the
          // state for no one. So it goes first, and if that fails, this whole configuration fails.
          if (candidate !== undefined) forced = readOnly[op]!;
        } else {
          // An effect that leaves the state as it is, is never needed: leaving the operation out
          // (it may never take effect) does as well, and keeps it available for later.
          alts = spec.stepPending(state, inputs[op]!);
          while (alt < alts.length && spec.equal(alts[alt]!, state)) alt++;
          candidate = alt < alts.length ? alts[alt] : undefined;
        }
        if (candidate === undefined) {
          entry = next[e]!;
          continue;
        }
      }

      // Linearize the operation of `e` with effect `candidate`, unless that configuration is known.
      const op = e >>> 1;
      bits[op >>> 5]! ^= 1 << (op & 31);
      setHashA ^= zobristA[op]!;
      setHashB ^= zobristB[op]!;
      let lifted = false;
      for (;;) {
        const candidateHash = spec.hash(candidate!) | 0;
        if (memo.add(bits, setHashA, setHashB, candidate!, candidateHash)) {
          stackEntry[depth] = e;
          stackPrevState[depth] = state;
          stackPrevHash[depth] = stateHash;
          stackAlt[depth] = alt;
          stackAlts[depth] = alts;
          stackForced[depth] = forced;
          depth++;
          state = candidate!;
          stateHash = candidateHash;
          lifted = true;
          break;
        }
        if (alts === undefined) break;
        while (++alt < alts.length && spec.equal(alts[alt]!, state)) {}
        if (alt >= alts.length) break;
        candidate = alts[alt]!;
      }
      if (!lifted) {
        bits[op >>> 5]! ^= 1 << (op & 31);
        setHashA ^= zobristA[op]!;
        setHashB ^= zobristB[op]!;
        // A forced operation leads to a configuration already explored, hence failed: so does this one.
        entry = forced === 1 ? e + 1 : next[e]!;
        continue;
      }
      if (pending[op] === 0) linearizedCompleted++;
      // Unlink the call entry and then its return entry.
      const r = e + 1;
      next[prev[e]!] = next[e]!;
      if (next[e] !== -1) prev[next[e]!] = prev[e]!;
      next[prev[r]!] = next[r]!;
      if (next[r] !== -1) prev[next[r]!] = prev[r]!;
      if (depth > this.longest.length) {
        const longest = new Array<number>(depth);
        for (let d = 0; d < depth; d++) longest[d] = stackEntry[d]! >>> 1;
        this.longest = longest;
        this.stateAfterLongest = state;
      }
      entry = next[HEAD]!;
    }
    this.save(entry, iterations, depth, state, stateHash, linearizedCompleted, setHashA, setHashB);
    const linearization: number[] = [];
    for (let d = 0; d < depth; d++) linearization.push(stackEntry[d]! >>> 1);
    return (this.finished = { verdict: 'linearizable', linearization });
  }
}
