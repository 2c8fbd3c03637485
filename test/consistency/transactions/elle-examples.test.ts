// Elle's own list-append examples (its test suite's histories) and the verdicts Elle gives them.
// Elle names item-level cycles `G-single-item`, `G-nonadjacent-item`; here they are `G-single`,
// `G-nonadjacent` (every anti-dependency in these workloads is on an item).
//
// Elle writes micro-ops compactly: "ax1ry1" is [append x 1] [r x [1]]; "ry" is a read of nil.

import { describe, expect, it } from 'vitest';
import { checkTransactions } from '../../../checker/consistency/transactions/check.ts';
import type { TxnEvent } from '../../../checker/consistency/transactions/history-events.ts';
import type { ConsistencyModel } from '../../../checker/consistency/transactions/models.ts';
import type { MicroOp } from '../../../checker/consistency/transactions/txn.ts';
import { appendHistory, registerHistory } from './histories.ts';

/** Elle's shorthand: a sequence of `a<key><value>` and `r<key><values…>`, one-character keys and values. */
function ops(text: string): MicroOp[] {
  const out: MicroOp[] = [];
  for (const m of text.matchAll(/([ar])([a-z])(\d*)/g)) {
    const [, f, key, digits] = m as unknown as [string, string, string, string];
    if (f === 'a') out.push({ f: 'append', key, value: Number(digits) });
    else out.push({ f: 'r', key, value: digits === '' ? null : [...digits].map(Number) });
  }
  return out;
}
const ok = (text: string, process = 0): TxnEvent => ({ type: 'ok', process, ops: ops(text), where: 'elle' });
const fail = (text: string, process = 0): TxnEvent => ({ type: 'fail', process, ops: ops(text), where: 'elle' });
/** An invocation and its completion, in that order. */
const pair = (text: string, process = 0): TxnEvent[] => [
  { type: 'invoke', process, ops: ops(text).map((op) => (op.f === 'r' ? { ...op, value: null } : op)), where: 'elle' },
  ok(text, process),
];

const judge = (events: TxnEvent[], models: ConsistencyModel[]) => checkTransactions(appendHistory(...events), { models });

describe('Elle’s list-append examples', () => {
  it('G1a: a read of a failed append rules out read committed; read uncommitted is unknown (no dependencies)', () => {
    const r = judge([fail('ax1'), ok('rx1')], ['read-uncommitted', 'read-committed', 'repeatable-read']);
    expect(r.anomalyTypes).toEqual(['G1a']);
    expect(r.models.map((m) => m.result)).toEqual(['unknown', 'invalid', 'invalid']);
  });
  it('G1b: reading the first of two appends is also a G-single (the read misses the second)', () => {
    const r = judge([...pair('ax1ax2'), ...pair('rx1', 1)], ['strict-serializable']);
    expect(r.anomalyTypes).toEqual(['G-single', 'G1b']);
  });
  it('G1c: T1 reads T2’s append to y, and T2 appends to x after T1', () => {
    const r = judge([ok('ax1ry1'), ok('ax2ay1'), ok('rx12ry1')], ['read-committed', 'serializable']);
    expect(r.anomalyTypes).toEqual(['G1c']);
    expect(r.anomalies[0]!.steps!.map((s) => s.rel).sort()).toEqual(['wr', 'ww']);
  });
  it('G-single: T2 appends to x after T1 but did not see T1’s append to y', () => {
    const r = judge([ok('ax1ay1'), ok('ax2ry'), ok('rx12')], ['read-committed', 'repeatable-read', 'serializable']);
    expect(r.anomalyTypes).toEqual(['G-single']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid', 'invalid']);
  });
  it('G2: a pure anti-dependency cycle, though no read ever shows the appends', () => {
    const r = judge([ok('ax1ry'), ok('ay1rx')], ['read-committed', 'repeatable-read', 'serializable']);
    expect(r.anomalyTypes).toEqual(['G2-item']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid', 'invalid']);
    expect(r.anomalies[0]!.steps!.map((s) => s.evidence)).toContain(
      'T0 read y = [], the last version any read observed, so it does not include 1, appended by T1 and never observed',
    );
  });
  it('strong SI violation: a read invoked after an append completed misses it (serializable, not strict)', () => {
    const r = judge([...pair('ax1', 0), ...pair('ax2', 1), ...pair('rx1', 2), ...pair('rx12', 3)], ['serializable', 'strong-snapshot-isolation', 'strict-serializable']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid', 'invalid']);
    expect(r.anomalyTypes).toEqual(['G-single-realtime']);
  });
  it('strong session SI violation: a process misses its own earlier append', () => {
    const r = judge([...pair('ax1', 0), ...pair('ax2', 1), ...pair('rx1', 1), ...pair('rx12', 2)], ['serializable', 'strong-session-snapshot-isolation']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid']);
    expect(r.anomalyTypes).toEqual(['G-single-process']);
  });
  it('G-nonadjacent-process: process order and two nonadjacent anti-dependencies', () => {
    const r = judge([...pair('rxrz1', 0), ...pair('ax1', 1), ...pair('rz', 1), ...pair('az1', 2)], ['serializable', 'strong-session-snapshot-isolation']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid']);
    expect(r.anomalyTypes).toEqual(['G-nonadjacent-process']);
    expect(r.anomalies[0]!.steps!.map((s) => s.rel).sort()).toEqual(['process', 'rw', 'rw', 'wr']);
  });
  it('contradictory read orders: incompatible-order, and a G1c through the longest order', () => {
    const r = judge([ok('ax1ry1'), ok('ax2'), ok('ax3ay1'), ok('rx13'), ok('rx123')], ['read-committed']);
    expect(r.anomalyTypes).toEqual(['G1c', 'incompatible-order']);
  });
});

describe('Elle’s rw-register examples', () => {
  /** "wx1" is [w x 1]; "rx1" is [r x 1]; "rx" is a read of nil. */
  function registerOps(text: string): MicroOp[] {
    return [...text.matchAll(/([rw])([a-z])(\d*)/g)].map((m) => {
      const [, f, key, digits] = m as unknown as [string, string, string, string];
      return f === 'w' ? { f: 'w', key, value: Number(digits) } : { f: 'r', key, value: digits === '' ? null : Number(digits) };
    });
  }
  const reg = (type: 'ok' | 'fail', text: string, process = 0): TxnEvent => ({ type, process, ops: registerOps(text), where: 'elle' });
  const check = (events: TxnEvent[], models: ConsistencyModel[]) => checkTransactions(registerHistory(...events), { models });

  it('two transactions writing two keys in opposite orders, never read: unknown (no dependency observed)', () => {
    const r = check([reg('ok', 'wx1wy2'), reg('ok', 'wx2wy1', 1)], ['read-uncommitted', 'serializable']);
    expect(r.anomalyTypes).toEqual([]);
    expect(r.models.map((m) => m.result)).toEqual(['unknown', 'unknown']);
  });
  it('G1a: a read of a failed write', () => {
    const r = check([reg('ok', 'rx1'), reg('fail', 'wx1', 1)], ['read-committed']);
    expect(r.anomalyTypes).toEqual(['G1a']);
    expect(r.result).toBe('invalid');
  });
  it('G1b: a read of an overwritten intermediate write gives no dependency', () => {
    const r = check([reg('ok', 'wx1wx2'), reg('ok', 'rx1', 1)], ['read-committed', 'serializable']);
    expect(r.anomalyTypes).toEqual(['G1b']);
    expect(r.dependencies).toBe(0);
  });
});
