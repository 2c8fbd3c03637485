// Jepsen client-operation logs (etcd tests), one event per line:
//
//     INFO  jepsen.util - <process> <type> <f> <value>
//
// Fields are separated by tabs or runs of spaces. Line order is real-time order, so an operation's
// call and return positions are its line numbers. `:ok` completes an operation; `:fail` on a cas is
// a definite compare mismatch (output ok=false), on a read or write it means "did not happen" and
// the operation is dropped; `:info` (and an invocation still open at the end) leaves the operation
// pending. Values are integers or nil; a cas value is `[from to]`.

import { InputError } from '../../errors.ts';
import type { Operation } from '../history.ts';
import type { CasRegisterInput, CasRegisterOutput } from '../specs/cas-register.ts';
import type { RegisterValue } from '../specs/register-value.ts';
import type { ParsedHistory } from './parsed-history.ts';

type Op = Operation<CasRegisterInput, CasRegisterOutput>;

const TYPES = [':invoke', ':ok', ':fail', ':info'];
const FUNCTIONS = [':read', ':write', ':cas'];

export function looksLikeJepsenLog(firstLine: string): boolean {
  return /^INFO\s+jepsen\.util\s+-\s/.test(firstLine);
}

export function parseJepsenLog(text: string, file: string): ParsedHistory<CasRegisterInput, CasRegisterOutput> {
  const ops: (Op | undefined)[] = [];
  const where: string[] = [];
  const open = new Map<number, number>(); // process -> index in ops
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '') continue;
    const lineNo = l + 1;
    const fail = (message: string): never => {
      throw new InputError(`${file}:${lineNo}: ${message}`);
    };
    const tokens = line.split(/\s+/);
    if (tokens.length < 6 || tokens[0] !== 'INFO' || tokens[1] !== 'jepsen.util' || tokens[2] !== '-') {
      fail(`expected 'INFO jepsen.util - <process> <type> <f> <value>', got '${line}'`);
    }
    const [, , , procText, type, f] = tokens as [string, string, string, string, string, string];
    const valueText = tokens.slice(6).join(' ');
    if (!/^\d+$/.test(procText)) fail(`expected a process number, got '${procText}'`);
    const process = Number(procText);
    if (!TYPES.includes(type)) fail(`expected ':invoke', ':ok', ':fail' or ':info', got '${type}'`);
    if (!FUNCTIONS.includes(f)) fail(`expected ':read', ':write' or ':cas', got '${f}'`);
    const fn = f.slice(1) as 'read' | 'write' | 'cas';

    if (type === ':invoke') {
      if (open.has(process)) fail(`process ${process} invokes while its previous operation is still open`);
      let input: CasRegisterInput;
      if (fn === 'read') input = { f: 'read' };
      else if (fn === 'write') input = { f: 'write', value: parseValue(valueText, fail) };
      else {
        const [from, to] = parsePair(valueText, fail);
        input = { f: 'cas', from, to };
      }
      open.set(process, ops.length);
      ops.push({ client: process, input, call: lineNo });
      where.push(`${file}:${lineNo}`);
      continue;
    }

    const index = open.get(process);
    if (index === undefined) fail(`process ${process} completes an operation it never invoked`);
    open.delete(process);
    const op = ops[index!]!;
    if (op.input.f !== fn) fail(`process ${process} invoked :${op.input.f} but completes ${f}`);
    if (type === ':info') continue; // indeterminate: stays pending
    if (type === ':fail') {
      if (fn === 'cas') ops[index!] = { ...op, output: { ok: false }, ret: lineNo };
      else ops[index!] = undefined; // it did not happen
      continue;
    }
    let output: CasRegisterOutput;
    if (fn === 'read') output = { value: parseValue(valueText, fail) };
    else if (fn === 'cas') output = { ok: true };
    else output = {};
    ops[index!] = { ...op, output, ret: lineNo };
  }
  const history: Op[] = [];
  const kept: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op === undefined) continue;
    history.push(op);
    kept.push(where[i]!);
  }
  return { format: 'jepsen-log', model: 'cas-register', history, where: kept };
}

function parseValue(text: string, fail: (message: string) => never): RegisterValue {
  if (text === 'nil') return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  return fail(`expected an integer or nil, got '${text}'`);
}

function parsePair(text: string, fail: (message: string) => never): [RegisterValue, RegisterValue] {
  const m = /^\[\s*(\S+)\s+(\S+)\s*\]$/.exec(text);
  if (m === null) return fail(`expected a cas value '[from to]', got '${text}'`);
  return [parseValue(m[1]!, fail), parseValue(m[2]!, fail)];
}
