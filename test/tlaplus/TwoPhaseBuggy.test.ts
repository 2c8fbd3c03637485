import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { TCConsistent, twoPhase, type TwoPhaseState } from '../../specs/tlaplus/TwoPhase.ts';
import TwoPhaseBuggy from '../../specs/tlaplus/TwoPhaseBuggy.ts';

const buggy = () => twoPhase(3, { bug: 'tm-commit-without-all-prepared' });

describe('TwoPhase with the bug tm-commit-without-all-prepared', () => {
  it('is a spec expected to violate TCConsistent', () => {
    expect(TwoPhaseBuggy.configs['tm-commit-without-all-prepared'].expect).toEqual({ violates: 'TCConsistent' });
  });

  it('violates TCConsistent with a shortest trace of 5 steps', () => {
    const o = explore(buggy());
    expect(o.status).toBe('violated');
    expect(o.property).toBe('TCConsistent');
    const model = buggy();
    // Prepare one RM, let the TM hear of it and commit, deliver the commit, abort another RM.
    const steps = o.path!.actions.map((a) => model.formatAction!(a));
    expect(steps.slice(0, 3)).toEqual(['RMPrepare(0)', 'TMRcvPrepared(0)', 'TMCommit']);
    expect([...steps.slice(3)].sort()).toEqual(['RMChooseToAbort(1)', 'RMRcvCommitMsg(0)']);
    expect(o.path!.actions).toHaveLength(5);
  });

  it('is found depth-first too', () => {
    const o = explore(buggy(), { strategy: 'dfs' });
    expect(o.status).toBe('violated');
    expect(o.property).toBe('TCConsistent');
  });

  it('is still found under symmetry, with a trace that replays on the unreduced model', () => {
    const o = explore(buggy(), { symmetry: true });
    expect(o.status).toBe('violated');
    expect(o.property).toBe('TCConsistent');
    expect(o.path!.actions).toHaveLength(5);
    const model = buggy();
    let s: TwoPhaseState = model.init()[o.path!.init]!;
    for (const a of o.path!.actions) {
      const t = model.next(s, a);
      expect(t).toBeDefined();
      s = t!;
    }
    expect(TCConsistent(s)).toBe(false);
  });

  it('is not in the correct model: TMCommit needs every RM prepared', () => {
    expect(explore(twoPhase(3)).status).toBe('holds');
  });
});
