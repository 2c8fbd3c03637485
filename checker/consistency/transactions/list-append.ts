// The list-append workload: version orders, non-cycle anomalies and dependency edges.
//
// Every appended value is unique per key, so each read of a key reveals the order of the appends
// it includes. All reads of a key must be prefixes of one order (otherwise incompatible-order);
// the longest read is taken as the key's version order, and a read stands for the version ending
// in its last element. Appends no read observed (by transactions that did not fail) came after
// the last observed one, in an unknown order among themselves. From that:
//   ww  T1 → T2  when T2's append directly follows T1's in the order (or T2's append was never
//                observed and T1's is the last observed);
//   wr  T1 → T2  when T2 read the key and the last element it saw was appended by T1;
//   rw  T1 → T2  when T1 read the key and T2 appended the element that follows what T1 saw (or
//                T1 saw the last observed version, and T2's append was never observed).
// Only a transaction's external reads (those before its own appends to the key) give wr and rw
// edges; reads after its own appends are checked against them instead (internal).

import { InputError } from '../../errors.ts';
import type { Anomaly, WorkloadAnalysis } from './anomaly.ts';
import { RW, WR, WW, type EdgeList } from './graph.ts';
import { LostUpdates } from './lost-updates.ts';
import { forEachCommittedRead, forEachWrite, valueNotUnique } from './micro-op-scan.ts';
import { showKey, showValue, txnName, type Key, type MicroOp, type Txn, type Value } from './txn.ts';

interface KeyState {
  readonly key: Key;
  /** Element id of each appended value. */
  readonly elements: Map<Value, number>;
  /** The longest read: its values and element ids. */
  longest: readonly Value[];
  longestIds: number[];
  longestBy: number;
  /** Whether the longest read repeats an element: then positions in it mean nothing. */
  longestRepeats: boolean;
  /** Whether an incompatible-order anomaly was reported for the key. */
  incompatible: boolean;
}

/** Every append, numbered in history order (its element id). */
interface Elements {
  readonly keys: Map<Key, KeyState>;
  readonly writer: number[];
  readonly value: Value[];
  readonly key: KeyState[];
  /** Whether the writer appended to the same key again afterwards. */
  readonly intermediate: boolean[];
  /** 1 where the writer failed: the append did not happen. */
  readonly failed: Uint8Array;
}

/** The reads of committed transactions, in history order. */
interface Reads {
  readonly txn: number[];
  readonly key: KeyState[];
  readonly list: (readonly Value[])[];
  /** Whether the read came before the transaction's own appends to the key. */
  readonly external: boolean[];
  /** The element the read ends in (the version it observed), INIT for an empty list. */
  readonly last: number[];
}

/** The empty list: the version before any append. */
const INIT = -1;

/** What the reads reveal of each key's order of appends. */
interface VersionOrders {
  /** Each element's position in its key's order; -1 when no read observed it. */
  readonly position: Int32Array;
  /** Per key, the appends no read observed (by transactions that did not fail). */
  readonly unobserved: Map<KeyState, number[]>;
  /** Keys whose order is uncertain: the longest read repeats an element, or another read contradicts it. */
  readonly unorderedKeys: Key[];
}

/** Infers each key's order of appends, reports the anomalies that need no cycle, and adds the ww, wr and rw edges. */
export function analyseListAppend(txns: readonly Txn[], edges: EdgeList): WorkloadAnalysis {
  const anomalies: Anomaly[] = [];
  const elements = indexAppends(txns);
  const reads = readCommitted(txns, elements, anomalies);
  reportIncompatibleOrders(txns, reads, anomalies);
  const orders = versionOrders(elements);
  reportDirtyUpdates(txns, elements, anomalies);
  addWwEdges(elements, orders, edges);
  addWrRwEdges(elements, reads, orders, edges);
  reportIntermediateReadsAndLostUpdates(txns, elements, reads, anomalies);
  return {
    anomalies,
    unorderedKeys: orders.unorderedKeys,
    explain: (from, to, rel) => explainListAppendEdge(txns, elements, orders, from, to, rel),
  };
}

function keyState(keys: Map<Key, KeyState>, key: Key): KeyState {
  let k = keys.get(key);
  if (k === undefined) {
    k = { key, elements: new Map(), longest: [], longestIds: [], longestBy: -1, longestRepeats: false, incompatible: false };
    keys.set(key, k);
  }
  return k;
}

