// Each named bug variant of Raft is caught, with the property the paper says it breaks, and the
// counterexample replays.

import { describe, it, expect } from 'vitest';
import { explore, type Outcome } from '../../checker/index.ts';
import { raft, type RaftModel } from '../../protocols/raft/index.ts';
import { configs } from '../../specs/raft/raft.ts';

type RaftOutcome = Outcome<ReturnType<RaftModel['init']>[number], Parameters<RaftModel['next']>[1]>;

/** Re-applies the counterexample's actions from its initial state; returns the final state. */
function replay(model: RaftModel, outcome: RaftOutcome) {
  const path = outcome.path!;
  let s = model.init()[path.init]!;
  for (const a of path.actions) {
    const t = model.next(s, a);
    expect(t, `not enabled on replay: ${model.formatAction!(a)}`).toBeDefined();
    s = t!;
  }
  return s;
}

function expectCaught(name: keyof typeof configs, property: string): string[] {
  const model = raft(configs[name]);
  const outcome = explore(model) as RaftOutcome;
  expect(outcome.status).toBe('violated');
  expect(outcome.property).toBe(property);
  const last = replay(model, outcome);
  const prop = model.properties.find((p) => p.name === property)!;
  expect(prop.holds(last)).toBe(false);
  return outcome.path!.actions.map((a) => model.formatAction!(a));
}

describe('Raft bug variants', () => {
  it('votedfor-not-durable: a server that forgets its vote in a crash elects two leaders in one term (Election Safety)', () => {
    const trace = expectCaught('votedfor-not-durable', 'Election Safety');
    expect(trace.some((a) => a.includes('crashes'))).toBe(true);
  });

  it('no-up-to-date-check: a server without a committed entry is elected (Leader Completeness)', () => {
    const trace = expectCaught('no-up-to-date-check', 'Leader Completeness');
    expect(trace.some((a) => a.includes('AppendEntriesOk'))).toBe(true);
  });

  it('leader-reads-locally: a deposed leader answers a read with a stale value (Linearizability)', () => {
    const trace = expectCaught('leader-reads-locally', 'Linearizability');
    expect(trace.at(-1)).toMatch(/Reply#0 ""/);
  });

  // Not yet found within the time a test may take (a 4-term scripted search; see the heavy spec
  // configuration `commit-previous-term`).
  it.skip('commit-previous-term: the Figure 8 scenario commits an entry a later leader overwrites (Leader Completeness)', () => {
    expectCaught('commit-previous-term', 'Leader Completeness');
  });
});
