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
import { LostUpdates } from './lost-updates.ts';
import { forEachCommittedRead, forEachWrite, valueNotUnique } from './micro-op-scan.ts';
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

/** Every version, numbered: each key's initial version (on the key's first sight), then its writes. */
interface Versions {
  readonly keys: Map<Key, KeyVersions>;
  readonly key: KeyVersions[];
  /** The value written; null for an initial version. */
  readonly value: (Value | null)[];
  /** The writing transaction; NO_WRITER for an initial version. */
  readonly writer: number[];
  /** Whether the writer wrote the key again afterwards (the version was never installed). */
  readonly intermediate: boolean[];
}

/** The external reads of committed transactions that observed an installed version. */
interface Reads {
  readonly txn: number[];
  readonly version: number[];
}

/** What the history reveals of each key's version order. */
interface VersionOrder {
  /** The number of versions. */
  readonly nv: number;
  readonly order: EdgeList;
  /** Each version's known successors. */
  readonly succ: number[][];
  /** (u * nv + v) → the transaction that orders u before v (NO_WRITER: v follows the initial version u). */
  readonly reason: Map<number, number>;
}

export interface RwRegisterOptions {
  /** Infer v < w when a committed transaction read v of a key and then wrote w to it. Default true. */
  readonly wfrKeys?: boolean;
}

/** Infers each key's version order, reports the anomalies that need no cycle, and adds the ww, wr and rw edges. */
export function analyseRwRegister(txns: readonly Txn[], edges: EdgeList, options: RwRegisterOptions = {}): WorkloadAnalysis {
  const anomalies: Anomaly[] = [];
  const versions = indexWrites(txns);
  const reads = readCommitted(txns, versions, anomalies);
  const order = versionOrder(txns, versions, reads, options.wfrKeys !== false);
  reportLostUpdates(txns, versions, reads, anomalies);
  reportCyclicVersions(versions, order, anomalies);
  addWwEdges(txns, versions, order, edges);
  addWrRwEdges(txns, versions, reads, order, edges);
  return {
    anomalies,
    unorderedKeys: [...versions.keys.values()].filter((k) => !k.ordered).map((k) => k.key),
    explain: (from, to, rel) => explainRwRegisterEdge(txns, versions, reads, order, from, to, rel),
  };
}

function keyVersions(versions: Versions, key: Key): KeyVersions {
  let k = versions.keys.get(key);
  if (k === undefined) {
    k = { key, init: versions.writer.length, byValue: new Map(), ordered: true };
    versions.keys.set(key, k);
    versions.key.push(k);
    versions.value.push(null);
    versions.writer.push(NO_WRITER);
    versions.intermediate.push(false);
  }
  return k;
}

/** Who wrote what; a value written twice to a key is bad input. */
function indexWrites(txns: readonly Txn[]): Versions {
  const versions: Versions = { keys: new Map(), key: [], value: [], writer: [], intermediate: [] };
  forEachWrite(txns, 'w', (t, op, overwritten) => {
    const k = keyVersions(versions, op.key);
    const prior = k.byValue.get(op.value);
    if (prior !== undefined) throw valueNotUnique(txns[t]!, `writes ${showKey(op.key)} = ${showValue(op.value)}`, txns[versions.writer[prior]!]!, 'writes');
    k.byValue.set(op.value, versions.writer.length);
    versions.key.push(k);
    versions.value.push(op.value);
    versions.writer.push(t);
    versions.intermediate.push(overwritten);
  });
  return versions;
}

/**
 * The external reads of committed transactions (a read after the transaction's own micro-op on the
 * key is checked against it instead: internal), with the anomalies a single read shows: a read of
 * its own future write, of a failed transaction's write (aborted read, G1a), of a version its
 * writer overwrote (intermediate read, G1b). Those reads give no dependency.
 */
