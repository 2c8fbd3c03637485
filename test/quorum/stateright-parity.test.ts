import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { stateRightAbd } from '../../protocols/quorum/index.ts';
import { singleCopyRegister } from '../../protocols/register/index.ts';

// BASELINES.md §2: Stateright's examples, message for message, with the history as system state.
describe("parity with Stateright's register examples", () => {
  it('single-copy register, 1 server and 2 clients: 93 distinct states, linearizable', () => {
    const outcome = explore(singleCopyRegister({ servers: 1, clients: 2 }));
    expect(outcome.status).toBe('holds');
    expect(outcome.distinctStates).toBe(93);
  });

  it("single-copy register, 2 servers: not linearizable, with Stateright's counterexample", () => {
    const model = singleCopyRegister({ servers: 2, clients: 2 });
    const outcome = explore(model);
    expect(outcome.property).toBe('Linearizable');
    expect(outcome.path!.actions.map((a) => model.formatAction!(a))).toEqual([
      "client2 → server2: Put(3, 'B')",
      'server2 → client2: PutOk(3)',
      'client2 → server1: Get(6)',
      'server1 → client2: GetOk(6, nil)',
    ]);
  });

  it('ABD, 2 servers and 2 clients: 544 distinct states, linearizable', () => {
    const outcome = explore(stateRightAbd({ servers: 2, clients: 2 }));
    expect(outcome.status).toBe('holds');
    expect(outcome.distinctStates).toBe(544);
  });

  it('depth-first search counts the same states, as Stateright asserts for both strategies', () => {
    expect(explore(singleCopyRegister({ servers: 1, clients: 2 }), { strategy: 'dfs' }).distinctStates).toBe(93);
    expect(explore(stateRightAbd({ servers: 2, clients: 2 }), { strategy: 'dfs' }).distinctStates).toBe(544);
  });
});
