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

export function analyseListAppend(txns: readonly Txn[], edges: EdgeList): WorkloadAnalysis {
  const anomalies: Anomaly[] = [];
  const keys = new Map<Key, KeyState>();
  const elementWriter: number[] = [];
  const elementValue: Value[] = [];
  const elementKey: KeyState[] = [];
  const elementIntermediate: boolean[] = [];
  const keyOf = (key: Key): KeyState => {
    let k = keys.get(key);
    if (k === undefined) {
      k = { key, elements: new Map(), longest: [], longestIds: [], longestBy: -1, longestRepeats: false, incompatible: false };
      keys.set(key, k);
    }
    return k;
  };

  // Who appended what.
  for (let t = 0; t < txns.length; t++) {
    const ops = txns[t]!.ops;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j]!;
      if (op.f !== 'append') continue;
      const k = keyOf(op.key);
      const prior = k.elements.get(op.value);
      if (prior !== undefined) {
        throw new InputError(
          `${txns[t]!.where ?? txnName(txns[t]!)}: appends ${showValue(op.value)} to ${showKey(op.key)}, which ${txnName(txns[elementWriter[prior]!]!)} also appends (values must be unique per key)`,
        );
      }
      let intermediate = false;
      for (let i = j + 1; i < ops.length; i++) {
        const later = ops[i]!;
        if (later.f === 'append' && later.key === op.key) intermediate = true;
      }
      k.elements.set(op.value, elementWriter.length);
      elementWriter.push(t);
      elementValue.push(op.value);
      elementKey.push(k);
      elementIntermediate.push(intermediate);
    }
  }

  // Reads of committed transactions: element checks, internal consistency, the longest read.
  // A read usually repeats a prefix of the longest read so far: those elements' ids are known
  // without a lookup.
  const readTxn: number[] = [];
  const readKey: KeyState[] = [];
  const readList: (readonly Value[])[] = [];
  const readExternal: boolean[] = [];
  const stamp = new Int32Array(elementWriter.length).fill(-1);
  const failed = Uint8Array.from(elementWriter, (w) => (txns[w]!.type === 'fail' ? 1 : 0));
  const ids: number[] = [];
  let readNo = 0;
  for (let t = 0; t < txns.length; t++) {
    const txn = txns[t]!;
    if (txn.type !== 'ok') continue;
    const ops = txn.ops;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j]!;
      if (op.f !== 'r') continue;
      const list = (op.value ?? []) as readonly Value[];
      const k = keyOf(op.key);
      const external = internalCheck(txns, t, j, list, anomalies);
      readNo++;
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
          throw new InputError(`${txn.where ?? txnName(txn)}: reads ${showKey(op.key)} = ${showValue(list)}, but no transaction appends ${showValue(list[i]!)} to ${showKey(op.key)}`);
        }
        ids[i] = e;
        if (stamp[e] === readNo) {
          anomalies.push({
            type: 'duplicate-elements',
            txns: [t],
            key: op.key,
            explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(list)}, in which ${showValue(list[i]!)} appears more than once`,
          });
          repeats = true;
        }
        stamp[e] = readNo;
        if (failed[e] === 1) {
          const w = elementWriter[e]!;
          anomalies.push({
            type: 'G1a',
            txns: [t, w],
            key: op.key,
            explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(list)}, including ${showValue(list[i]!)}, appended by ${txnName(txns[w]!)}, which failed (aborted read)`,
          });
        } else if (external && elementWriter[e] === t) {
          anomalies.push({
            type: 'future-read',
            txns: [t],
            key: op.key,
            explanation: `${txnName(txn)} read ${showKey(op.key)} = ${showValue(list)} before appending ${showValue(list[i]!)} to it itself (a read of its own future write)`,
          });
        }
      }
      if (list.length > longest.length) {
        k.longest = list;
        k.longestIds = ids.slice();
        k.longestBy = t;
        k.longestRepeats = repeats;
      }
      readTxn.push(t);
      readKey.push(k);
      readList.push(list);
      readExternal.push(external);
    }
  }

  // Every read of a key must be a prefix of the longest one.
  for (let r = 0; r < readTxn.length; r++) {
    const k = readKey[r]!;
    const list = readList[r]!;
    let i = 0;
    while (i < list.length && list[i] === k.longest[i]) i++;
    if (i < list.length && !k.incompatible) {
      k.incompatible = true;
      anomalies.push({
        type: 'incompatible-order',
        txns: [readTxn[r]!, k.longestBy],
        key: k.key,
        explanation: `${txnName(txns[readTxn[r]!]!)} read ${showKey(k.key)} = ${showValue(list)} and ${txnName(txns[k.longestBy]!)} read ${showKey(k.key)} = ${showValue(k.longest)}: neither is a prefix of the other, so no single order of appends explains both`,
      });
    }
  }

  // Positions in each key's order; appends no read observed.
  const position = new Int32Array(elementWriter.length).fill(-1);
  const unorderedKeys: Key[] = [];
  const unobserved = new Map<KeyState, number[]>();
  for (const k of keys.values()) {
    // An order contradicted by another read is used (as Elle does), but it is not certain.
    if (k.longestRepeats || k.incompatible) unorderedKeys.push(k.key);
    if (k.longestRepeats) continue;
    k.longestIds.forEach((e, i) => (position[e] = i));
  }
  for (let e = 0; e < elementWriter.length; e++) {
    if (position[e] >= 0 || failed[e] === 1) continue;
    const k = elementKey[e]!;
    if (k.longestRepeats) continue;
    let list = unobserved.get(k);
    if (list === undefined) unobserved.set(k, (list = []));
    list.push(e);
  }

  // ww edges along each key's order, then to the unobserved appends; dirty updates.
  for (const k of keys.values()) {
    if (k.longestRepeats) continue;
    const ids = k.longestIds;
    for (let i = 0; i + 1 < ids.length; i++) {
      const a = elementWriter[ids[i]!]!;
      const b = elementWriter[ids[i + 1]!]!;
      const aFailed = failed[ids[i]!] === 1;
      const bFailed = failed[ids[i + 1]!] === 1;
      if (aFailed && !bFailed) {
        anomalies.push({
          type: 'dirty-update',
          txns: [a, b],
          key: k.key,
          explanation: `in ${showKey(k.key)}'s order ${showValue(k.longest)} (read by ${txnName(txns[k.longestBy]!)}), ${showValue(k.longest[i]!)} was appended by ${txnName(txns[a]!)}, which failed, and ${showValue(k.longest[i + 1]!)} after it by ${txnName(txns[b]!)}, which did not`,
        });
      }
      if (!aFailed && !bFailed) edges.add(a, b, WW);
    }
    const last = ids[ids.length - 1];
    if (last !== undefined && failed[last] === 0) for (const e of unobserved.get(k) ?? []) edges.add(elementWriter[last]!, elementWriter[e]!, WW);
  }

  // wr and rw edges from external reads; intermediate reads; lost updates.
  const INIT = -1;
  const readVersions = new Map<KeyState, Map<number, number>>();
  for (let r = 0; r < readTxn.length; r++) {
    if (!readExternal[r]) continue;
    const t = readTxn[r]!;
    const k = readKey[r]!;
    if (k.longestRepeats) continue;
    const list = readList[r]!;
    const e = list.length === 0 ? INIT : k.elements.get(list[list.length - 1]!)!;
    if (e !== INIT) {
      const w = elementWriter[e]!;
      if (w !== t && failed[e] === 0) {
        edges.add(w, t, WR);
        if (elementIntermediate[e]) {
          anomalies.push({
            type: 'G1b',
            txns: [t, w],
            key: k.key,
            explanation: `${txnName(txns[t]!)} read ${showKey(k.key)} = ${showValue(list)}, ending in ${showValue(elementValue[e])}, which ${txnName(txns[w]!)} appended before appending to ${showKey(k.key)} again (intermediate read)`,
          });
        }
      }
    }
    const at = e === INIT ? -1 : position[e]!;
    if (e === INIT || at >= 0) {
      if (at + 1 < k.longestIds.length) {
        const next = k.longestIds[at + 1]!;
        if (elementWriter[next] !== t && failed[next] === 0) edges.add(t, elementWriter[next]!, RW);
      } else {
        for (const u of unobserved.get(k) ?? []) if (elementWriter[u] !== t) edges.add(t, elementWriter[u]!, RW);
      }
    }
    if (appendsTo(txns[t]!.ops, k.key)) {
      let byVersion = readVersions.get(k);
      if (byVersion === undefined) readVersions.set(k, (byVersion = new Map()));
      const other = byVersion.get(e);
      if (other === undefined) byVersion.set(e, t);
      else {
        anomalies.push({
          type: 'lost-update',
          txns: [other, t],
          key: k.key,
          explanation: `${txnName(txns[other]!)} and ${txnName(txns[t]!)} both read ${showKey(k.key)} = ${showValue(list)} and both appended to ${showKey(k.key)}: one of the updates was made without seeing the other`,
        });
      }
    }
  }

  return {
    anomalies,
    unorderedKeys,
    explain: (from, to, rel) => explainListAppendEdge(txns, keys, elementWriter, position, unobserved, from, to, rel),
  };
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

function explainListAppendEdge(
  txns: readonly Txn[],
  keys: ReadonlyMap<Key, KeyState>,
  elementWriter: readonly number[],
  position: Int32Array,
  unobserved: ReadonlyMap<KeyState, readonly number[]>,
  from: number,
  to: number,
  rel: 'ww' | 'wr' | 'rw',
): string {
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
