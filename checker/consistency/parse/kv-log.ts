// Key/value logs in the MIT 6.824 / Porcupine style: one EDN map per line,
//
//     {:process P, :type :invoke|:ok|:fail|:info, :f :get|:put|:append, :key "K", :value "V"|nil}
//
// Line order is real-time order; positions are line numbers. An operation completes at the next
// line of the same process. `:fail` drops the operation (it did not happen); `:info`, or an
// invocation open at the end, leaves it pending.

import type { KvInput, KvOutput } from '../specs/kv.ts';
import { eachLine, LoggedOperations, parseEventType, parseProcess } from './line-log.ts';
import type { ParsedHistory } from './parsed-history.ts';

const LINE =
  /^\{\s*:process\s+(\S+?),\s*:type\s+(\S+?),\s*:f\s+(\S+?),\s*:key\s+"([^"]*)",\s*:value\s+(nil|"[^"]*")\s*\}$/;

export function looksLikeKvLog(firstLine: string): boolean {
  return LINE.test(firstLine);
}

export function parseKvLog(text: string, file: string): ParsedHistory<KvInput, KvOutput> {
  const ops = new LoggedOperations<KvInput, KvOutput>(file);
  eachLine(text, file, (line, lineNo, fail) => {
    const m = LINE.exec(line);
    if (m === null) fail(`expected '{:process P, :type T, :f F, :key "K", :value V}', got '${line}'`);
    const [, procText, typeText, f, key, valueText] = m as unknown as [string, string, string, string, string, string];
    const process = parseProcess(procText, fail);
    const type = parseEventType(typeText, fail);
    if (![':get', ':put', ':append'].includes(f)) fail(`expected ':get', ':put' or ':append', got '${f}'`);
    const fn = f.slice(1) as KvInput['f'];
    const value = valueText === 'nil' ? undefined : valueText.slice(1, -1);

    if (type === ':invoke') {
      let input: KvInput;
      if (fn === 'get') input = { f: 'get', key };
      else if (value === undefined) return fail(`:${fn} needs a string value, got nil`);
      else input = { f: fn, key, value };
      ops.invoke(process, input, lineNo, fail);
      return;
    }
    const index = ops.complete(process, fail);
    const invoked = ops.invocation(index).input;
    if (invoked.f !== fn || invoked.key !== key) fail(`process ${process} completes a different operation than it invoked`);
    if (type === ':info') return;
    if (type === ':fail') {
      ops.drop(index);
      return;
    }
    if (fn === 'get' && value === undefined) fail('a completed :get needs a string value, got nil');
    ops.returned(index, fn === 'get' ? { value: value! } : {}, lineNo);
  });
  return { format: 'kv-log', model: 'kv', ...ops.kept() };
}
