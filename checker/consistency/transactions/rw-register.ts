// The rw-register workload: version orders, non-cycle anomalies and dependency edges.
//
// Every written value is unique per key, so a read names the write it observed. What the history
// reveals of each key's version order, as Elle infers it:
//   - the initial version (nil) precedes every written version;
//   - with `wfrKeys` (writes follow reads, Elle's option of that name, on by default here): a
//     committed transaction that read version v of a key and then wrote w to it orders v < w
//     (its write was installed after the version it read, which was committed before it read).
// A cycle in that order is `cyclic-versions`. From the order:
//   ww  T1 → T2  when T2's version directly follows T1's;
//   wr  T1 → T2  when T2 read the version T1 wrote;
//   rw  T1 → T2  when T1 read a version that T2's version directly follows.
// Only a transaction's external reads (before it touches the key itself) give wr and rw edges.

import { InputError } from '../../errors.ts';
import type { Anomaly, WorkloadAnalysis } from './anomaly.ts';
import { EdgeList, RW, WR, WW } from './graph.ts';
import { stronglyConnectedComponents } from './scc.ts';
import { showKey, showValue, txnName, type Key, type MicroOp, type Txn, type Value } from './txn.ts';

interface KeyVersions {
  readonly key: Key;
  /** The initial version's id. */
  readonly init: number;
  readonly byValue: Map<Value, number>;
  ordered: boolean;
}

const NO_WRITER = -1;

export interface RwRegisterOptions {
  /** Infer v < w when a committed transaction read v of a key and then wrote w to it. Default true. */
  readonly wfrKeys?: boolean;
}

