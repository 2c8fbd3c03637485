// A store sharded over two servers (x on one, y on the other), clients running two-key
// transactions by two-phase commit, under strict two-phase locking: serializable. Each bug
// variant breaks it with the anomaly its name predicts.

import { defineSpec } from '../../checker/index.ts';
import { append, read } from '../../checker/transactions.ts';
import { lockingStore, Serializable, StrictSerializable, type ScriptedTxn } from '../../protocols/transactions/index.ts';

const strict = [Serializable, StrictSerializable];

const keys = ['x', 'y'];
const readBoth: ScriptedTxn = { ops: [read('x'), read('y')] };

/** Write skew's shape: each reads both keys and appends to one; then each reads both again. */
const skew = [
  [{ ops: [read('x'), read('y'), append('x', 1)] }, readBoth],
  [{ ops: [read('x'), read('y'), append('y', 2)] }, readBoth],
];
/** One client appends to both keys (then reads both); the other reads both. */
const appendBoth = [[{ ops: [append('x', 1), append('y', 1)] }, readBoth], [readBoth]];
/** One client appends to x and rolls back; the other reads both keys. */
const rolledBack = [[{ ops: [append('x', 1)], rollback: true }], [readBoth]];
/** Each appends to one key and reads the other. */
const crossed = [[{ ops: [append('x', 1), read('y')] }], [{ ops: [append('y', 1), read('x')] }]];

export default defineSpec({
  name: 'TwoPhaseLocking',
  description: 'a store sharded over two servers, two-key transactions by 2PC, strict two-phase locking',
  configs: {
    '2pl': {
      model: () => lockingStore({ shards: 2, keys, scripts: skew, properties: strict }),
      expect: 'holds',
      description: 'strict 2PL (serializable, strictly): write skew cannot happen',
    },
    '2pl-append-both': {
      model: () => lockingStore({ shards: 2, keys, scripts: appendBoth, properties: strict }),
      expect: 'holds',
      description: 'strict 2PL: a reader sees both appends of a transaction or neither',
    },
    '2pl-rollback': {
      model: () => lockingStore({ shards: 2, keys, scripts: rolledBack, properties: strict }),
      expect: 'holds',
      description: 'strict 2PL: a rolled-back append is never read',
    },
    'no-read-locks': {
      model: () => lockingStore({ shards: 2, keys, scripts: appendBoth, bug: 'no-read-locks' }),
      expect: { violates: 'Serializable' },
      description: 'bug: reads take no locks, so a reader sees one append and not the other (read skew, G-single)',
    },
    'read-uncommitted': {
      model: () => lockingStore({ shards: 2, keys, scripts: rolledBack, bug: 'read-uncommitted' }),
      expect: { violates: 'Serializable' },
      description: 'bug: reads see uncommitted appends, here of a transaction rolled back (aborted read, G1a)',
    },
    'release-locks-before-commit': {
      model: () => lockingStore({ shards: 2, keys, scripts: crossed, bug: 'release-locks-before-commit' }),
      expect: { violates: 'Serializable' },
      description: 'bug: a shard releases locks once it has voted, so each transaction reads the other’s undecided append (G1c)',
    },
  },
});
