import { beforeAll, describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { bfs } from '../../checker/index.ts';
import { livenessVerdicts } from '../../checker/liveness/index.ts';
import { judgeLasso } from '../../checker/liveness/replay-lasso.ts';
import spec, { AC3_2, AC4_step, AC5, acpSB, DecisionReachedNoFault, SAFETY, TLC_DISTINCT_STATES, type ACPAction, type ACPState } from '../../specs/tlaplus/ACP_SB.ts';

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

  // One search judges the three liveness properties, each as TLC checks it alone.
  let judged: ReturnType<typeof livenessVerdicts<ACPState, ACPAction>>;
  beforeAll(() => {
    judged = livenessVerdicts(acpSB(3, [AC3_2, DecisionReachedNoFault, AC5]));
  });
  const verdict = (name: string) => judged.verdicts.find((v) => v.property === name)!;
  const labels = (name: string) => verdict(name).path!.actions.map((a) => `${a.name}${'i' in a ? `(p${a.i})` : ''}`);

  it("explores TLC's 54,944 states under WF(parProg(i)) and WF(coordProgB)", () => {
    expect(judged.outcome).toMatchObject({ status: 'holds', distinctStates: TLC_DISTINCT_STATES });
  });

  it('AC3_2 holds, as TLC finds', () => {
    expect(verdict('AC3_2').status).toBe('holds');
  });

  it('DecisionReachedNoFault is violated by a lasso that ends in failures, then stutters, and replays', () => {
    const v = verdict('DecisionReachedNoFault');
    expect(v).toMatchObject({ status: 'violated', kind: 'leadsTo' });
    expect(v.cycleStart).toBe(v.path!.actions.length); // then stuttering
    expect(labels('DecisionReachedNoFault')).toContain('coordDie');
    expect(labels('DecisionReachedNoFault').at(-1)).toMatch(/^parDie/);
    expect(judgeLasso(acpSB(3, [DecisionReachedNoFault]), 'DecisionReachedNoFault', v.path!.states, v.path!.actions, v.cycleStart!)).toEqual({ status: 'reproduced' });
  });

  it('AC5 (termination) is violated: the coordinator dies mid-protocol and a participant waits for ever', () => {
    const v = verdict('AC5');
    expect(v).toMatchObject({ status: 'violated', kind: 'eventually' });
    expect(v.cycleStart).toBe(v.path!.actions.length);
    expect(labels('AC5')).toContain('coordDie');
    expect(judgeLasso(acpSB(3, [AC5]), 'AC5', v.path!.states, v.path!.actions, v.cycleStart!)).toEqual({ status: 'reproduced' });
  });

  it('each configuration expects the verdict TLC gives', () => {
    const expected = Object.fromEntries(Object.entries(spec.configs).map(([name, c]) => [name, c.expect]));
    expect(expected).toEqual({
      'p3-safety': 'holds',
      'p3-ac3-2': 'holds',
      'p3-decision-reached-no-fault': { violates: 'DecisionReachedNoFault' },
      'p3-ac5': { violates: 'AC5' },
      'p3-abort-implies-no-vote': { violates: 'AbortImpliesNoVote' },
    });
  });

  it('AbortImpliesNoVote is violated (safety): a dead coordinator makes a yes voter abort', () => {
    const r = run('p3-abort-implies-no-vote');
    expect(r).toMatchObject({ met: true, status: 'violated', propertyKind: 'always' });
    expect(r.trace!.cycleStart).toBeUndefined();
  });
});
