// A multi-version store sharded over two servers with a timestamp oracle: snapshot isolation by
// snapshot reads and first-committer-wins. It holds SnapshotIsolation, and lets write skew
// through, which Serializable catches as a G2-item cycle; without the write-conflict check it
// loses updates.

import { defineSpec } from '../../checker/index.ts';
import { append, read } from '../../checker/transactions.ts';
import { Serializable, snapshotStore, SnapshotIsolation, type ScriptedTxn } from '../../protocols/transactions/index.ts';

const keys = ['x', 'y'];
const readBoth: ScriptedTxn = { ops: [read('x'), read('y')] };

/** Write skew's shape: each reads both keys and appends to one; then each reads both again. */
const skew = [
  [{ ops: [read('x'), read('y'), append('x', 1)] }, readBoth],
  [{ ops: [read('x'), read('y'), append('y', 2)] }, readBoth],
];
/** Two read-modify-writes of one key; then each reads it again. */
const increments = [
  [{ ops: [read('x'), append('x', 1)] }, { ops: [read('x')] }],
  [{ ops: [read('x'), append('x', 2)] }, { ops: [read('x')] }],
];

export default defineSpec({
  name: 'SnapshotIsolationStore',
  description: 'a multi-version store over two shards and a timestamp oracle: snapshot reads, first committer wins',
  configs: {
    si: {
      model: () => snapshotStore({ shards: 2, keys, scripts: skew, properties: [SnapshotIsolation] }),
      expect: 'holds',
      description: 'snapshot isolation holds under the write-skew workload',
    },
    'si-increments': {
      model: () => snapshotStore({ shards: 2, keys, scripts: increments, properties: [SnapshotIsolation, Serializable] }),
      expect: 'holds',
      description: 'first committer wins: concurrent read-modify-writes of one key never both commit',
    },
    'si-write-skew': {
      model: () => snapshotStore({ shards: 2, keys, scripts: skew, properties: [Serializable] }),
      expect: { violates: 'Serializable' },
      description: 'write skew: each transaction misses the other’s append (a G2-item cycle)',
    },
    'si-no-write-conflict-check': {
      model: () => snapshotStore({ shards: 2, keys, scripts: increments, bug: 'si-no-write-conflict-check', properties: [SnapshotIsolation] }),
      expect: { violates: 'SnapshotIsolation' },
      description: 'bug: appends are not checked against commits after the snapshot (lost update)',
    },
  },
});