function readCommitted(txns: readonly Txn[], versions: Versions, anomalies: Anomaly[]): Reads {
  const reads: Reads = { txn: [], version: [] };
  forEachCommittedRead(txns, (t, j, op) => {
    const txn = txns[t]!;
    const value = op.value as Value | null;
    const k = keyVersions(versions, op.key);
    if (!internalCheck(txns, t, j, value, anomalies)) return;
    const v = value === null ? k.init : k.byValue.get(value);
    if (v === undefined) throw new InputError(`${txn.where ?? txnName(txn)}: reads ${showKey(op.key)} = ${showValue(value)}, which no transaction writes`);
    const w = versions.writer[v]!;
    if (w === t) {
      anomalies.push({ type: 'future-read', txns: [t], key: op.key, explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(value)} before writing that value itself (a read of its own future write)` });
      return;
    }
    if (w !== NO_WRITER && txns[w]!.type === 'fail') {
      anomalies.push({ type: 'G1a', txns: [t, w], key: op.key, explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(value)}, written by ${txnName(txns[w]!)}, which failed (aborted read)` });
      return;
    }
    if (versions.intermediate[v]) {
      anomalies.push({
        type: 'G1b',
        txns: [t, w],
        key: op.key,
        explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(value)}, which ${txnName(txns[w]!)} overwrote with a later write of its own (intermediate read)`,
      });
      // An intermediate version was never installed: no dependency on it (as in Elle).
      return;
    }
    reads.txn.push(t);
    reads.version.push(v);
  });
  return reads;
}

/** The version order: the initial version first; with `wfrKeys`, a committed read-then-write orders the two. */
function versionOrder(txns: readonly Txn[], versions: Versions, reads: Reads, wfrKeys: boolean): VersionOrder {
  const nv = versions.writer.length;
  const result: VersionOrder = { nv, order: new EdgeList(), succ: versions.writer.map(() => []), reason: new Map() };
  const link = (u: number, v: number, why: number): void => {
    const id = u * nv + v;
    if (result.reason.has(id) || u === v) return;
    result.reason.set(id, why);
    result.succ[u]!.push(v);
    result.order.add(u, v, 1);
  };
  for (let v = 0; v < nv; v++) {
    const w = versions.writer[v]!;
    if (w !== NO_WRITER && txns[w]!.type !== 'fail') link(versions.key[v]!.init, v, NO_WRITER);
  }
  if (!wfrKeys) return result;
  for (let r = 0; r < reads.txn.length; r++) {
    const t = reads.txn[r]!;
    const u = reads.version[r]!;
    const k = versions.key[u]!;
    const w = finalWrite(txns[t]!.ops, k.key);
    if (w !== undefined) link(u, k.byValue.get(w)!, t);
  }
  return result;
}

/** Two committed transactions that read the same version of a key and both wrote it. */
function reportLostUpdates(txns: readonly Txn[], versions: Versions, reads: Reads, anomalies: Anomaly[]): void {
  const lostUpdates = new LostUpdates(txns);
  for (let r = 0; r < reads.txn.length; r++) {
    const t = reads.txn[r]!;
    const u = reads.version[r]!;
    const k = versions.key[u]!;
    if (finalWrite(txns[t]!.ops, k.key) === undefined) continue;
    const lost = lostUpdates.readThenWrote(t, k.key, u, () => showValue(versions.value[u]!), `wrote ${showKey(k.key)}`);
    if (lost !== undefined) anomalies.push(lost);
  }
}

/** A cycle in a key's version order (cyclic-versions): the key's order is then unknown. */
function reportCyclicVersions(versions: Versions, { order, nv }: VersionOrder, anomalies: Anomaly[]): void {
  for (const cycle of stronglyConnectedComponents(order.toGraph(nv), 1)) {
    const k = versions.key[cycle[0]!]!;
    k.ordered = false;
    const writers = cycle.map((v) => versions.writer[v]!).filter((w) => w !== NO_WRITER);
    anomalies.push({
      type: 'cyclic-versions',
      txns: writers,
      key: k.key,
      explanation: `the versions ${cycle.map((v) => showValue(versions.value[v]!)).join(', ')} of ${showKey(k.key)} are ordered in a cycle by transactions that read one and then wrote the next`,
    });
  }
}

/** Whether `t` is a transaction that did not fail (the initial version has none). */
function live(txns: readonly Txn[], t: number): boolean {
  return t !== NO_WRITER && txns[t]!.type !== 'fail';
}

/** ww: from each version of an ordered key to the versions that directly follow it. */
function addWwEdges(txns: readonly Txn[], versions: Versions, { nv, succ }: VersionOrder, edges: EdgeList): void {
  const { key, writer } = versions;
  for (let u = 0; u < nv; u++) {
    if (!key[u]!.ordered || !live(txns, writer[u]!)) continue;
    for (const v of succ[u]!) if (live(txns, writer[v]!)) edges.add(writer[u]!, writer[v]!, WW);
  }
}

/** wr: from the writer of the version each read observed; rw: from the reader to the writers of the versions that follow it. */
function addWrRwEdges(txns: readonly Txn[], versions: Versions, reads: Reads, { succ }: VersionOrder, edges: EdgeList): void {
  const { key, writer } = versions;
  for (let r = 0; r < reads.txn.length; r++) {
    const t = reads.txn[r]!;
    const u = reads.version[r]!;
    if (!key[u]!.ordered) continue;
    const w = writer[u]!;
    if (w !== NO_WRITER) edges.add(w, t, WR);
    for (const v of succ[u]!) if (live(txns, writer[v]!)) edges.add(t, writer[v]!, RW);
  }
}

function explainRwRegisterEdge(txns: readonly Txn[], versions: Versions, reads: Reads, { nv, succ, reason }: VersionOrder, from: number, to: number, rel: 'ww' | 'wr' | 'rw'): string {
  const { key: versionKey, value: versionValue, writer: versionWriter } = versions;
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
    for (let r = 0; r < reads.txn.length; r++) {
      if (reads.txn[r] !== reader) continue;
      const u = reads.version[r]!;
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
