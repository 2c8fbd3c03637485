// Jepsen client-operation logs (etcd tests), one event per line:
//
//     INFO  jepsen.util - <process> <type> <f> <value>
//
// Fields are separated by tabs or runs of spaces. Line order is real-time order, so an operation's
// call and return positions are its line numbers. `:ok` completes an operation; `:fail` on a cas is
// a definite compare mismatch (output ok=false), on a read or write it means "did not happen" and
// the operation is dropped; `:info` (and an invocation still open at the end) leaves the operation
// pending. Values are integers or nil; a cas value is `[from to]`.

import type { CasRegisterInput, CasRegisterOutput } from '../specs/cas-register.ts';
import type { RegisterValue } from '../specs/register-value.ts';
import { eachLine, LoggedOperations, parseEventType, parseProcess, type Fail } from './line-log.ts';
import type { ParsedHistory } from './parsed-history.ts';

const FUNCTIONS = [':read', ':write', ':cas'];

export function looksLikeJepsenLog(firstLine: string): boolean {
  return /^INFO\s+jepsen\.util\s+-\s/.test(firstLine);
}

export function parseJepsenLog(text: string, file: string): ParsedHistory<CasRegisterInput, CasRegisterOutput> {
  const ops = new LoggedOperations<CasRegisterInput, CasRegisterOutput>(file);
  eachLine(text, file, (line, lineNo, fail) => {
    const tokens = line.split(/\s+/);
    if (tokens.length < 6 || tokens[0] !== 'INFO' || tokens[1] !== 'jepsen.util' || tokens[2] !== '-') {
      fail(`expected 'INFO jepsen.util - <process> <type> <f> <value>', got '${line}'`);
    }
    const [, , , procText, typeText, f] = tokens as [string, string, string, string, string, string];
    const valueText = tokens.slice(6).join(' ');
    const process = parseProcess(procText, fail);
    const type = parseEventType(typeText, fail);
    if (!FUNCTIONS.includes(f)) fail(`expected ':read', ':write' or ':cas', got '${f}'`);
    const fn = f.slice(1) as 'read' | 'write' | 'cas';

    if (type === ':invoke') {
      let input: CasRegisterInput;
      if (fn === 'read') input = { f: 'read' };
      else if (fn === 'write') input = { f: 'write', value: parseValue(valueText, fail) };
      else {
        const [from, to] = parsePair(valueText, fail);
        input = { f: 'cas', from, to };
      }
      ops.invoke(process, input, lineNo, fail);
      return;
    }

    const index = ops.complete(process, fail);
    const invoked = ops.invocation(index).input.f;
    if (invoked !== fn) fail(`process ${process} invoked :${invoked} but completes ${f}`);
    if (type === ':info') return; // indeterminate: stays pending
    if (type === ':fail') {
      if (fn === 'cas') ops.returned(index, { ok: false }, lineNo);
      else ops.drop(index); // it did not happen
      return;
    }
    let output: CasRegisterOutput;
    if (fn === 'read') output = { value: parseValue(valueText, fail) };
    else if (fn === 'cas') output = { ok: true };
    else output = {};
    ops.returned(index, output, lineNo);
  });
  return { format: 'jepsen-log', model: 'cas-register', ...ops.kept() };
}

function parseValue(text: string, fail: Fail): RegisterValue {
  if (text === 'nil') return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  return fail(`expected an integer or nil, got '${text}'`);
}

function parsePair(text: string, fail: Fail): [RegisterValue, RegisterValue] {
  const m = /^\[\s*(\S+)\s+(\S+)\s*\]$/.exec(text);
  if (m === null) return fail(`expected a cas value '[from to]', got '${text}'`);
  return [parseValue(m[1]!, fail), parseValue(m[2]!, fail)];
}
