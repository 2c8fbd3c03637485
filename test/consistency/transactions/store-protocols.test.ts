// The sharded transactional store under strict two-phase locking is serializable; each bug
// variant is caught, and its witness is the anomaly the bug's name predicts.

import { describe, expect, it } from 'vitest';
import { explore, type ClientHistory } from '../../../checker/index.ts';
import { checkTransactions, txnHistoryOf, type TxnInput, type TxnResult } from '../../../checker/transactions.ts';
import spec from '../../../specs/transactions/two-phase-locking.ts';
import { replayCounterexample } from '../../support/replay.ts';

function run(config: keyof typeof spec.configs) {
  const model = spec.configs[config]!.model();
  return { model, outcome: explore(model) };
}

/** The anomaly types of the violating history, under serializability. */
function witness(config: keyof typeof spec.configs): readonly string[] {
  const { model, outcome } = run(config);
  expect(outcome.status).toBe('violated');
  expect(outcome.property).toBe('Serializable');
  const final = replayCounterexample(model, outcome).final as { history: ClientHistory };
  const history = txnHistoryOf(final.history as ClientHistory<TxnInput, TxnResult>, 'list-append');
  return checkTransactions(history, { models: ['serializable'] }).anomalyTypes;
}

describe('strict two-phase locking over two shards', () => {
  it('is serializable, strictly: a reader sees both appends of a transaction or neither', () => {
    const { outcome } = run('2pl-append-both');
    expect(outcome.status).toBe('holds');
    expect(outcome.distinctStates).toBe(2686);
  });
  it('never lets a rolled-back append be read', () => {
    expect(run('2pl-rollback').outcome.status).toBe('holds');
  });
});

describe('two-phase locking bug variants', () => {
  it('no-read-locks: a reader sees one of two appends (read skew, G-single)', () => {
    expect(witness('no-read-locks')).toEqual(['G-single']);
  });
  it('read-uncommitted: a reader sees an append that is then rolled back (aborted read, G1a)', () => {
    expect(witness('read-uncommitted')).toEqual(['G1a']);
  });
  it('release-locks-before-commit: each transaction reads the other’s undecided append (G1c)', () => {
    expect(witness('release-locks-before-commit')).toEqual(['G1c']);
  });
});
