import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { bfs } from '../../checker/index.ts';
import { replay } from '../../checker/trace/replay.ts';
import spec, { AC4_step, acpSB, SAFETY, TLC_DISTINCT_STATES, type ACPState } from '../../specs/tlaplus/ACP_SB.ts';

// TLC 2.20 on ACP_SB_TLC.cfg (3 participants, no symmetry, CHECK_DEADLOCK FALSE), each property
// checked alone: ../shared/BASELINES.md §7.
const run = (config: string) => checkConfig(spec, config, 'specs/tlaplus/ACP_SB.ts');

describe('ACP_SB, ported from ACP_SB.tla, against TLC', () => {
  it("AC1, AC2, AC3_1 hold in TLC's 54,944 states, and AC4 (a decision is never revised) on every step", () => {
    const states: ACPState[] = [];
    let revised = 0;
    const o = bfs(acpSB(3, SAFETY), {
      edges: {
        state: (id, s) => void (states[id] = s as ACPState),
        edge: (from, to) => void (AC4_step(states[from]!, states[to]!) || revised++),
        unexpanded: () => {},
      },
    });
    expect(o.status).toBe('holds');
    expect(o.distinctStates).toBe(TLC_DISTINCT_STATES);
    expect(revised).toBe(0);
  });

  it('AC3_2 holds under WF(parProg(i)) and WF(coordProgB), as TLC finds', () => {
    expect(run('p3-ac3-2')).toMatchObject({ met: true, status: 'holds', distinctStates: TLC_DISTINCT_STATES });
  });

  it('DecisionReachedNoFault is violated by a lasso that ends in failures, then stutters; the lasso replays', () => {
    const r = run('p3-decision-reached-no-fault');
    expect(r).toMatchObject({ met: true, status: 'violated', propertyKind: 'leadsTo', distinctStates: TLC_DISTINCT_STATES });
    const steps = r.trace!.steps.map((s) => s.label);
    expect(r.trace!.cycleStart).toBe(steps.length); // then stuttering
    expect(steps).toContain('coordDie');
    expect(steps[steps.length - 1]).toMatch(/^parDie/);
    expect(replay(spec.configs['p3-decision-reached-no-fault']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('AC5 (termination) is violated: the coordinator dies mid-protocol and a participant waits for ever', () => {
    const r = run('p3-ac5');
    expect(r).toMatchObject({ met: true, status: 'violated', propertyKind: 'eventually', distinctStates: TLC_DISTINCT_STATES });
    expect(r.trace!.cycleStart).toBe(r.trace!.steps.length);
    expect(r.trace!.steps.map((s) => s.label)).toContain('coordDie');
    expect(replay(spec.configs['p3-ac5']!.model(), r.trace!).status).toBe('reproduced');
  });

  it('AbortImpliesNoVote is violated (safety): a dead coordinator makes a yes voter abort', () => {
    const r = run('p3-abort-implies-no-vote');
    expect(r).toMatchObject({ met: true, status: 'violated', propertyKind: 'always' });
    expect(r.trace!.cycleStart).toBeUndefined();
  });
});
