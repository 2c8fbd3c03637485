// Jepsen's native history format (`history.edn`): EDN op maps, one top-level form each (or all in
// one vector), in real-time order:
//
//     {:index 0, :time 1000, :type :invoke, :process 0, :f :cas, :value [1 2]}
//     {:index 1, :time 2000, :type :ok, :process 0, :f :cas, :value [1 2]}
//
// Read with Knossos's meaning, for its register models (`:f` is `:read`, `:write` or `:cas`):
// - `:invoke` starts an operation; the next `:ok`, `:fail` or `:info` of the same process ends it.
// - `:ok`: it happened, with the value given.
// - `:fail`: it did not happen (for every `:f`, a cas included), so it is left out.
// - `:info`, or an invocation never completed: it may have happened, at any point after its call, or
//   not at all: pending. Jepsen retires a process after `:info`; one that invokes again is an error.
// - a read whose value is nil: the value is unknown, so any value matches (Knossos); give
//   `--init` (or use a JSON history) to say what the register held before the first write.
// - events of other processes than integers (`:nemesis`) are not client operations: skipped.
// `:index` and `:time` are not needed: positions are the events' order in the file. Values are
// integers (exact up to 2^53), strings or nil. Tagged records (`#jepsen.history.Op{...}`) read as
// their maps.

import { InputError } from '../../errors.ts';
import type { Operation } from '../history.ts';
import type { CasRegisterInput, CasRegisterOutput } from '../specs/cas-register.ts';
import type { RegisterValue } from '../specs/register-value.ts';
import { ednGet, isEdnMap, isEdnSequence, isKeyword, printEdn, readEdnForms, type EdnMap, type EdnValue } from './edn.ts';
import type { ParsedHistory } from './parsed-history.ts';
import { UNKNOWN_OUTPUT } from './unknown-output.ts';

type Op = Operation<CasRegisterInput, CasRegisterOutput | typeof UNKNOWN_OUTPUT>;

const TYPES = ['invoke', 'ok', 'fail', 'info'] as const;
const FUNCTIONS = ['read', 'write', 'cas'] as const;
type Fn = (typeof FUNCTIONS)[number];

