// Property-based tests: the checker agrees with constructions whose answer is known, and with a
// brute-force search over all orders on small random histories.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { History, Operation } from '../../checker/consistency/history.ts';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import type { SequentialSpec } from '../../checker/consistency/sequential-spec.ts';
import { casRegister, kv, type CasRegisterInput, type CasRegisterOutput, type KvInput, type KvOutput } from '../../checker/consistency/specs/index.ts';

const registerInput: fc.Arbitrary<CasRegisterInput> = fc.oneof(
  fc.constant({ f: 'read' as const }),
  fc.record({ f: fc.constant('write' as const), value: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ f: fc.constant('cas' as const), from: fc.integer({ min: 0, max: 3 }), to: fc.integer({ min: 0, max: 3 }) }),
);

const kvInput: fc.Arbitrary<KvInput> = fc.oneof(
  fc.record({ f: fc.constant('get' as const), key: fc.constantFrom('a', 'b') }),
  fc.record({ f: fc.constantFrom('put' as const, 'append' as const), key: fc.constantFrom('a', 'b'), value: fc.constantFrom('x', 'y', 'zz') }),
);

/** Runs `input` on a sequential object: the output it returns and the next state. */
function runRegister(state: number | null, input: CasRegisterInput): [CasRegisterOutput, number | null] {
  if (input.f === 'read') return [{ value: state }, state];
  if (input.f === 'write') return [{}, input.value as number];
  return state === input.from ? [{ ok: true }, input.to as number] : [{ ok: false }, state];
}

function runKv(state: Map<string, string>, input: KvInput): [KvOutput, Map<string, string>] {
  const current = state.get(input.key) ?? '';
  if (input.f === 'get') return [{ value: current }, state];
  const next = new Map(state);
  next.set(input.key, input.f === 'put' ? input.value : current + input.value);
  return [{}, next];
}

interface Shape<I> {
  inputs: I[];
  /** Per operation: how far before and after its linearization point it is called and returns. */
  before: number[];
  after: number[];
  pending: boolean[];
}

function shape<I>(input: fc.Arbitrary<I>): fc.Arbitrary<Shape<I>> {
  return fc.integer({ min: 1, max: 24 }).chain((n) =>
    fc.record({
      inputs: fc.array(input, { minLength: n, maxLength: n }),
      before: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: n, maxLength: n }),
      after: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: n, maxLength: n }),
      pending: fc.array(fc.boolean(), { minLength: n, maxLength: n }).map((ps) => ps.map((p, i) => p && i % 3 === 0)),
    }),
  );
}

/**
 * A concurrent history linearizable by construction: operation i takes effect at point 100·i, its
 * output is what a sequential object returns there, and its interval is stretched around that point.
 */
function build<I, O, S>(s: Shape<I>, init: S, run: (state: S, input: I) => [O, S]): Operation<I, O>[] {
  let state = init;
  return s.inputs.map((input, i) => {
    const [output, next] = run(state, input);
    state = next;
    const call = 100 * i - s.before[i]!;
    return s.pending[i] ? { client: i, input, call } : { client: i, input, output, call, ret: 100 * i + s.after[i]! };
  });
}

describe('histories linearizable by construction', () => {
  it('are accepted (cas register)', () => {
    fc.assert(
      fc.property(shape(registerInput), (s) => {
        const history = build(s, null as number | null, runRegister);
        expect(checkLinearizability(history, casRegister).result).toBe('linearizable');
      }),
      { numRuns: 300 },
    );
  });

  it('are accepted (kv)', () => {
    fc.assert(
      fc.property(shape(kvInput), (s) => {
        const history = build(s, new Map<string, string>(), runKv);
        expect(checkLinearizability(history, kv).result).toBe('linearizable');
      }),
      { numRuns: 300 },
    );
  });

  it('are rejected once a read returns a value never written', () => {
    fc.assert(
      fc.property(shape(registerInput), fc.nat(), (s, pick) => {
        const history = build(s, null as number | null, runRegister);
        const reads = history.map((op, i) => i).filter((i) => history[i]!.input.f === 'read' && history[i]!.ret !== undefined);
        fc.pre(reads.length > 0);
        const i = reads[pick % reads.length]!;
        history[i] = { ...history[i]!, output: { value: 99 } };
        expect(checkLinearizability(history, casRegister).result).toBe('not-linearizable');
      }),
      { numRuns: 300 },
    );
  });

  it('are rejected once a get returns a value never written (kv)', () => {
    fc.assert(
      fc.property(shape(kvInput), fc.nat(), (s, pick) => {
        const history = build(s, new Map<string, string>(), runKv);
        const gets = history.map((op, i) => i).filter((i) => history[i]!.input.f === 'get' && history[i]!.ret !== undefined);
        fc.pre(gets.length > 0);
        const i = gets[pick % gets.length]!;
        history[i] = { ...history[i]!, output: { value: 'never' } };
        expect(checkLinearizability(history, kv).result).toBe('not-linearizable');
      }),
      { numRuns: 300 },
    );
  });
});