/** Who appended what; a value appended twice to a key is bad input. */
function indexAppends(txns: readonly Txn[]): Elements {
  const keys = new Map<Key, KeyState>();
  const writer: number[] = [];
  const value: Value[] = [];
  const key: KeyState[] = [];
  const intermediate: boolean[] = [];
  forEachWrite(txns, 'append', (t, op, overwritten) => {
    const k = keyState(keys, op.key);
    const prior = k.elements.get(op.value);
    if (prior !== undefined) throw valueNotUnique(txns[t]!, `appends ${showValue(op.value)} to ${showKey(op.key)}`, txns[writer[prior]!]!, 'appends');
    k.elements.set(op.value, writer.length);
    writer.push(t);
    value.push(op.value);
    key.push(k);
    intermediate.push(overwritten);
  });
  const failed = Uint8Array.from(writer, (w) => (txns[w]!.type === 'fail' ? 1 : 0));
  return { keys, writer, value, key, intermediate, failed };
}

/**
 * The reads of committed transactions: each checked against the transaction's own earlier
 * micro-ops (internal) and element by element; the longest read of each key kept as its order.
 */
function readCommitted(txns: readonly Txn[], elements: Elements, anomalies: Anomaly[]): Reads {
  const reads: Reads = { txn: [], key: [], list: [], external: [], last: [] };
  const scratch: ReadScratch = { ids: [], stamp: new Int32Array(elements.writer.length).fill(-1), readNo: 0 };
  forEachCommittedRead(txns, (t, j, op) => {
    const list = (op.value ?? []) as readonly Value[];
    const k = keyState(elements.keys, op.key);
    const external = internalCheck(txns, t, j, list, anomalies);
    const repeats = checkElements(txns, elements, t, k, list, external, scratch, anomalies);
    const ids = scratch.ids;
    if (list.length > k.longest.length) {
      k.longest = list;
      k.longestIds = ids.slice();
      k.longestBy = t;
      k.longestRepeats = repeats;
    }
    reads.txn.push(t);
    reads.key.push(k);
    reads.list.push(list);
    reads.external.push(external);
    reads.last.push(list.length === 0 ? INIT : ids[list.length - 1]!);
  });
  return reads;
}

/** Reused across reads: the current read's element ids, and which elements it has shown (stamped with its number). */
interface ReadScratch {
  readonly ids: number[];
  readonly stamp: Int32Array;
  readNo: number;
}

/**
 * Finds the element ids of `list`, read by committed transaction t from key k, into scratch.ids;
 * reports duplicate elements, elements appended by failed transactions (aborted read, G1a) and,
 * for an external read, elements t appends itself later (future read). Returns whether an
 * element repeats.
 */
function checkElements(txns: readonly Txn[], elements: Elements, t: number, k: KeyState, list: readonly Value[], external: boolean, scratch: ReadScratch, anomalies: Anomaly[]): boolean {
  const txn = txns[t]!;
  const { ids, stamp } = scratch;
  const readNo = ++scratch.readNo;
  // A read usually repeats a prefix of the longest read so far: those elements' ids are known
  // without a lookup.
  const longest = k.longest;
  const known = k.longestIds;
  let same = 0;
  const max = Math.min(list.length, longest.length);
  while (same < max && list[same] === longest[same]) same++;
  ids.length = list.length;
  let repeats = false;
  for (let i = 0; i < list.length; i++) {
    const e = i < same ? known[i] : k.elements.get(list[i]!);
    if (e === undefined) {
      throw new InputError(`${txn.where ?? txnName(txn)}: reads ${showKey(k.key)} = ${showValue(list)}, but no transaction appends ${showValue(list[i]!)} to ${showKey(k.key)}`);
    }
    ids[i] = e;
    if (stamp[e] === readNo) {
      anomalies.push({
        type: 'duplicate-elements',
        txns: [t],
        key: k.key,
        explanation: `${txnName(txn)} read ${showKey(k.key)} = ${showValue(list)}, in which ${showValue(list[i]!)} appears more than once`,
      });
      repeats = true;
    }
    stamp[e] = readNo;
    if (elements.failed[e] === 1) {
      const w = elements.writer[e]!;
      anomalies.push({
        type: 'G1a',
        txns: [t, w],
        key: k.key,
        explanation: `${txnName(txn)} read ${showKey(k.key)} = ${showValue(list)}, including ${showValue(list[i]!)}, appended by ${txnName(txns[w]!)}, which failed (aborted read)`,
      });
    } else if (external && elements.writer[e] === t) {
      anomalies.push({
        type: 'future-read',
        txns: [t],
        key: k.key,
        explanation: `${txnName(txn)} read ${showKey(k.key)} = ${showValue(list)} before appending ${showValue(list[i]!)} to it itself (a read of its own future write)`,
      });
    }
  }
  return repeats;
}