/** True when the first line of a file looks like EDN op maps (not a kv log, which is tried first). */
export function looksLikeEdn(firstLine: string): boolean {
  return /^([[(]\s*)?(\{\s*:|#[a-zA-Z_])|^;/.test(firstLine);
}

export function parseEdnHistory(text: string, file: string): ParsedHistory<CasRegisterInput, CasRegisterOutput> {
  const events = opEvents(text, file);
  const ops: (Op | undefined)[] = [];
  const where: string[] = [];
  const open = new Map<number, number>(); // process -> index in ops
  const retired = new Map<number, string>(); // process -> where its :info operation was invoked
  let position = 0;
  for (const { map, at } of events) {
    const fail = (message: string): never => {
      throw new InputError(`${at}: ${message}`);
    };
    const processValue = ednGet(map, 'process');
    if (processValue === undefined) fail('op map has no :process');
    // Only integer processes are clients; the nemesis and other named processes are skipped.
    if (typeof processValue !== 'number' || !Number.isInteger(processValue)) continue;
    const process = processValue;
    const typeValue = ednGet(map, 'type');
    const type = TYPES.find((t) => isKeyword(typeValue, t));
    if (type === undefined) fail(`expected :type :invoke, :ok, :fail or :info, got ${show(typeValue)}`);
    const fValue = ednGet(map, 'f');
    const fn = FUNCTIONS.find((f) => isKeyword(fValue, f));
    if (fn === undefined) fail(`expected :f :read, :write or :cas (register operations), got ${show(fValue)}`);
    const value = ednGet(map, 'value') ?? null;
    position++;

    if (type === 'invoke') {
      const openIndex = open.get(process);
      if (openIndex !== undefined) fail(`process ${process} invokes while its operation at ${where[openIndex]} is still open`);
      const retiredAt = retired.get(process);
      if (retiredAt !== undefined) {
        fail(`process ${process} invokes again after its operation at ${retiredAt} ended :info (it may still take effect; Jepsen gives such a client a new process)`);
      }
      open.set(process, ops.length);
      ops.push({ client: process, input: inputOf(fn!, value, fail), call: position });
      where.push(at);
      continue;
    }

    const index = open.get(process);
    if (index === undefined) fail(`process ${process} completes an operation it never invoked`);
    open.delete(process);
    const op = ops[index!]!;
    if (op.input.f !== fn) fail(`process ${process} invoked :${op.input.f} but completes :${fn}`);
    if (type === 'info') {
      retired.set(process, where[index!]!);
      continue;
    }
    if (type === 'fail') {
      ops[index!] = undefined; // it did not happen
      continue;
    }
    ops[index!] = { ...op, output: outputOf(fn!, value, fail), ret: position };
  }
  const history: Operation<CasRegisterInput, CasRegisterOutput>[] = [];
  const kept: string[] = [];
  ops.forEach((op, i) => {
    if (op === undefined) return;
    history.push(op as Operation<CasRegisterInput, CasRegisterOutput>);
    kept.push(where[i]!);
  });
  return { format: 'edn', model: 'cas-register', history, where: kept };
}

/** The op maps of the file: its top-level forms, or the items of a single top-level vector. */
function opEvents(text: string, file: string): { map: EdnMap; at: string }[] {
  const forms = readEdnForms(text, file);
  const atForm = (line: number, column: number): string => (column === 1 ? `${file}:${line}` : `${file}:${line}:${column}`);
  if (forms.length === 1 && isEdnSequence(forms[0]!.value)) {
    const form = forms[0]!;
    const items = (form.value as { items: readonly EdnValue[] }).items;
    return items.map((item, i) => {
      const at = `${atForm(form.line, form.column)}: op ${i}`;
      if (!isEdnMap(item)) throw new InputError(`${at}: expected an op map {:process … :type … :f … :value …}, got ${show(item)}`);
      return { map: item, at };
    });
  }
  return forms.map(({ value, line, column }) => {
    const at = atForm(line, column);
    if (!isEdnMap(value)) throw new InputError(`${at}: expected an op map {:process … :type … :f … :value …}, got ${show(value)}`);
    return { map: value, at };
  });
}

function inputOf(fn: Fn, value: EdnValue, fail: (message: string) => never): CasRegisterInput {
  switch (fn) {
    case 'read':
      return { f: 'read' };
    case 'write':
      return { f: 'write', value: registerValue(value, 'a write', fail) };
    case 'cas': {
      const [from, to] = casPair(value, fail);
      return { f: 'cas', from, to };
    }
  }
}

function outputOf(fn: Fn, value: EdnValue, fail: (message: string) => never): CasRegisterOutput | typeof UNKNOWN_OUTPUT {
  switch (fn) {
    case 'read':
      return value === null ? UNKNOWN_OUTPUT : { value: registerValue(value, 'a read', fail) };
    case 'write':
      return {};
    case 'cas':
      return { ok: true };
  }
}

function casPair(value: EdnValue, fail: (message: string) => never): [RegisterValue, RegisterValue] {
  if (!isEdnSequence(value) || value.kind === 'set' || value.items.length !== 2) {
    return fail(`a cas's value must be [from to], got ${show(value)}`);
  }
  return [registerValue(value.items[0]!, "a cas's from", fail), registerValue(value.items[1]!, "a cas's to", fail)];
}

/** A register holds integers, strings or nil; anything else is named with its type. */
function registerValue(value: EdnValue, what: string, fail: (message: string) => never): RegisterValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return fail(`${what}'s value ${value} is beyond 2^53, the largest integer a register holds exactly`);
  return fail(`${what}'s value must be an integer, a string or nil, got ${show(value)} (${typeName(value)})`);
}

function typeName(value: EdnValue): string {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'boolean':
      return 'a boolean';
    case 'number':
      return 'a float';
    case 'bigint':
      return 'an integer';
    case 'string':
      return 'a string';
  }
  return `a ${value.kind}`;
}

function show(value: EdnValue | undefined): string {
  if (value === undefined) return 'nothing';
  const text = printEdn(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
