// Each anomaly type with its smallest example, and the nearest valid history beside it.

import { describe, expect, it } from 'vitest';
import { checkTransactions, type TxnCheckResult } from '../../../checker/consistency/transactions/check.ts';
import { MODELS, type ConsistencyModel } from '../../../checker/consistency/transactions/models.ts';
import type { TxnHistory } from '../../../checker/consistency/transactions/txn.ts';
import { appendHistory, fail, info, invoke, ok, registerHistory } from './histories.ts';

const check = (h: TxnHistory, models: readonly ConsistencyModel[] = MODELS): TxnCheckResult => checkTransactions(h, { models });
// Completions-only histories put every transaction at its own point in real time; judging under
// serializable keeps the examples free of real-time cycles.
const types = (h: TxnHistory): readonly string[] => check(h, ['serializable']).anomalyTypes;
const verdict = (r: TxnCheckResult, m: ConsistencyModel): string => r.models.find((v) => v.model === m)!.result;

describe('list-append anomalies', () => {
  it('G0: two transactions whose appends interleave in opposite orders on two keys (write cycle)', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1], ['append', 'y', 2]), ok(1, ['append', 'x', 2], ['append', 'y', 1]), ok(2, ['r', 'x', [1, 2]], ['r', 'y', [1, 2]]));
    expect(types(h)).toEqual(['G0']);
    const r = check(h, ['read-uncommitted']);
    expect(r.result).toBe('invalid');
    const g0 = r.anomalies[0]!;
    expect(g0.steps!.map((s) => s.rel)).toEqual(['ww', 'ww']);
    expect(g0.steps!.map((s) => s.evidence).join('\n')).toContain('T0 appended 1 to x and T1 appended 2 right after it');
  });
  it('no G0 when both keys see the appends in the same order', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1], ['append', 'y', 2]), ok(1, ['append', 'x', 2], ['append', 'y', 1]), ok(2, ['r', 'x', [1, 2]], ['r', 'y', [2, 1]]));
    expect(types(h)).toEqual([]);
    expect(check(h).result).toBe('valid');
  });

  it('G1a: a committed read of an element appended by a failed transaction (aborted read)', () => {
    const h = appendHistory(fail(0, ['append', 'x', 1]), ok(1, ['r', 'x', [1]]));
    expect(types(h)).toEqual(['G1a']);
    const r = check(h, ['read-uncommitted', 'read-committed']);
    // Read uncommitted allows it, but no dependency between transactions was observed: unknown.
    expect(r.models.map((m) => m.result)).toEqual(['unknown', 'invalid']);
    expect(r.anomalies[0]!.explanation).toBe('T1 read x = [1], including 1, appended by T0, which failed (aborted read)');
  });
  it('no G1a when the appending transaction committed', () => {
    expect(types(appendHistory(ok(0, ['append', 'x', 1]), ok(1, ['r', 'x', [1]])))).toEqual([]);
  });
  it('no G1a when the appending transaction is indeterminate (info): it may have committed', () => {
    expect(check(appendHistory(info(0, ['append', 'x', 1]), ok(1, ['r', 'x', [1]]))).result).toBe('valid');
  });

  it('G1b: a read ending at an append its transaction followed with another (intermediate read)', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1], ['append', 'x', 2]), ok(1, ['r', 'x', [1]]));
    expect(types(h)).toContain('G1b');
    expect(verdict(check(h), 'read-committed')).toBe('invalid');
  });
  it('no G1b when the read includes the transaction’s final append', () => {
    expect(types(appendHistory(ok(0, ['append', 'x', 1], ['append', 'x', 2]), ok(1, ['r', 'x', [1, 2]])))).toEqual([]);
  });

  it('G1c: two transactions each reading the other’s append (circular information flow)', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1], ['r', 'y', [1]]), ok(1, ['append', 'y', 1], ['r', 'x', [1]]));
    expect(types(h)).toEqual(['G1c']);
    const r = check(h, ['read-uncommitted', 'read-committed']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid']);
    expect(r.anomalies[0]!.steps!.map((s) => s.rel)).toEqual(['wr', 'wr']);
  });
  it('no G1c when one of them read before the other’s append', () => {
    expect(check(appendHistory(ok(0, ['append', 'x', 1], ['r', 'y', []]), ok(1, ['append', 'y', 1], ['r', 'x', [1]]))).result).toBe('valid');
  });

  it('G-single: a read that sees one of a transaction’s appends but not the other (read skew)', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1], ['append', 'y', 1]), ok(1, ['r', 'x', [1]], ['r', 'y', []]), ok(2, ['r', 'y', [1]]));
    expect(types(h)).toEqual(['G-single']);
    const r = check(h, ['read-committed', 'repeatable-read', 'snapshot-isolation', 'serializable']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid', 'invalid', 'invalid']);
    const steps = r.anomalies[0]!.steps!;
    expect(steps.map((s) => `${s.rel}: ${s.evidence}`)).toEqual([
      'rw: T1 read y = [], which does not include 1, appended by T0 as the next element',
      'wr: T1 read x = [1], whose last element 1 was appended by T0',
    ]);
    expect(r.anomalies[0]!.minimal).toBe(true);
  });
  it('no G-single when the read sees both appends', () => {
    expect(types(appendHistory(ok(0, ['append', 'x', 1], ['append', 'y', 1]), ok(1, ['r', 'x', [1]], ['r', 'y', [1]]), ok(2, ['r', 'y', [1]])))).toEqual([]);
  });

  it('G-nonadjacent: two readers that see two independent appends in opposite orders (long fork)', () => {
    const h = appendHistory(ok(0, ['r', 'x', []], ['r', 'y', [1]]), ok(1, ['append', 'x', 1]), ok(2, ['r', 'x', [1]], ['r', 'y', []]), ok(3, ['append', 'y', 1]));
    expect(types(h)).toEqual(['G-nonadjacent']);
    const r = check(h, ['snapshot-isolation', 'serializable']);
    expect(r.models.map((m) => m.result)).toEqual(['invalid', 'invalid']);
    expect(r.anomalies[0]!.steps!.map((s) => s.rel).sort()).toEqual(['rw', 'rw', 'wr', 'wr']);
  });
  it('no G-nonadjacent when the second reader sees both appends', () => {
    expect(types(appendHistory(ok(0, ['r', 'x', []], ['r', 'y', [1]]), ok(1, ['append', 'x', 1]), ok(2, ['r', 'x', [1]], ['r', 'y', [1]]), ok(3, ['append', 'y', 1])))).toEqual([]);
  });

  it('G2-item: two transactions each missing the other’s append (write skew), allowed by snapshot isolation', () => {
    const h = appendHistory(ok(0, ['r', 'x', []], ['r', 'y', []], ['append', 'x', 1]), ok(1, ['r', 'x', []], ['r', 'y', []], ['append', 'y', 1]), ok(2, ['r', 'x', [1]], ['r', 'y', [1]]));
    expect(types(h)).toEqual(['G2-item']);
    const r = check(h, ['snapshot-isolation', 'repeatable-read', 'serializable']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid', 'invalid']);
    expect(r.anomalies[0]!.steps!.map((s) => s.rel)).toEqual(['rw', 'rw']);
  });
  it('no G2-item when the second sees the first’s append', () => {
    expect(types(appendHistory(ok(0, ['r', 'x', []], ['r', 'y', []], ['append', 'x', 1]), ok(1, ['r', 'x', [1]], ['r', 'y', []], ['append', 'y', 1]), ok(2, ['r', 'x', [1]], ['r', 'y', [1]])))).toEqual([]);
  });

  it('lost-update: two transactions read the same version of a key and both append to it', () => {
    const h = appendHistory(ok(0, ['r', 'x', []], ['append', 'x', 1]), ok(1, ['r', 'x', []], ['append', 'x', 2]), ok(2, ['r', 'x', [1, 2]]));
    expect(types(h)).toContain('lost-update');
    const r = check(h, ['read-committed', 'snapshot-isolation']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid']);
    expect(r.models[1]!.anomalies).toContain('lost-update');
  });
  it('no lost-update when the second read saw the first append', () => {
    expect(types(appendHistory(ok(0, ['r', 'x', []], ['append', 'x', 1]), ok(1, ['r', 'x', [1]], ['append', 'x', 2]), ok(2, ['r', 'x', [1, 2]])))).toEqual([]);
  });

  it('internal: a transaction that does not see its own append', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1], ['r', 'x', []]));
    expect(types(h)).toEqual(['internal']);
    const r = check(h, ['repeatable-read', 'snapshot-isolation']);
    expect(r.models.map((m) => m.result)).toEqual(['unknown', 'invalid']);
  });
  it('no internal anomaly when it sees its append at the end', () => {
    expect(types(appendHistory(ok(0, ['append', 'x', 1], ['r', 'x', [1]])))).toEqual([]);
  });
  it('internal: a second read that is not the first read plus its own appends', () => {
    expect(types(appendHistory(ok(1, ['append', 'x', 5]), ok(0, ['r', 'x', []], ['append', 'x', 1], ['r', 'x', [5, 1]])))).toContain('internal');
  });

  it('future-read: a transaction that reads its own append before making it (rules out read committed)', () => {
    const h = appendHistory(ok(0, ['r', 'x', [1]], ['append', 'x', 1]));
    expect(types(h)).toEqual(['future-read']);
    expect(check(h, ['read-uncommitted', 'read-committed']).models.map((m) => m.result)).toEqual(['unknown', 'invalid']);
  });
  it('no future-read when the read comes first and sees nothing', () => {
    expect(types(appendHistory(ok(0, ['r', 'x', []], ['append', 'x', 1])))).toEqual([]);
  });

  it('incompatible-order: two reads of a key that are not prefixes of one order', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1]), ok(1, ['append', 'x', 2]), ok(2, ['r', 'x', [1, 2]]), ok(3, ['r', 'x', [2]]));
    expect(types(h)).toEqual(['incompatible-order']);
    const r = check(h, ['read-uncommitted', 'read-committed']);
    expect(r.models.map((m) => m.result)).toEqual(['unknown', 'invalid']);
  });
  it('no incompatible-order when the shorter read is a prefix', () => {
    expect(types(appendHistory(ok(0, ['append', 'x', 1]), ok(1, ['append', 'x', 2]), ok(2, ['r', 'x', [1, 2]]), ok(3, ['r', 'x', [1]])))).toEqual([]);
  });

  it('duplicate-elements: a read that holds one append twice', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1]), ok(1, ['r', 'x', [1, 1]]));
    expect(types(h)).toEqual(['duplicate-elements']);
    expect(verdict(check(h), 'read-uncommitted')).toBe('invalid');
  });
  it('no duplicate-elements when each append appears once', () => {
    expect(types(appendHistory(ok(0, ['append', 'x', 1]), ok(1, ['r', 'x', [1]])))).toEqual([]);
  });

  it('dirty-update: a committed append ordered after a failed one', () => {
    const h = appendHistory(fail(0, ['append', 'x', 1]), ok(1, ['append', 'x', 2]), ok(2, ['r', 'x', [1, 2]]));
    expect(types(h)).toEqual(['G1a', 'dirty-update']);
    expect(check(h, ['read-committed']).models[0]!.anomalies).toContain('dirty-update');
  });
  it('no dirty-update when the earlier append committed', () => {
    expect(types(appendHistory(ok(0, ['append', 'x', 1]), ok(1, ['append', 'x', 2]), ok(2, ['r', 'x', [1, 2]])))).toEqual([]);
  });
});

