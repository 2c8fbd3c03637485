import { describe, expect, it } from 'vitest';
import { InputError } from '../../checker/errors.ts';
import type { History } from '../../checker/consistency/history.ts';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import { linearizable } from '../../checker/consistency/linearizable-property.ts';
import { defineSequentialSpec } from '../../checker/consistency/sequential-spec.ts';
import { casRegister, kv, register } from '../../checker/consistency/specs/index.ts';
import { append, cas, get, put, read, write } from './ops.ts';

const verdict = <I, O, S>(history: History<I, O>, spec: Parameters<typeof checkLinearizability<I, O, S>>[1]) =>
  checkLinearizability(history, spec).result;

describe('register', () => {
  it('rejects a stale read after a completed write', () => {
    const history = [write(0, 1, 0, 1), read(1, null, 2, 3)];
    expect(verdict(history, casRegister)).toBe('not-linearizable');
  });

  it('accepts a read concurrent with a write returning either the old or the new value', () => {
    expect(verdict([write(0, 1, 0, 10), read(1, null, 2, 3)], casRegister)).toBe('linearizable');
    expect(verdict([write(0, 1, 0, 10), read(1, 1, 2, 3)], casRegister)).toBe('linearizable');
  });

  it('accepts concurrent writes read in either order', () => {
    const writes = [write(0, 1, 0, 10), write(1, 2, 1, 11)];
    expect(verdict([...writes, read(2, 1, 12, 13)], casRegister)).toBe('linearizable');
    expect(verdict([...writes, read(2, 2, 12, 13)], casRegister)).toBe('linearizable');
  });

  it('rejects reads that see concurrent writes in both orders', () => {
    const history = [write(0, 1, 0, 10), write(1, 2, 1, 11), read(2, 1, 12, 13), read(2, 2, 14, 15), read(3, 1, 16, 17)];
    expect(verdict(history, casRegister)).toBe('not-linearizable');
  });

  it('rejects a read of a value never written', () => {
    expect(verdict([write(0, 1, 0, 1), read(1, 7, 2, 3)], register)).toBe('not-linearizable');
  });

  it('treats operations whose intervals touch as concurrent', () => {
    expect(verdict([write(0, 1, 0, 5), read(1, null, 5, 6)], register)).toBe('linearizable');
  });

  it('rejects a history where an operation returns before it is called', () => {
    expect(() => checkLinearizability([{ client: 0, input: { f: 'read' }, output: { value: null }, call: 5, ret: 4 }], register)).toThrow(
      InputError,
    );
  });

  it('accepts the empty history', () => {
    expect(verdict([], register)).toBe('linearizable');
  });
});

describe('pending operations', () => {
  it('a pending write may have taken effect', () => {
    expect(verdict([write(0, 1, 0), read(1, 1, 5, 6)], casRegister)).toBe('linearizable');
  });

  it('a pending write may not have taken effect', () => {
    expect(verdict([write(0, 1, 0), read(1, null, 5, 6)], casRegister)).toBe('linearizable');
  });

  it('a pending write takes effect at most once and not before its call', () => {
    expect(verdict([write(0, 1, 0), read(1, 1, 5, 6), read(1, null, 7, 8)], casRegister)).toBe('not-linearizable');
    expect(verdict([read(1, 1, 0, 1), write(0, 1, 2)], casRegister)).toBe('not-linearizable');
  });

  it('a pending cas takes effect only if the register holds its expected value at that point', () => {
    const setup = [write(0, 1, 0, 1)];
    expect(verdict([...setup, cas(1, 1, 2, true, 2), read(2, 2, 5, 6)], casRegister)).toBe('linearizable');
    expect(verdict([...setup, cas(1, 3, 2, true, 2), read(2, 2, 5, 6)], casRegister)).toBe('not-linearizable');
  });
});

describe('cas register', () => {
  it('accepts a cas that succeeds on the expected value', () => {
    expect(verdict([write(0, 1, 0, 1), cas(0, 1, 2, true, 2, 3), read(1, 2, 4, 5)], casRegister)).toBe('linearizable');
  });

  it('accepts a cas that fails on a different value', () => {
    expect(verdict([write(0, 1, 0, 1), cas(0, 3, 2, false, 2, 3), read(1, 1, 4, 5)], casRegister)).toBe('linearizable');
  });

  it('rejects a cas that fails although the register held the expected value', () => {
    expect(verdict([write(0, 1, 0, 1), cas(0, 1, 2, false, 2, 3)], casRegister)).toBe('not-linearizable');
  });

  it('rejects a cas that succeeds against nil', () => {
    expect(verdict([cas(0, 0, 1, true, 0, 1)], casRegister)).toBe('not-linearizable');
  });
});

