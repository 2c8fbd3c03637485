import { describe, expect, it } from 'vitest';
import { exitCode, mergeReports, type ReportLine } from '../../checker/cli/merge.ts';

const line = (over: Partial<ReportLine>): ReportLine => ({
  spec: 'TwoPhaseCommit',
  config: 'p3',
  file: 'specs/twopc/two-phase-commit.ts',
  status: 'incomplete',
  property: null,
  expected: 'holds',
  met: true,
  distinctStates: 100,
  generatedStates: 500,
  maxDepth: 12,
  ms: 300,
  trace: null,
  strategy: 'random',
  seed: 5,
  walks: 100,
  steps: 500,
  coverage: { distinctStates: 100, newPer1kSteps: 2 },
  ...over,
});

describe('interleave merge: one verdict from the JSON reports of shards', () => {
  it('a holds configuration is met when every shard is present and found nothing', () => {
    const [m] = mergeReports([line({ shard: '1/3' }), line({ shard: '2/3', distinctStates: 120, ms: 500 }), line({ shard: '3/3' })]);
    expect(m).toMatchObject({ status: 'incomplete', met: true, walks: 300, steps: 1500, distinctStates: { max: 120, sum: 320 }, ms: { max: 500, sum: 1100 } });
    expect(m!.shards).toEqual({ count: 3, present: ['1/3', '2/3', '3/3'], missing: [] });
    expect(exitCode([m!])).toBe(0);
  });

  it('a missing shard is walks never run: not met', () => {
    const [m] = mergeReports([line({ shard: '1/3' }), line({ shard: '3/3' })]);
    expect(m!.met).toBe(false);
    expect(m!.reason).toBe('missing shard 2/3: their walks never ran');
    expect(exitCode([m!])).toBe(1);
  });

  it('shards with different seeds may overlap: not met', () => {
    const [m] = mergeReports([line({ shard: '1/2', seed: 1 }), line({ shard: '2/2', seed: 2 })]);
    expect(m!.met).toBe(false);
    expect(m!.reason).toMatch(/different seeds/);
  });

  it('a violation in any shard is a violation of the run; the expected property and then the shortest trace win', () => {
    const bug = { config: 'vote-not-durable', expected: 'violates Atomicity', met: false, reason: 'no violation found' };
    const lines = [
      line({ ...bug, shard: '1/3' }),
      line({ ...bug, shard: '2/3', status: 'violated', property: 'Atomicity', met: true, trace: 't2.json', shrunkLength: 12, violatingWalk: 4 }),
      line({ ...bug, shard: '3/3', status: 'violated', property: 'Atomicity', met: true, trace: 't3.json', shrunkLength: 9, violatingWalk: 8 }),
    ];
    const [m] = mergeReports(lines);
    expect(m).toMatchObject({ status: 'violated', property: 'Atomicity', met: true, trace: 't3.json', violatingWalk: 8 });
    expect(exitCode([m!])).toBe(0);
  });

  it('a holds configuration violated in one shard is not met', () => {
    const [m] = mergeReports([line({ shard: '1/2' }), line({ shard: '2/2', status: 'violated', property: 'Atomicity', met: false, trace: 't.json' })]);
    expect(m).toMatchObject({ status: 'violated', met: false, reason: 'expected to hold, but Atomicity is violated' });
    expect(exitCode([m!])).toBe(1);
  });

  it('an error in any shard is bad input (exit 2)', () => {
    const merged = mergeReports([line({ shard: '1/2' }), line({ shard: '2/2', status: 'error', met: false, reason: 'spec threw' })]);
    expect(merged[0]!.status).toBe('error');
    expect(exitCode(merged)).toBe(2);
  });

  it('keeps configurations apart', () => {
    const merged = mergeReports([line({ config: 'a', shard: '1/2' }), line({ config: 'b', shard: '1/2' }), line({ config: 'a', shard: '2/2' }), line({ config: 'b', shard: '2/2' })]);
    expect(merged.map((m) => [m.config, m.reports])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
  });
});
