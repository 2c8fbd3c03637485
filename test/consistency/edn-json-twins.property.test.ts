// Property: a Jepsen EDN history and its JSON twin (the same operations, written as the JSON format
// says them: `:fail` left out, `:info` without a return, a nil read as "outputUnknown") get the same
// verdict, from either initial value.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import { checkableHistory } from '../../checker/consistency/parse/checkable-history.ts';

type Fn = 'read' | 'write' | 'cas';
type Outcome = 'ok' | 'fail' | 'info';

interface Invocation {
  fn: Fn;
  /** write: the value; cas: [from, to]; read: the value an :ok returns (null: nil, unknown). */
  value: number | null | [number, number];
  outcome: Outcome | 'never';
}

/** One step of the test run: a client starts its next operation, one completes, or the nemesis acts. */
type Step = { kind: 'start'; client: number; op: Invocation } | { kind: 'complete'; client: number } | { kind: 'nemesis' };

const value = fc.integer({ min: 0, max: 2 });
const invocation: fc.Arbitrary<Invocation> = fc.oneof(
  fc.record({ fn: fc.constant<Fn>('read'), value: fc.option(value, { nil: null, freq: 2 }), outcome: fc.constantFrom<Outcome | 'never'>('ok', 'ok', 'fail', 'info', 'never') }),
  fc.record({ fn: fc.constant<Fn>('write'), value, outcome: fc.constantFrom<Outcome | 'never'>('ok', 'ok', 'fail', 'info', 'never') }),
  fc.record({ fn: fc.constant<Fn>('cas'), value: fc.tuple(value, value), outcome: fc.constantFrom<Outcome | 'never'>('ok', 'fail', 'info', 'never') }),
);
const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('start' as const), client: fc.integer({ min: 0, max: 2 }), op: invocation }),
    fc.record({ kind: fc.constant('complete' as const), client: fc.integer({ min: 0, max: 2 }) }),
    fc.constant({ kind: 'nemesis' as const }),
  ),
  { maxLength: 16 },
);

interface Twins {
  edn: string;
  json: string;
}

/**
 * Plays `steps` as Jepsen would record them. Clients have at most one operation at a time; after
 * `:info` a client gets a new process number (as Jepsen does), since its operation may still act.
 */
function twins(plan: Step[]): Twins {
  const ednLines = ['{:type :info, :f :start, :value nil, :process :nemesis, :time 0}'];
  const jsonOps: { op: Record<string, unknown>; index: number }[] = [];
  const processOf = [0, 1, 2];
  const running = new Map<number, { op: Invocation; json: Record<string, unknown> | undefined }>();
  const showValue = (v: Invocation['value']): string => (v === null ? 'nil' : Array.isArray(v) ? `[${v[0]} ${v[1]}]` : String(v));
  const emit = (process: number, type: string, fn: Fn, v: Invocation['value']) => {
    ednLines.push(`{:type :${type}, :f :${fn}, :value ${showValue(v)}, :process ${process}, :time ${ednLines.length * 10}}`);
  };
  for (const step of plan) {
    const position = ednLines.length;
    if (step.kind === 'nemesis') {
      ednLines.push(`{:type :info, :f :partition, :value #{:n1 :n2}, :process :nemesis, :time ${position * 10}}`);
      continue;
    }
    const process = processOf[step.client]!;
    const current = running.get(step.client);
    if (step.kind === 'start') {
      if (current !== undefined) continue;
      const { op } = step;
      const input = op.fn === 'read' ? { f: 'read' } : op.fn === 'write' ? { f: 'write', value: op.value } : { f: 'cas', from: (op.value as number[])[0], to: (op.value as number[])[1] };
      emit(process, 'invoke', op.fn, op.fn === 'read' ? null : op.value);
      const json = { client: process, input, call: position };
      jsonOps.push({ op: json, index: jsonOps.length });
      running.set(step.client, { op, json });
      continue;
    }
    if (current === undefined || current.op.outcome === 'never') continue;
    running.delete(step.client);
    const { op, json } = current;
    emit(process, op.outcome, op.fn, op.value);
    if (op.outcome === 'fail') {
      const at = jsonOps.findIndex((o) => o.op === json);
      jsonOps.splice(at, 1);
    } else if (op.outcome === 'info') {
      processOf[step.client] = process + 3;
    } else {
      json!.ret = position;
      if (op.fn === 'read') {
        if (op.value === null) json!.outputUnknown = true;
        else json!.output = { value: op.value };
      } else json!.output = op.fn === 'cas' ? { ok: true } : {};
    }
  }
  const json = [JSON.stringify({ model: 'cas-register' }), ...jsonOps.map((o) => JSON.stringify(o.op))].join('\n');
  return { edn: ednLines.join('\n'), json };
}

function verdict(text: string, file: string, init: string): string {
  const { spec, history } = checkableHistory(text, file, { init });
  return checkLinearizability(history, spec).result;
}

describe('EDN histories and their JSON twins', () => {
  it('get the same verdict', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(steps, fc.constantFrom('nil', '0'), (plan, init) => {
        const { edn, json } = twins(plan);
        const fromEdn = verdict(edn, 'h.edn', init);
        seen.add(fromEdn);
        expect(fromEdn).toBe(verdict(json, 'h.jsonl', init));
      }),
      { numRuns: 300 },
    );
    // Both verdicts occur, so the property says something about each.
    expect(seen).toEqual(new Set(['linearizable', 'not-linearizable']));
  });
});
