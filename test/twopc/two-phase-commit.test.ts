import { describe, expect, it } from 'vitest';
import { explore, type Outcome } from '../../checker/index.ts';
import { twoPhaseCommit, type TwoPhaseSystemOptions } from '../../protocols/twopc/index.ts';
import { replayCounterexample } from '../support/replay.ts';

function check(options: TwoPhaseSystemOptions) {
  const model = twoPhaseCommit(options);
  return { model, outcome: explore(model) };
}

const replays = (options: TwoPhaseSystemOptions, o: Outcome<unknown, unknown>): readonly string[] =>
  replayCounterexample(twoPhaseCommit(options), o).labels;

describe('two-phase commit', () => {
  it('keeps Atomicity and Validity with 3 participants, and both outcomes are reachable', () => {
    const { outcome } = check({ participants: 3 });
    expect(outcome.status).toBe('holds');
    expect(outcome.distinctStates).toBe(1424);
  });

  it('keeps them when any node crashes once and restarts', () => {
    expect(check({ participants: 3, crashes: 1 }).outcome.status).toBe('holds');
  });

  it('keeps them when a message is lost and another duplicated', () => {
    expect(check({ participants: 2, lose: 1, duplicate: 1 }).outcome.status).toBe('holds');
  });
});

describe('two-phase commit bug variants', () => {
  it('presume-commit-on-timeout: committing on a vote timeout breaks Validity', () => {
    const options = { participants: 2, bug: 'presume-commit-on-timeout' } as const;
    const { outcome } = check(options);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('Validity');
    expect(replays(options, outcome)).toEqual(['coordinator: timer vote-timeout fires', 'coordinator → participant1: Decide(commit)']);
  });

  it('vote-not-durable: a participant that forgets its yes vote across a crash breaks Atomicity', () => {
    const options = { participants: 2, crashes: 1, bug: 'vote-not-durable' } as const;
    const { outcome } = check(options);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('Atomicity');
    const steps = replays(options, outcome);
    expect(steps).toHaveLength(9);
    expect(steps.slice(-2)).toEqual(['✗ participant2 crashes', '↻ participant2 restarts']);
  });

  it('decision-not-logged: a coordinator that decides again after a restart breaks Atomicity', () => {
    const options = { participants: 2, crashes: 1, bug: 'decision-not-logged' } as const;
    const { outcome } = check(options);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('Atomicity');
    const steps = replays(options, outcome);
    expect(steps).toContain('✗ coordinator crashes');
    expect(steps[steps.length - 1]).toBe('coordinator → participant2: Decide(abort)');
  });

  it('the correct protocol survives the crash that exposes each durability bug', () => {
    expect(check({ participants: 2, crashes: 1 }).outcome.status).toBe('holds');
  });
});