describe('kv', () => {
  it('checks keys independently, one partition per key', () => {
    const history = [put(0, 'x', 'a', 0, 1), put(1, 'y', 'b', 2, 3), get(0, 'x', 'a', 4, 5), get(1, 'y', 'b', 6, 7), get(2, 'z', '', 8, 9)];
    const result = checkLinearizability(history, kv);
    expect(result.result).toBe('linearizable');
    expect(result.partitions).toBe(3);
  });

  it('reports the key whose history is not linearizable', () => {
    const history = [put(0, 'x', 'a', 0, 1), put(1, 'y', 'b', 2, 3), get(1, 'y', '', 4, 5)];
    const result = checkLinearizability(history, kv);
    expect(result.result).toBe('not-linearizable');
    expect(result.failure?.history.every((op) => op.input.key === 'y')).toBe(true);
  });

  it('concatenates appends and reads missing keys as ""', () => {
    const history = [get(0, 'k', '', 0, 1), append(0, 'k', 'a', 2, 3), append(1, 'k', 'b', 4, 5), get(2, 'k', 'ab', 6, 7)];
    expect(verdict(history, kv)).toBe('linearizable');
    expect(verdict([...history.slice(0, 3), get(2, 'k', 'ba', 6, 7)], kv)).toBe('not-linearizable');
  });
});

describe('the failure found', () => {
  it('names the operation that cannot be placed and the longest linearizable prefix', () => {
    const history = [write(0, 1, 0, 1), write(0, 2, 2, 3), read(1, 1, 4, 5)];
    const { failure } = checkLinearizability(history, casRegister);
    expect(failure?.blocked).toBe(2);
    expect(failure?.linearized).toEqual([0, 1]);
    expect(failure?.state).toBe(2);
  });
});

describe('time budget', () => {
  it('answers unknown, not a verdict, when the budget runs out', () => {
    // Twenty-two overlapping writes and an impossible read: refuting it means trying every subset.
    const writes = Array.from({ length: 22 }, (_, i) => write(i, i, i, 100 + i));
    const history = [...writes, read(99, 1000, 200, 201)];
    expect(checkLinearizability(history, casRegister, { timeoutMs: 20 }).result).toBe('unknown');
  });
});

describe('user specifications', () => {
  // A FIFO queue: enqueue(v); dequeue returns the oldest value or null when empty.
  type QIn = { op: 'enq'; value: number } | { op: 'deq' };
  type QOut = { value: number | null } | undefined;
  const queue = defineSequentialSpec<QIn, QOut, readonly number[]>({
    name: 'queue',
    init: () => [],
    step: (s, input, output) => {
      if (input.op === 'enq') return [...s, input.value];
      const head = s.length > 0 ? s[0]! : null;
      return output?.value === head ? s.slice(1) : undefined;
    },
    stepPending: (s, input) => [input.op === 'enq' ? [...s, input.value] : s.slice(1)],
  });

  it('checks histories against a specification built with defineSequentialSpec', () => {
    const enq = (c: number, v: number, call: number, ret: number) => ({ client: c, input: { op: 'enq' as const, value: v }, output: undefined, call, ret });
    const deq = (c: number, v: number | null, call: number, ret: number) => ({ client: c, input: { op: 'deq' as const }, output: { value: v }, call, ret });
    expect(verdict([enq(0, 1, 0, 10), enq(1, 2, 1, 11), deq(2, 2, 12, 13), deq(2, 1, 14, 15)], queue)).toBe('linearizable');
    expect(verdict([enq(0, 1, 0, 1), enq(1, 2, 2, 3), deq(2, 2, 4, 5)], queue)).toBe('not-linearizable');
  });
});

describe('linearizable (the property)', () => {
  it('is a boolean predicate that remembers verdicts by history fingerprint', () => {
    const holds = linearizable(casRegister, { memoSize: 2 });
    const good = [write(0, 1, 0, 1), read(1, 1, 2, 3)];
    const bad = [write(0, 1, 0, 1), read(1, null, 2, 3)];
    expect(holds(good)).toBe(true);
    expect(holds(bad)).toBe(false);
    expect(holds([...good])).toBe(true);
    expect(holds([write(0, 2, 0, 1)])).toBe(true); // evicts the oldest entry
    expect(holds(good)).toBe(true);
  });
});