/** Every read of a key must be a prefix of the longest one; one incompatible-order a key. */
function reportIncompatibleOrders(txns: readonly Txn[], reads: Reads, anomalies: Anomaly[]): void {
  for (let r = 0; r < reads.txn.length; r++) {
    const k = reads.key[r]!;
    const list = reads.list[r]!;
    let i = 0;
    while (i < list.length && list[i] === k.longest[i]) i++;
    if (i < list.length && !k.incompatible) {
      k.incompatible = true;
      anomalies.push({
        type: 'incompatible-order',
        txns: [reads.txn[r]!, k.longestBy],
        key: k.key,
        explanation: `${txnName(txns[reads.txn[r]!]!)} read ${showKey(k.key)} = ${showValue(list)} and ${txnName(txns[k.longestBy]!)} read ${showKey(k.key)} = ${showValue(k.longest)}: neither is a prefix of the other, so no single order of appends explains both`,
      });
    }
  }
}

/** Positions in each key's order (its longest read); the appends no read observed. */
function versionOrders(elements: Elements): VersionOrders {
  const position = new Int32Array(elements.writer.length).fill(-1);
  const unorderedKeys: Key[] = [];
  const unobserved = new Map<KeyState, number[]>();
  for (const k of elements.keys.values()) {
    // An order contradicted by another read is used (as Elle does), but it is not certain.
    if (k.longestRepeats || k.incompatible) unorderedKeys.push(k.key);
    if (k.longestRepeats) continue;
    k.longestIds.forEach((e, i) => (position[e] = i));
  }
  for (let e = 0; e < elements.writer.length; e++) {
    if (position[e] >= 0 || elements.failed[e] === 1) continue;
    const k = elements.key[e]!;
    if (k.longestRepeats) continue;
    let list = unobserved.get(k);
    if (list === undefined) unobserved.set(k, (list = []));
    list.push(e);
  }
  return { position, unobserved, unorderedKeys };
}

/** A committed append right after a failed one in a key's order: it was made on an aborted state. */
function reportDirtyUpdates(txns: readonly Txn[], elements: Elements, anomalies: Anomaly[]): void {
  for (const k of elements.keys.values()) {
    if (k.longestRepeats) continue;
    const ids = k.longestIds;
    for (let i = 0; i + 1 < ids.length; i++) {
      if (elements.failed[ids[i]!] !== 1 || elements.failed[ids[i + 1]!] === 1) continue;
      const a = elements.writer[ids[i]!]!;
      const b = elements.writer[ids[i + 1]!]!;
      anomalies.push({
        type: 'dirty-update',
        txns: [a, b],
        key: k.key,
        explanation: `in ${showKey(k.key)}'s order ${showValue(k.longest)} (read by ${txnName(txns[k.longestBy]!)}), ${showValue(k.longest[i]!)} was appended by ${txnName(txns[a]!)}, which failed, and ${showValue(k.longest[i + 1]!)} after it by ${txnName(txns[b]!)}, which did not`,
      });
    }
  }
}

/** ww: along each key's order between appends that did not fail, then from its last element to the unobserved appends. */
function addWwEdges(elements: Elements, orders: VersionOrders, edges: EdgeList): void {
  const { writer, failed } = elements;
  for (const k of elements.keys.values()) {
    if (k.longestRepeats) continue;
    const ids = k.longestIds;
    for (let i = 0; i + 1 < ids.length; i++) {
      if (failed[ids[i]!] === 0 && failed[ids[i + 1]!] === 0) edges.add(writer[ids[i]!]!, writer[ids[i + 1]!]!, WW);
    }
    const last = ids[ids.length - 1];
    if (last !== undefined && failed[last] === 0) for (const e of orders.unobserved.get(k) ?? []) edges.add(writer[last]!, writer[e]!, WW);
  }
}

