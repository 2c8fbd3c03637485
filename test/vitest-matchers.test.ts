// Protocol tests through interleave/vitest: `expect(await check(spec, config)).toHold()`.

import { describe, expect, it } from 'vitest';
import { check, describeReport, matchers } from '../checker/vitest.ts';
import twoPhaseBuggy from '../specs/tlaplus/TwoPhaseBuggy.ts';
import twoPhaseCommit from '../specs/twopc/two-phase-commit.ts';

const file = 'specs/twopc/two-phase-commit.ts';

describe('interleave/vitest', () => {
  it('two-phase commit holds with 2 participants', async () => {
    expect(await check(twoPhaseCommit, 'p2', { file })).toHold();
  });

  it('a participant that forgets its vote breaks Atomicity', async () => {
    expect(await check(twoPhaseCommit, 'vote-not-durable', { file })).toViolate('Atomicity');
    expect(await check(twoPhaseCommit, 'vote-not-durable', { file })).not.toHold();
  });

  it('runs every non-heavy configuration when none is named', async () => {
    const reports = await check(twoPhaseBuggy, undefined, { file: 'specs/tlaplus/TwoPhaseBuggy.ts' });
    expect(reports.map((r) => r.config)).toEqual(['tm-commit-without-all-prepared']);
    expect(reports).toMeetExpectation();
  });

  it('judges each configuration against its spec expectation', async () => {
    const reports = [await check(twoPhaseCommit, 'p2', { file }), await check(twoPhaseCommit, 'presume-commit-on-timeout', { file })];
    expect(reports).toMeetExpectation();
    expect(reports).not.toHold();
  });

  it('runs on worker threads with the counts of one thread, as interleave check --workers does', async () => {
    const one = await check(twoPhaseCommit, 'vote-not-durable', { file });
    const two = await check(twoPhaseCommit, 'vote-not-durable', { file, workers: 2 });
    expect(two).toViolate('Atomicity');
    expect(two.trace!.steps).toHaveLength(one.trace!.steps.length);
    expect((await check(twoPhaseCommit, 'p2', { file, workers: 2 })).distinctStates).toBe((await check(twoPhaseCommit, 'p2', { file })).distinctStates);
  });

  it('random walks that find nothing count as holding (evidence, not proof)', async () => {
    expect(await check(twoPhaseCommit, 'p3', { file, strategy: 'random', seed: 1, walks: 200 })).toHold();
  });

  it('a failing toHold shows the counterexample as a sequence diagram with the states', async () => {
    const report = await check(twoPhaseCommit, 'vote-not-durable', { file });
    const result = matchers.toHold(report);
    expect(result.pass).toBe(false);
    const message = result.message();
    expect(message).toContain('expected to hold');
    expect(message).toContain('TwoPhaseCommit / vote-not-durable: Atomicity violated after 9 steps');
    expect(message).toContain('coordinator');
    expect(message).toContain('participant1');
    expect(message).toContain('✗ participant');
    expect(() => expect(report).toHold()).toThrow(/Atomicity violated after 9 steps/);
  });

  it('a failing toViolate names what happened instead', async () => {
    const report = await check(twoPhaseCommit, 'p2', { file });
    const result = matchers.toViolate(report, 'Atomicity');
    expect(result.pass).toBe(false);
    expect(result.message()).toContain('expected to violate Atomicity');
    expect(result.message()).toContain('TwoPhaseCommit/p2: holds');
    const other = matchers.toViolate(await check(twoPhaseCommit, 'vote-not-durable', { file }), 'Validity');
    expect(other.message()).toContain('Atomicity is violated');
  });

  it('describes a random run with its seed', async () => {
    const report = await check(twoPhaseCommit, 'vote-not-durable', { file, strategy: 'random', seed: 4, walks: 2000 });
    expect(report).toViolate('Atomicity');
    expect(describeReport(report)).toContain('(seed 4)');
  });

  it('rejects what is not a report', () => {
    expect(() => matchers.toHold(42)).toThrow(/check\(spec, config\)/);
  });
});
