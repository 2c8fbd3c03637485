// The sharded transactional store under strict two-phase locking is serializable, and the
// multi-version store is snapshot isolated; each bug variant is caught, and its witness is the
// anomaly the bug's name predicts.

import { describe, expect, it } from 'vitest';
import { explore } from '../../../checker/index.ts';
import { checkTransactions, txnHistoryOf } from '../../../checker/transactions.ts';
import siSpec from '../../../specs/transactions/snapshot-isolation.ts';
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
  const { history } = replayCounterexample(model, outcome).final;
  return checkTransactions(txnHistoryOf(history, 'list-append'), { models: ['serializable'] }).anomalyTypes;
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

/** The anomaly types of the snapshot store's violating history, under `model`. */
function siWitness(config: keyof typeof siSpec.configs, property: string, model: 'serializable' | 'snapshot-isolation'): readonly string[] {
  const m = siSpec.configs[config]!.model();
  const outcome = explore(m);
  expect(outcome.status).toBe('violated');
  expect(outcome.property).toBe(property);
  const { history } = replayCounterexample(m, outcome).final;
  return checkTransactions(txnHistoryOf(history, 'list-append'), { models: [model] }).anomalyTypes;
}

describe('multi-version snapshot isolation over two shards', () => {
  it('first committer wins: of two concurrent read-modify-writes of a key, one aborts', () => {
    expect(explore(siSpec.configs['si-increments']!.model()).status).toBe('holds');
  });
  it('si-write-skew: snapshot isolation lets write skew through, and Serializable catches it as G2-item', () => {
    expect(siWitness('si-write-skew', 'Serializable', 'serializable')).toEqual(['G2-item']);
  });
  it('si-no-write-conflict-check: without the write-conflict check an update is lost', () => {
    expect(siWitness('si-no-write-conflict-check', 'SnapshotIsolation', 'snapshot-isolation')).toContain('lost-update');
  });
});
