// A real run's history on disk: our JSON (what `interleave lincheck` reads; json-history.ts) and
// Jepsen's EDN (`history.edn`: :invoke, then :ok, or :info for an operation that never completed,
// with :time in nanoseconds since the run started).

import { writeFileSync } from 'node:fs';
import { printEdn, type EdnValue } from '../consistency/parse/edn.ts';
import { isBuiltinSpecName } from '../consistency/specs/index.ts';
import type { RunOperation } from './run-history.ts';

/** `model` is named in the file when lincheck knows it (a user's own spec is left unnamed). */
export function writeJsonHistory(file: string, model: string, operations: readonly RunOperation[]): void {
  const ops = operations.map((op) =>
    op.ret === undefined ? { client: op.client, input: op.input, call: op.call } : { client: op.client, input: op.input, output: op.output, call: op.call, ret: op.ret },
  );
  const header = isBuiltinSpecName(model) ? `"model": ${JSON.stringify(model)}, ` : '';
  writeFileSync(file, `{${header}"operations": [\n${ops.map((o) => JSON.stringify(o)).join(',\n')}\n]}\n`);
}

/** An operation's value as EDN: nil, numbers, booleans, strings and vectors; anything else as its JSON text. */
function edn(value: unknown): EdnValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return { kind: 'vector', items: value.map(edn) };
  return JSON.stringify(value);
}

interface Fields {
  readonly f: string;
  readonly invoke: unknown;
  readonly ok: unknown;
}

/** Jepsen's :f and :value for an operation: a register's read/write/cas, a kv's [key value]. */
function fieldsOf(op: RunOperation): Fields {
  const input = (op.input ?? {}) as Record<string, unknown>;
  const output = (op.output ?? {}) as Record<string, unknown>;
  const f = typeof input.f === 'string' ? input.f : 'op';
  switch (f) {
    case 'read':
      return { f, invoke: null, ok: output.value ?? null };
    case 'write':
      return { f, invoke: input.value, ok: input.value };
    case 'cas':
      return { f, invoke: [input.from, input.to], ok: [input.from, input.to] };
    default:
      if ('key' in input) return { f, invoke: [input.key, input.value ?? null], ok: [input.key, output.value ?? input.value ?? null] };
      return { f, invoke: input, ok: output };
  }
}

export function writeEdnHistory(file: string, operations: readonly RunOperation[], endMicros: number): void {
  const events: { t: number; line: (index: number) => string }[] = [];
  for (const op of operations) {
    const { f, invoke, ok } = fieldsOf(op);
    const map = (type: string, value: unknown, t: number) => (index: number) =>
      `{:index ${index}, :time ${Math.round(t * 1000)}, :type :${type}, :process ${op.client}, :f :${f}, :value ${printEdn(edn(value))}}`;
    events.push({ t: op.call, line: map('invoke', invoke, op.call) });
    // A cas that found another value did not happen: Jepsen's :fail.
    const failed = f === 'cas' && (op.output as { ok?: boolean } | undefined)?.ok === false;
    if (op.ret !== undefined) events.push({ t: op.ret, line: map(failed ? 'fail' : 'ok', ok, op.ret) });
    else events.push({ t: endMicros, line: map('info', invoke, endMicros) });
  }
  // Stable: an invocation and a completion at one instant keep their order.
  events.sort((a, b) => a.t - b.t);
  writeFileSync(file, events.map((e, i) => e.line(i)).join('\n') + '\n');
}
