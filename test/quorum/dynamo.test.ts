import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { dynamoQuorums, read, write } from '../../protocols/quorum/index.ts';
import { replayCounterexample } from '../support/replay.ts';

const n3 = (readQuorum: number, writeQuorum: number, readRepair = false) =>
  dynamoQuorums({ replicas: 3, readQuorum, writeQuorum, readRepair, workload: [[write('1')], [read]] });

describe('Dynamo-style N/R/W quorums, N = 3', () => {
  it.each([
    [2, 2],
    [1, 3],
    [3, 1],
  ])('R = %i, W = %i (R + W > N): a read after a completed write never returns an older value', (r, w) => {
    const outcome = explore(n3(r, w));
    expect(outcome.status).toBe('holds');
    expect(outcome.unreached).toEqual([]);
  });

  it('R = 2, W = 2 with read repair holds too', () => {
    expect(explore(n3(2, 2, true)).status).toBe('holds');
  });

  it.each([
    [1, 1, 6],
    [1, 2, 8],
  ])('R = %i, W = %i (R + W <= N): a read misses the completed write (stale read in %i steps)', (r, w, length) => {
    const model = n3(r, w);
    const outcome = explore(model);
    expect(outcome.property).toBe('NoStaleRead');
    const steps = replayCounterexample(model, outcome).labels;
    expect(steps).toHaveLength(length);
    // The write completes before the read is invoked, and the read is answered by a stale replica.
    const acks = steps.filter((l) => l.includes('PutAck'));
    expect(acks).toHaveLength(w);
    expect(steps.indexOf('client2: read()')).toBeGreaterThan(steps.lastIndexOf(acks[acks.length - 1]!));
    expect(steps[steps.length - 1]).toMatch(/GetReply#0\(nil v0\)$/);
  });
});
