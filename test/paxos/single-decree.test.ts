import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { singleDecreePaxos, type PaxosSystemOptions } from '../../protocols/paxos/index.ts';
import { replayCounterexample } from '../support/replay.ts';

function check(options: PaxosSystemOptions) {
  const model = singleDecreePaxos(options);
  return { model, outcome: explore(model) };
}

describe('single-decree Paxos', () => {
  it('chooses at most one value, a proposed one, that every learner and client agrees on', () => {
    const { outcome } = check({ servers: 3, clients: 2 });
    expect(outcome.status).toBe('holds');
    expect(outcome.unreached).toEqual([]); // a value is chosen and every client learns it
    expect(outcome.distinctStates).toBe(5623);
  });
});

describe('single-decree Paxos bug variants', () => {
  it('ignore-accepted-value: proposing the own value over an accepted one chooses two values', () => {
    const options = { servers: 3, clients: 2, bug: 'ignore-accepted-value' } as const;
    const { model, outcome } = check(options);
    expect(outcome.property).toBe('Agreement');
    const steps = replayCounterexample(model, outcome).labels;
    expect(steps).toHaveLength(8);
    // server2 is told of the vote for a, and proposes b anyway.
    expect(steps).toContain('server1 → server2: Promise(1.1, accepted a@1.0)');
    expect(steps).toContain('server2 → server1: Accept(1.1, b)');
  });

  it('non-unique-ballots: two proposers leading ballot 1.0 get two values chosen in it', () => {
    const options = { servers: 3, clients: 2, bug: 'non-unique-ballots' } as const;
    const { model, outcome } = check(options);
    expect(outcome.property).toBe('Agreement');
    const steps = replayCounterexample(model, outcome).labels;
    expect(steps).toHaveLength(8);
    expect(steps).toContain('server1 → server3: Accept(1.0, a)');
    expect(steps).toContain('server2 → server1: Accept(1.0, b)');
  });

  it('promise-not-durable: an acceptor that forgets its promise in a crash accepts a lower ballot', () => {
    const options = { servers: 3, clients: 2, crashes: 1, bug: 'promise-not-durable' } as const;
    const { model, outcome } = check(options);
    expect(outcome.property).toBe('Agreement');
    const steps = replayCounterexample(model, outcome).labels;
    expect(steps).toHaveLength(10);
    const crash = steps.findIndex((l) => l.endsWith('crashes'));
    expect(steps[crash + 1]).toMatch(/restarts$/);
    expect(steps[steps.length - 1]).toMatch(/Accept\(1\.0, a\)$/);
  });

  it('the correct protocol survives the crash that exposes the durability bug', { timeout: 120_000 }, () => {
    // Exhaustive with crashes is 49,476 states: bounded here to the depth the bug needs.
    const model = singleDecreePaxos({ servers: 3, clients: 2, crashes: 1 });
    const outcome = explore(model, { maxDepth: 10 });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.boundsHit).toEqual(['maxDepth']);
    expect(outcome.property).toBeUndefined();
  });
});
