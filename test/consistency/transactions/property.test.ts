// Isolation properties over the history client actors record.

import { describe, expect, it } from 'vitest';
import { emptyHistory, recordInvoke, recordReturn, type ClientHistory } from '../../../checker/actor/client-history.ts';
import { append, checkTransactions, read, serializable, snapshotIsolated, txnHistoryOf, type TxnInput, type TxnResult } from '../../../checker/transactions.ts';

type H = ClientHistory<TxnInput, TxnResult>;

/** Two clients each read x and y and append to one of them, concurrently; a third reads both. */
function writeSkew(): H {
  let h = emptyHistory(3) as H;
  h = recordInvoke(h, 0, [read('x'), read('y'), append('x', 1)]);
  h = recordInvoke(h, 1, [read('x'), read('y'), append('y', 1)]);
  h = recordReturn(h, 0, [read('x', []), read('y', []), append('x', 1)]);
  h = recordReturn(h, 1, [read('x', []), read('y', []), append('y', 1)]);
  h = recordInvoke(h, 2, [read('x'), read('y')]);
  return recordReturn(h, 2, [read('x', [1]), read('y', [1])]);
}

describe('isolation properties for explored models', () => {
  it('txnHistoryOf turns recorded operations into transactions: completed ok, aborted fail, pending info', () => {
    let h = emptyHistory(3) as H;
    h = recordInvoke(h, 0, [append('x', 1)]);
    h = recordReturn(h, 0, [append('x', 1)]);
    h = recordInvoke(h, 1, [append('x', 2)]);
    h = recordReturn(h, 1, 'fail');
    h = recordInvoke(h, 2, [append('x', 3)]);
    const t = txnHistoryOf(h);
    expect(t.workload).toBe('list-append');
    expect(t.txns.map((x) => [x.process, x.type])).toEqual([
      [0, 'ok'],
      [1, 'fail'],
      [2, 'info'],
    ]);
    expect(txnHistoryOf(h)).toBe(t); // memoised on the recorded history
  });
  it('write skew holds snapshot isolation and violates serializability, with a G2-item witness', () => {
    const t = txnHistoryOf(writeSkew());
    expect(snapshotIsolated(t)).toBe(true);
    expect(serializable(t)).toBe(false);
    expect(checkTransactions(t, { models: ['serializable'] }).anomalyTypes).toEqual(['G2-item']);
  });
  it('a prefix of a serial history holds', () => {
    let h = emptyHistory(2) as H;
    h = recordInvoke(h, 0, [append('x', 1)]);
    h = recordReturn(h, 0, [append('x', 1)]);
    h = recordInvoke(h, 1, [read('x')]);
    expect(serializable(txnHistoryOf(h))).toBe(true);
    h = recordReturn(h, 1, [read('x', [1])]);
    expect(serializable(txnHistoryOf(h))).toBe(true);
  });
});
