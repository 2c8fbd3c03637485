import { describe, expect, it } from 'vitest';
import { explore } from '../../checker/index.ts';
import { stateRightPaxos } from '../../protocols/paxos/index.ts';

describe("parity with Stateright's single-decree Paxos example", () => {
  it('3 servers and 2 clients: 16,668 distinct states, linearizable, a value chosen (BASELINES §2)', { timeout: 60_000 }, () => {
    const model = stateRightPaxos({ servers: 3, clients: 2 });
    const outcome = explore(model);
    expect(outcome.status).toBe('holds');
    expect(outcome.distinctStates).toBe(16_668);
  });

  it("finds a shortest discovery of a chosen value of Stateright's length, with the same steps", { timeout: 60_000 }, () => {
    const model = stateRightPaxos({ servers: 3, clients: 2 });
    const first = { ...model, properties: model.properties.filter((p) => p.name === 'ValueChosen').map((p) => ({ ...p, kind: 'always' as const, holds: (s: Parameters<typeof p.holds>[0]) => !p.holds(s) })) };
    const outcome = explore(first);
    // Stateright's BFS takes the PutOk before the Decided; the two steps are independent.
    expect(outcome.path!.actions.map((a) => model.formatAction!(a)).sort()).toEqual([
      'client2 → server2: Put(4, \'B\')',
      'server2 → server1: Prepare(1.1)',
      'server1 → server2: Prepared(1.1, none)',
      "server2 → server3: Accept(1.1, (4, 4, 'B'))",
      'server3 → server2: Accepted(1.1)',
      'server2 → client2: PutOk(4)',
      "server2 → server3: Decided(1.1, (4, 4, 'B'))",
      'client2 → server3: Get(8)',
    ].sort());
  });
});