/** Linearizability by trying every order: the definition, executable on tiny histories. */
function bruteForce<I, O, S>(history: History<I, O>, spec: SequentialSpec<I, O, S>): boolean {
  const search = (remaining: readonly number[], state: S): boolean => {
    if (remaining.every((i) => history[i]!.ret === undefined)) return true;
    for (const i of remaining) {
      const op = history[i]!;
      // `i` can go next only if no remaining operation returned before it was called.
      if (remaining.some((j) => history[j]!.ret !== undefined && history[j]!.ret! < op.call)) continue;
      const rest = remaining.filter((j) => j !== i);
      const nexts = op.ret === undefined ? spec.stepPending(state, op.input) : [spec.step(state, op.input, op.output as O)];
      for (const next of nexts) if (next !== undefined && search(rest, next)) return true;
      // A pending operation may also never take effect.
      if (op.ret === undefined && search(rest, state)) return true;
    }
    return false;
  };
  return search(history.map((_, i) => i), spec.init());
}

const registerOp: fc.Arbitrary<Operation<CasRegisterInput, CasRegisterOutput>> = fc
  .record({
    input: registerInput,
    readValue: fc.constantFrom(null, 0, 1, 2),
    ok: fc.boolean(),
    call: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 0, max: 10 }),
    pending: fc.boolean(),
  })
  .map(({ input, readValue, ok, call, length, pending }, ) => {
    const output: CasRegisterOutput = input.f === 'read' ? { value: readValue } : input.f === 'cas' ? { ok } : {};
    return pending && input.f !== 'read' ? { client: 0, input, call } : { client: 0, input, output, call, ret: call + length };
  });

const kvOp: fc.Arbitrary<Operation<KvInput, KvOutput>> = fc
  .record({
    input: fc.oneof(
      fc.record({ f: fc.constant('get' as const), key: fc.constantFrom('a', 'b') }),
      fc.record({ f: fc.constantFrom('put' as const, 'append' as const), key: fc.constantFrom('a', 'b'), value: fc.constantFrom('x', 'y') }),
    ),
    got: fc.constantFrom('', 'x', 'y', 'xy', 'yx', 'xx'),
    call: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 0, max: 10 }),
    pending: fc.boolean(),
  })
  .map(({ input, got, call, length, pending }) => {
    const output: KvOutput = input.f === 'get' ? { value: got } : {};
    return pending && input.f !== 'get' ? { client: 0, input, call } : { client: 0, input, output, call, ret: call + length };
  });

describe('random small histories', () => {
  it('get the same verdict as trying every order (kv, partitioned)', () => {
    fc.assert(
      fc.property(fc.array(kvOp, { minLength: 0, maxLength: 7 }), (ops) => {
        const history = ops.map((op, client) => ({ ...op, client }));
        const expected = bruteForce(history, kv) ? 'linearizable' : 'not-linearizable';
        expect(checkLinearizability(history, kv).result).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('get the same verdict as trying every order', () => {
    fc.assert(
      fc.property(fc.array(registerOp, { minLength: 0, maxLength: 6 }), (ops) => {
        const history = ops.map((op, client) => ({ ...op, client }));
        const expected = bruteForce(history, casRegister) ? 'linearizable' : 'not-linearizable';
        expect(checkLinearizability(history, casRegister).result).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
