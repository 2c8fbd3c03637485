// Key/value logs in the MIT 6.824 / Porcupine style: one EDN map per line,
//
//     {:process P, :type :invoke|:ok|:fail|:info, :f :get|:put|:append, :key "K", :value "V"|nil}
//
// Line order is real-time order; positions are line numbers. An operation completes at the next
// line of the same process. `:fail` drops the operation (it did not happen); `:info`, or an
// invocation open at the end, leaves it pending.

import { InputError } from '../../errors.ts';
import type { Operation } from '../history.ts';
import type { KvInput, KvOutput } from '../specs/kv.ts';
import type { ParsedHistory } from './parsed-history.ts';

type Op = Operation<KvInput, KvOutput>;

const LINE =
  /^\{\s*:process\s+(\S+?),\s*:type\s+(\S+?),\s*:f\s+(\S+?),\s*:key\s+"([^"]*)",\s*:value\s+(nil|"[^"]*")\s*\}$/;

export function looksLikeKvLog(firstLine: string): boolean {
  return LINE.test(firstLine);
}

export function parseKvLog(text: string, file: string): ParsedHistory<KvInput, KvOutput> {
  const ops: (Op | undefined)[] = [];
  const where: string[] = [];
  const open = new Map<number, number>();
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '') continue;
    const lineNo = l + 1;
    const fail = (message: string): never => {
      throw new InputError(`${file}:${lineNo}: ${message}`);
    };
    const m = LINE.exec(line);
    if (m === null) fail(`expected '{:process P, :type T, :f F, :key "K", :value V}', got '${line}'`);
    const [, procText, type, f, key, valueText] = m as unknown as [string, string, string, string, string, string];
    if (!/^\d+$/.test(procText)) fail(`expected a process number, got '${procText}'`);
    const process = Number(procText);
    if (![':invoke', ':ok', ':fail', ':info'].includes(type)) {
      fail(`expected ':invoke', ':ok', ':fail' or ':info', got '${type}'`);
    }
    if (![':get', ':put', ':append'].includes(f)) fail(`expected ':get', ':put' or ':append', got '${f}'`);
    const fn = f.slice(1) as KvInput['f'];
    const value = valueText === 'nil' ? undefined : valueText.slice(1, -1);

    if (type === ':invoke') {
      if (open.has(process)) fail(`process ${process} invokes while its previous operation is still open`);
      let input: KvInput;
      if (fn === 'get') input = { f: 'get', key };
      else if (value === undefined) return fail(`:${fn} needs a string value, got nil`);
      else input = { f: fn, key, value };
      open.set(process, ops.length);
      ops.push({ client: process, input, call: lineNo });
      where.push(`${file}:${lineNo}`);
      continue;
    }
    const index = open.get(process);
    if (index === undefined) fail(`process ${process} completes an operation it never invoked`);
    open.delete(process);
    const op = ops[index!]!;
    if (op.input.f !== fn || op.input.key !== key) fail(`process ${process} completes a different operation than it invoked`);
    if (type === ':info') continue;
    if (type === ':fail') {
      ops[index!] = undefined;
      continue;
    }
    if (fn === 'get' && value === undefined) fail('a completed :get needs a string value, got nil');
    ops[index!] = { ...op, output: fn === 'get' ? { value: value! } : {}, ret: lineNo };
  }
  const history: Op[] = [];
  const kept: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op === undefined) continue;
    history.push(op);
    kept.push(where[i]!);
  }
  return { format: 'kv-log', model: 'kv', history, where: kept };
}