/**
 * From each external read: wr from the appender of the element it ends in; rw to the appender of
 * the next element in the order (or, when it saw the last observed version, to the unobserved
 * appends).
 */
function addWrRwEdges(elements: Elements, reads: Reads, orders: VersionOrders, edges: EdgeList): void {
  const { writer, failed } = elements;
  for (let r = 0; r < reads.txn.length; r++) {
    const k = reads.key[r]!;
    if (!reads.external[r] || k.longestRepeats) continue;
    const t = reads.txn[r]!;
    const e = reads.last[r]!;
    if (e !== INIT && writer[e] !== t && failed[e] === 0) edges.add(writer[e]!, t, WR);
    const at = e === INIT ? -1 : orders.position[e]!;
    if (e !== INIT && at < 0) continue;
    if (at + 1 < k.longestIds.length) {
      const next = k.longestIds[at + 1]!;
      if (writer[next] !== t && failed[next] === 0) edges.add(t, writer[next]!, RW);
    } else {
      for (const u of orders.unobserved.get(k) ?? []) if (writer[u] !== t) edges.add(t, writer[u]!, RW);
    }
  }
}

/**
 * What an external read observed, against what its transaction did: a read ending in an element
 * its appender later followed with another append to the key (intermediate read, G1b); two
 * transactions that read the same version of a key and both appended to it (lost update).
 */
function reportIntermediateReadsAndLostUpdates(txns: readonly Txn[], elements: Elements, reads: Reads, anomalies: Anomaly[]): void {
  const lostUpdates = new LostUpdates(txns);
  for (let r = 0; r < reads.txn.length; r++) {
    const k = reads.key[r]!;
    if (!reads.external[r] || k.longestRepeats) continue;
    const t = reads.txn[r]!;
    const list = reads.list[r]!;
    const e = reads.last[r]!;
    if (e !== INIT) {
      const w = elements.writer[e]!;
      if (w !== t && elements.failed[e] === 0 && elements.intermediate[e]) {
        anomalies.push({
          type: 'G1b',
          txns: [t, w],
          key: k.key,
          explanation: `${txnName(txns[t]!)} read ${showKey(k.key)} = ${showValue(list)}, ending in ${showValue(elements.value[e])}, which ${txnName(txns[w]!)} appended before appending to ${showKey(k.key)} again (intermediate read)`,
        });
      }
    }
    if (!appendsTo(txns[t]!.ops, k.key)) continue;
    const lost = lostUpdates.readThenWrote(t, k.key, e, () => showValue(list), `appended to ${showKey(k.key)}`);
    if (lost !== undefined) anomalies.push(lost);
  }
}

function appendsTo(ops: readonly MicroOp[], key: Key): boolean {
  for (const op of ops) if (op.f === 'append' && op.key === key) return true;
  return false;
}

/**
 * Checks the read at ops[j] of transaction t against the transaction's own earlier micro-ops on
 * the same key; reports `internal` on a mismatch. Returns whether the read is external (no
 * earlier micro-op of the transaction touches the key).
 */
function internalCheck(txns: readonly Txn[], t: number, j: number, list: readonly Value[], anomalies: Anomaly[]): boolean {
  const ops = txns[t]!.ops;
  const key = ops[j]!.key;
  let lastRead = -1;
  let touched = false;
  for (let i = 0; i < j; i++) {
    const op = ops[i]!;
    if (op.key !== key) continue;
    touched = true;
    if (op.f === 'r') lastRead = i;
  }
  if (!touched) return true;
  const appended: Value[] = [];
  for (let i = lastRead + 1; i < j; i++) {
    const op = ops[i]!;
    if (op.f === 'append' && op.key === key) appended.push(op.value);
  }
  let expected: readonly Value[];
  let ok: boolean;
  if (lastRead >= 0) {
    expected = [...((ops[lastRead]!.value ?? []) as readonly Value[]), ...appended];
    ok = expected.length === list.length && expected.every((v, i) => v === list[i]);
  } else {
    expected = appended;
    ok = list.length >= appended.length && appended.every((v, i) => v === list[list.length - appended.length + i]);
  }
  if (!ok) {
    const what = lastRead >= 0 ? `expected ${showValue(expected)}` : `expected it to end with ${showValue(expected)}`;
    anomalies.push({
      type: 'internal',
      txns: [t],
      key,
      explanation: `${txnName(txns[t]!)} read ${showKey(key)} = ${showValue(list)} after its own earlier ${lastRead >= 0 ? 'read and appends' : 'appends'} to ${showKey(key)}: ${what}`,
    });
  }
  return false;
}

