// interleave's own history format, JSON, in either of two shapes.
//
// A document:
//
//     {"model": "kv", "operations": [
//       {"client": 0, "input": {"f": "put", "key": "x", "value": "1"}, "output": {}, "call": 0, "ret": 3},
//       {"client": 1, "input": {"f": "get", "key": "x"}, "call": 1}
//     ]}
//
// or JSON lines: one operation object a line, optionally preceded by a header line {"model": "kv"}.
// Operations are exactly the in-memory `Operation` (see ../history.ts): `ret` and `output` are left
// out for a pending operation. `model` is optional (`register`, `cas-register` or `kv`); the inputs
// and outputs each model expects are documented with the model in ../specs/.
//
// Every operation listed happened or may have happened; JSON has no "fail": an operation known not
// to have happened is left out, and a cas that returned false is {"output": {"ok": false}}, a
// definite compare mismatch. An operation that returned (`ret`) without its output being observed
// says `"outputUnknown": true` instead of giving `output`: for a read or get it matches any value
// (./unknown-output.ts). Each client has at most one operation at a time: overlapping operations of
// one client, or an operation after one of its pending ones, are an input error.

import { InputError } from '../../errors.ts';
import type { Operation } from '../history.ts';
import { asRecord, parseJsonDocument, parseJsonLines } from '../json-text.ts';
import { isBuiltinSpecName, type BuiltinSpecName } from '../specs/index.ts';
import { assertOneOperationPerClient } from './client-overlap.ts';
import type { ParsedHistory } from './parsed-history.ts';
import { UNKNOWN_OUTPUT } from './unknown-output.ts';

export function looksLikeJson(firstLine: string): boolean {
  return firstLine.startsWith('{"') || firstLine.startsWith('[') || firstLine === '{';
}

export function parseJsonHistory(text: string, file: string): ParsedHistory {
  const parsed = parseJsonDocument(text, file);
  if (parsed === undefined) return fromJsonLines(text, file);
  const { document } = parsed;
  if (Array.isArray(document)) return fromOperations(document, undefined, file);
  if (typeof document !== 'object' || document === null) {
    throw new InputError(`${file}: expected a JSON object with "operations"`);
  }
  const record = document as Record<string, unknown>;
  if (!('operations' in record)) {
    // A single-line JSON-lines file holds one operation (or only a header).
    return fromJsonLines(text, file);
  }
  if (!Array.isArray(record.operations)) throw new InputError(`${file}: "operations" must be an array`);
  return fromOperations(record.operations, parseModel(record.model, file), file);
}

function fromJsonLines(text: string, file: string): ParsedHistory {
  let model: BuiltinSpecName | undefined;
  const history: Operation[] = [];
  const where: string[] = [];
  for (const { value, line } of parseJsonLines(text, file)) {
    const at = `${file}:${line}`;
    const record = asRecord(value);
    if (record !== undefined && history.length === 0 && model === undefined && !('input' in record) && 'model' in record) {
      model = parseModel(record.model, at);
      continue;
    }
    history.push(toOperation(value, at));
    where.push(at);
  }
  assertOneOperationPerClient(history, where);
  return { format: 'json', model, history, where };
}

function fromOperations(items: readonly unknown[], model: BuiltinSpecName | undefined, file: string): ParsedHistory {
  const history: Operation[] = [];
  const where: string[] = [];
  items.forEach((item, i) => {
    const at = `${file}: operations[${i}]`;
    history.push(toOperation(item, at));
    where.push(at);
  });
  assertOneOperationPerClient(history, where);
  return { format: 'json', model, history, where };
}

function parseModel(model: unknown, at: string): BuiltinSpecName | undefined {
  if (model === undefined) return undefined;
  if (typeof model === 'string' && isBuiltinSpecName(model)) return model;
  throw new InputError(`${at}: unknown model ${JSON.stringify(model)} (expected register, cas-register or kv)`);
}

function toOperation(value: unknown, at: string): Operation {
  const fail = (message: string): never => {
    throw new InputError(`${at}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected an operation object');
  const r = value as Record<string, unknown>;
  if (!Number.isInteger(r.client)) fail('"client" must be an integer');
  if (typeof r.call !== 'number' || !Number.isFinite(r.call)) fail('"call" must be a finite number');
  if (!('input' in r)) fail('missing "input"');
  const op: Operation = { client: r.client as number, input: r.input, call: r.call as number };
  if (r.ret !== undefined && r.ret !== null) {
    if (typeof r.ret !== 'number' || !Number.isFinite(r.ret)) fail('"ret" must be a finite number or absent');
    if ((r.ret as number) < op.call) fail(`"ret" (${String(r.ret)}) is before "call" (${op.call})`);
    op.ret = r.ret as number;
    if (r.outputUnknown === true) {
      if (r.output !== undefined) fail('give either "output" or "outputUnknown": true, not both');
      op.output = UNKNOWN_OUTPUT;
    } else op.output = r.output;
  } else if (r.outputUnknown !== undefined) {
    fail('"outputUnknown" needs "ret": a pending operation has no output to know');
  }
  if (r.outputUnknown !== undefined && typeof r.outputUnknown !== 'boolean') fail('"outputUnknown" must be true or false');
  return op;
}