export function analyseRwRegister(txns: readonly Txn[], edges: EdgeList, options: RwRegisterOptions = {}): WorkloadAnalysis {
  const anomalies: Anomaly[] = [];
  const keys = new Map<Key, KeyVersions>();
  const versionKey: KeyVersions[] = [];
  const versionValue: (Value | null)[] = [];
  const versionWriter: number[] = [];
  const versionIntermediate: boolean[] = [];
  const keyOf = (key: Key): KeyVersions => {
    let k = keys.get(key);
    if (k === undefined) {
      k = { key, init: versionWriter.length, byValue: new Map(), ordered: true };
      keys.set(key, k);
      versionKey.push(k);
      versionValue.push(null);
      versionWriter.push(NO_WRITER);
      versionIntermediate.push(false);
    }
    return k;
  };

  for (let t = 0; t < txns.length; t++) {
    const ops = txns[t]!.ops;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j]!;
      if (op.f !== 'w') continue;
      const k = keyOf(op.key);
      const prior = k.byValue.get(op.value);
      if (prior !== undefined) {
        throw new InputError(
          `${txns[t]!.where ?? txnName(txns[t]!)}: writes ${showKey(op.key)} = ${showValue(op.value)}, which ${txnName(txns[versionWriter[prior]!]!)} also writes (values must be unique per key)`,
        );
      }
      let intermediate = false;
      for (let i = j + 1; i < ops.length; i++) if (ops[i]!.f === 'w' && ops[i]!.key === op.key) intermediate = true;
      k.byValue.set(op.value, versionWriter.length);
      versionKey.push(k);
      versionValue.push(op.value);
      versionWriter.push(t);
      versionIntermediate.push(intermediate);
    }
  }

  // External reads of committed transactions, internal consistency, aborted and intermediate reads.
  const readTxn: number[] = [];
  const readVersion: number[] = [];
  for (let t = 0; t < txns.length; t++) {
    const txn = txns[t]!;
    if (txn.type !== 'ok') continue;
    const ops = txn.ops;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j]!;
      if (op.f !== 'r') continue;
      const value = op.value as Value | null;
      const k = keyOf(op.key);
      if (!internalCheck(txns, t, j, value, anomalies)) continue;
      const v = value === null ? k.init : k.byValue.get(value);
      if (v === undefined) throw new InputError(`${txn.where ?? txnName(txn)}: reads ${showKey(op.key)} = ${showValue(value)}, which no transaction writes`);
      const w = versionWriter[v]!;
      if (w === t) {
        anomalies.push({ type: 'future-read', txns: [t], key: op.key, explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(value)} before writing that value itself (a read of its own future write)` });
        continue;
      }
      if (w !== NO_WRITER && txns[w]!.type === 'fail') {
        anomalies.push({ type: 'G1a', txns: [t, w], key: op.key, explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(value)}, written by ${txnName(txns[w]!)}, which failed (aborted read)` });
        continue;
      }
      if (versionIntermediate[v]) {
        anomalies.push({
          type: 'G1b',
          txns: [t, w],
          key: op.key,
          explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(value)}, which ${txnName(txns[w]!)} overwrote with a later write of its own (intermediate read)`,
        });
        // An intermediate version was never installed: no dependency on it (as in Elle).
        continue;
      }
      readTxn.push(t);
      readVersion.push(v);
    }
  }

  // The version order: initial version first; a committed read-then-write orders the two.
  const order = new EdgeList();
  const succ: number[][] = versionWriter.map(() => []);
  const reason = new Map<number, number>(); // (u * versions + v) → the transaction that orders them
  const nv = versionWriter.length;
  const link = (u: number, v: number, why: number): void => {
    const id = u * nv + v;
    if (reason.has(id) || u === v) return;
    reason.set(id, why);
    succ[u]!.push(v);
    order.add(u, v, 1);
  };
  for (let v = 0; v < nv; v++) {
    const w = versionWriter[v]!;
    if (w !== NO_WRITER && txns[w]!.type !== 'fail') link(versionKey[v]!.init, v, NO_WRITER);
  }
  const lostUpdates = new Map<number, number>();
  for (let r = 0; r < readTxn.length; r++) {
    const t = readTxn[r]!;
    const u = readVersion[r]!;
    const k = versionKey[u]!;
    const w = finalWrite(txns[t]!.ops, k.key);
    if (w === undefined) continue;
    if (options.wfrKeys !== false) link(u, k.byValue.get(w)!, t);
    const other = lostUpdates.get(u);
    if (other === undefined) lostUpdates.set(u, t);
    else {
      anomalies.push({
        type: 'lost-update',
        txns: [other, t],
        key: k.key,
        explanation: `${txnName(txns[other]!)} and ${txnName(txns[t]!)} both read ${showKey(k.key)} = ${showValue(versionValue[u]!)} and both wrote ${showKey(k.key)}: one of the updates was made without seeing the other`,
      });
    }
  }
  for (const cycle of stronglyConnectedComponents(order.toGraph(nv), 1)) {
    const k = versionKey[cycle[0]!]!;
    k.ordered = false;
    const writers = cycle.map((v) => versionWriter[v]!).filter((w) => w !== NO_WRITER);
    anomalies.push({
      type: 'cyclic-versions',
      txns: writers,
      key: k.key,
      explanation: `the versions ${cycle.map((v) => showValue(versionValue[v]!)).join(', ')} of ${showKey(k.key)} are ordered in a cycle by transactions that read one and then wrote the next`,
    });
  }

  const live = (t: number): boolean => t !== NO_WRITER && txns[t]!.type !== 'fail';
  for (let u = 0; u < nv; u++) {
    if (!versionKey[u]!.ordered || !live(versionWriter[u]!)) continue;
    for (const v of succ[u]!) if (live(versionWriter[v]!)) edges.add(versionWriter[u]!, versionWriter[v]!, WW);
  }
  for (let r = 0; r < readTxn.length; r++) {
    const t = readTxn[r]!;
    const u = readVersion[r]!;
    if (!versionKey[u]!.ordered) continue;
    const w = versionWriter[u]!;
    if (w !== NO_WRITER) edges.add(w, t, WR);
    for (const v of succ[u]!) if (live(versionWriter[v]!)) edges.add(t, versionWriter[v]!, RW);
  }

  const unorderedKeys = [...keys.values()].filter((k) => !k.ordered).map((k) => k.key);
  const explain = (from: number, to: number, rel: 'ww' | 'wr' | 'rw'): string => {
    const a = txnName(txns[from]!);
    const b = txnName(txns[to]!);
    const why = (u: number, v: number): string => {
      const t = reason.get(u * nv + v);
      const k = showKey(versionKey[v]!.key);
      if (t === undefined || t === NO_WRITER) return `every write follows the initial version`;
      return `${txnName(txns[t]!)} read ${k} = ${showValue(versionValue[u]!)} and then wrote ${k} = ${showValue(versionValue[v]!)}`;
    };
    if (rel === 'ww') {
      for (let u = 0; u < nv; u++) {
        if (versionWriter[u] !== from) continue;
        for (const v of succ[u]!) {
          if (versionWriter[v] !== to) continue;
          const k = showKey(versionKey[v]!.key);
          return `${a} wrote ${k} = ${showValue(versionValue[u]!)} and ${b}'s ${k} = ${showValue(versionValue[v]!)} follows it (${why(u, v)})`;
        }
      }
    } else {
      const reader = rel === 'wr' ? to : from;
      for (let r = 0; r < readTxn.length; r++) {
        if (readTxn[r] !== reader) continue;
        const u = readVersion[r]!;
        const k = showKey(versionKey[u]!.key);
        const seen = u === versionKey[u]!.init ? 'nil (the initial version)' : showValue(versionValue[u]!);
        if (rel === 'wr' && versionWriter[u] === from) return `${b} read ${k} = ${seen}, written by ${a}`;
        if (rel === 'rw') {
          for (const v of succ[u]!) {
            if (versionWriter[v] === to) return `${a} read ${k} = ${seen}, and ${b}'s write ${k} = ${showValue(versionValue[v]!)} follows that version (${why(u, v)})`;
          }
        }
      }
    }
    return `${a} ${rel}→ ${b}`;
  };
  return { anomalies, unorderedKeys, explain };
}

function finalWrite(ops: readonly MicroOp[], key: Key): Value | undefined {
  let last: Value | undefined;
  for (const op of ops) if (op.f === 'w' && op.key === key) last = op.value;
  return last;
}

/**
 * Checks the read at ops[j] of transaction t against the transaction's own earlier micro-ops on
 * the key (a read must see its own last write, or repeat its own last read); reports `internal`
 * on a mismatch. Returns whether the read is external (the first micro-op on the key).
 */
function internalCheck(txns: readonly Txn[], t: number, j: number, value: Value | null, anomalies: Anomaly[]): boolean {
  const ops = txns[t]!.ops;
  const key = ops[j]!.key;
  for (let i = j - 1; i >= 0; i--) {
    const op = ops[i]!;
    if (op.key !== key) continue;
    const expected = op.value as Value | null;
    if (expected !== value) {
      anomalies.push({
        type: 'internal',
        txns: [t],
        key,
        explanation: `${txnName(txns[t]!)} read ${showKey(key)} = ${showValue(value)} after its own ${op.f === 'w' ? 'write' : 'read'} of ${showKey(key)} = ${showValue(expected)}`,
      });
    }
    return false;
  }
  return true;
}