describe('process-order and real-time variants', () => {
  it('G-single-process: a process that does not see its own earlier append (violates strong session serializable, not serializable)', () => {
    const h = appendHistory(ok(0, ['append', 'x', 1]), ok(0, ['r', 'x', []]), ok(1, ['r', 'x', [1]]));
    const r = check(h, ['serializable', 'strong-session-serializable', 'strict-serializable']);
    expect(r.anomalyTypes).toEqual(['G-single-process']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid', 'invalid']);
    expect(r.anomalies[0]!.steps!.map((s) => s.rel).sort()).toEqual(['process', 'rw']);
  });
  it('no G-single-process when the reads are on different processes and concurrent', () => {
    const h = appendHistory(invoke(0, ['append', 'x', 1]), invoke(1, ['r', 'x', null]), ok(0, ['append', 'x', 1]), ok(1, ['r', 'x', []]), invoke(2, ['r', 'x', null]), ok(2, ['r', 'x', [1]]));
    expect(check(h).result).toBe('valid');
  });
  it('G-single-realtime: a read invoked after an append completed that does not see it (stale read)', () => {
    const h = appendHistory(invoke(0, ['append', 'x', 1]), ok(0, ['append', 'x', 1]), invoke(1, ['r', 'x', null]), ok(1, ['r', 'x', []]), invoke(2, ['r', 'x', null]), ok(2, ['r', 'x', [1]]));
    const r = check(h, ['strong-session-serializable', 'strict-serializable']);
    expect(r.anomalyTypes).toEqual(['G-single-realtime']);
    expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid']);
    expect(r.anomalies[0]!.steps!.map((s) => s.evidence)).toContain('T1 completed before T3 was invoked');
  });
  it('G1c-realtime and G0-realtime variants need real-time edges alongside their data edges', () => {
    const g0 = appendHistory(invoke(0, ['append', 'x', 2]), ok(0, ['append', 'x', 2]), invoke(1, ['append', 'x', 1]), ok(1, ['append', 'x', 1]), invoke(2, ['r', 'x', null]), ok(2, ['r', 'x', [1, 2]]));
    expect(check(g0, ['strict-serializable']).anomalyTypes).toEqual(['G0-realtime']);
    const g1c = appendHistory(invoke(0, ['r', 'x', null]), ok(0, ['r', 'x', [1]]), invoke(1, ['append', 'x', 1]), ok(1, ['append', 'x', 1]));
    expect(check(g1c, ['strict-serializable']).anomalyTypes).toEqual(['G1c-realtime']);
  });
});

describe('rw-register anomalies', () => {
  it('G-single: a read of one of a transaction’s writes and the initial version of the other', () => {
    const h = registerHistory(ok(0, ['w', 'x', 1], ['w', 'y', 1]), ok(1, ['r', 'x', 1], ['r', 'y', null]));
    expect(types(h)).toEqual(['G-single']);
    const steps = check(h, ['serializable']).anomalies[0]!.steps!;
    expect(steps.map((s) => s.evidence)).toEqual([
      'T1 read y = nil (the initial version), and T0\'s write y = 1 follows that version (every write follows the initial version)',
      'T1 read x = 1, written by T0',
    ]);
  });
  it('no G-single when both writes are seen', () => {
    expect(types(registerHistory(ok(0, ['w', 'x', 1], ['w', 'y', 1]), ok(1, ['r', 'x', 1], ['r', 'y', 1])))).toEqual([]);
  });
  it('G2-item: write skew on two registers', () => {
    expect(types(registerHistory(ok(0, ['r', 'x', null], ['r', 'y', null], ['w', 'x', 1]), ok(1, ['r', 'x', null], ['r', 'y', null], ['w', 'y', 1])))).toEqual(['G2-item']);
  });
  it('G0: writes ordered both ways by read-then-write transactions', () => {
    // T2 orders x: 1 < 2 and y: 2 < 1 by reading one version and writing the next.
    const h = registerHistory(ok(0, ['w', 'x', 1], ['w', 'y', 1]), ok(1, ['w', 'x', 2], ['w', 'y', 2]), ok(2, ['r', 'x', 1], ['w', 'x', 3]), ok(3, ['r', 'y', 2], ['w', 'y', 3]));
    expect(types(h)).not.toContain('G0');
    const g0 = registerHistory(ok(0, ['r', 'x', null], ['w', 'x', 1], ['r', 'y', 2], ['w', 'y', 1]), ok(1, ['r', 'x', 1], ['w', 'x', 2], ['r', 'y', null], ['w', 'y', 2]));
    expect(types(g0)).toContain('G1c');
  });
  it('G1a, G1b and internal on registers', () => {
    expect(types(registerHistory(fail(0, ['w', 'x', 1]), ok(1, ['r', 'x', 1])))).toEqual(['G1a']);
    expect(types(registerHistory(ok(0, ['w', 'x', 1], ['w', 'x', 2]), ok(1, ['r', 'x', 1])))).toContain('G1b');
    expect(types(registerHistory(ok(0, ['w', 'x', 1], ['r', 'x', 2]), ok(1, ['w', 'x', 2])))).toContain('internal');
    expect(types(registerHistory(ok(0, ['w', 'x', 1], ['r', 'x', 1])))).toEqual([]);
  });
  it('lost-update: two transactions read the same version of a register and both write it', () => {
    expect(types(registerHistory(ok(0, ['r', 'x', null], ['w', 'x', 1]), ok(1, ['r', 'x', null], ['w', 'x', 2])))).toContain('lost-update');
    expect(types(registerHistory(ok(0, ['r', 'x', null], ['w', 'x', 1]), ok(1, ['r', 'x', 1], ['w', 'x', 2])))).toEqual([]);
  });
  it('cyclic-versions: read-then-write transactions that order two versions both ways', () => {
    const h = registerHistory(ok(0, ['r', 'x', 1], ['w', 'x', 2]), ok(1, ['r', 'x', 2], ['w', 'x', 1]));
    expect(types(h)).toContain('cyclic-versions');
    expect(verdict(check(h), 'read-uncommitted')).toBe('invalid');
  });
  it('no cyclic-versions when one of them read the initial version', () => {
    expect(check(registerHistory(ok(1, ['r', 'x', null], ['w', 'x', 1]), ok(0, ['r', 'x', 1], ['w', 'x', 2]))).result).toBe('valid');
  });
});

describe('verdicts', () => {
  it('a history where nothing committed is unknown, not valid', () => {
    expect(check(appendHistory(info(0, ['append', 'x', 1]))).result).toBe('unknown');
  });
  it('every model accepts a serial history', () => {
    const r = check(appendHistory(ok(0, ['append', 'x', 1]), ok(1, ['r', 'x', [1]], ['append', 'x', 2]), ok(0, ['r', 'x', [1, 2]])));
    expect(r.models.every((m) => m.result === 'valid')).toBe(true);
  });
});

describe('rw-register version orders', () => {
  it('without wfr-keys, a read-then-write orders nothing: no cyclic-versions', () => {
    const h = registerHistory(ok(0, ['r', 'x', 1], ['w', 'x', 2]), ok(1, ['r', 'x', 2], ['w', 'x', 1]));
    expect(checkTransactions(h, { models: ['serializable'], wfrKeys: false }).anomalyTypes).not.toContain('cyclic-versions');
    expect(checkTransactions(h, { models: ['serializable'] }).anomalyTypes).toContain('cyclic-versions');
  });
});
