import { describe, expect, it } from 'vitest';
import { historyOf, linearizable as linearizableUnder, type ClientHistory } from '../../checker/index.ts';
import { writeOnceRegister, type ProposeInput, type ProposeOutput } from '../../protocols/paxos/index.ts';

const check = linearizableUnder(writeOnceRegister);
const linearizable = (h: ClientHistory<ProposeInput, ProposeOutput>): boolean => check(historyOf(h));

/** A recorded history: per client, its one propose and what it learned (undefined: pending). */
function history(ops: [value: string, learned?: string, afterOther?: boolean][]): ClientHistory<ProposeInput, ProposeOutput> {
  return ops.map(([value, learned, afterOther], c) => [
    {
      input: { f: 'propose' as const, value },
      ...(learned === undefined ? {} : { output: { value: learned } }),
      done: learned !== undefined,
      after: ops.map((_, d) => (d !== c && afterOther ? 1 : 0)),
    },
  ]);
}

describe('the write-once register clients of Paxos are checked against', () => {
  it('accepts every client learning the same proposed value', () => {
    expect(linearizable(history([['a', 'a'], ['b', 'a']]))).toBe(true);
  });

  it('rejects two clients learning different values', () => {
    expect(linearizable(history([['a', 'a'], ['b', 'b']]))).toBe(false);
  });

  it('rejects learning a value nobody proposed', () => {
    expect(linearizable(history([['a', 'c']]))).toBe(false);
  });

  it("rejects learning another client's value proposed only after this one returned", () => {
    // client 1 proposes b after client 0 returned having learned b.
    expect(linearizable(history([['a', 'b'], ['b', undefined, true]]))).toBe(false);
  });

  it('accepts a pending proposal taking effect first', () => {
    expect(linearizable(history([['a', 'b'], ['b']]))).toBe(true);
  });
});