/** The first read of `key` in `ops`, if it comes before any append to it. */
function externalRead(ops: readonly MicroOp[], key: Key): readonly Value[] | undefined {
  for (const op of ops) {
    if (op.key !== key) continue;
    return op.f === 'r' ? ((op.value ?? []) as readonly Value[]) : undefined;
  }
  return undefined;
}

function shortList(list: readonly Value[], upTo: number): string {
  const shown = list.slice(0, upTo);
  return shown.length > 6 ? `[… ${shown.slice(-4).map((v) => showValue(v)).join(' ')}]` : showValue(shown);
}

function explainListAppendEdge(txns: readonly Txn[], elements: Elements, orders: VersionOrders, from: number, to: number, rel: 'ww' | 'wr' | 'rw'): string {
  const { keys, writer: elementWriter } = elements;
  const { position, unobserved } = orders;
  const a = txnName(txns[from]!);
  const b = txnName(txns[to]!);
  /** `to`'s append to k that no read observed, if any. */
  const unobservedBy = (k: KeyState): Value | undefined => {
    for (const op of txns[to]!.ops) {
      if (op.f === 'append' && op.key === k.key && (unobserved.get(k) ?? []).includes(k.elements.get(op.value)!)) return op.value;
    }
    return undefined;
  };
  if (rel === 'ww') {
    for (const op of txns[from]!.ops) {
      if (op.f !== 'append') continue;
      const k = keys.get(op.key)!;
      const p = position[k.elements.get(op.value)!]!;
      if (p < 0) continue;
      if (p + 1 < k.longestIds.length) {
        if (elementWriter[k.longestIds[p + 1]!] !== to) continue;
        return `${a} appended ${showValue(op.value)} to ${showKey(op.key)} and ${b} appended ${showValue(k.longest[p + 1]!)} right after it (${txnName(txns[k.longestBy]!)} read ${showKey(op.key)} = ${shortList(k.longest, p + 2)})`;
      }
      const later = unobservedBy(k);
      if (later !== undefined) {
        return `${a} appended ${showValue(op.value)} to ${showKey(op.key)}, the last element any read of it observed, and ${b}'s append of ${showValue(later)}, which no read observed, came after it`;
      }
    }
  } else if (rel === 'wr') {
    for (const [key, k] of keys) {
      const list = externalRead(txns[to]!.ops, key);
      if (list === undefined || list.length === 0) continue;
      const last = list[list.length - 1]!;
      if (elementWriter[k.elements.get(last)!] !== from) continue;
      return `${b} read ${showKey(key)} = ${shortList(list, list.length)}, whose last element ${showValue(last)} was appended by ${a}`;
    }
  } else {
    for (const [key, k] of keys) {
      const list = externalRead(txns[from]!.ops, key);
      if (list === undefined) continue;
      const at = list.length === 0 ? -1 : position[k.elements.get(list[list.length - 1]!)!]!;
      if (list.length > 0 && at < 0) continue;
      if (at + 1 < k.longestIds.length) {
        if (elementWriter[k.longestIds[at + 1]!] !== to) continue;
        return `${a} read ${showKey(key)} = ${shortList(list, list.length)}, which does not include ${showValue(k.longest[at + 1]!)}, appended by ${b} as the next element`;
      }
      const later = unobservedBy(k);
      if (later !== undefined) {
        return `${a} read ${showKey(key)} = ${shortList(list, list.length)}, the last version any read observed, so it does not include ${showValue(later)}, appended by ${b} and never observed`;
      }
    }
  }
  return `${a} ${rel}→ ${b}`;
}
