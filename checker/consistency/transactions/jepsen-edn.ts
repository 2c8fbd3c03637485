// Jepsen's native history format for transactional workloads (`history.edn`):
//
//     {:type :invoke, :f :txn, :value [[:append :x 1] [:r :y nil]], :process 3, :index 11, :time 5071}
//     {:type :ok, :f :txn, :value [[:append :x 1] [:r :y [1 2]]], :process 3, :index 12, :time 5093}
//
// one op map per line (or one vector of them). Ops of the nemesis (a non-integer process such as
// :nemesis) and ops whose :f is not :txn are skipped. Keyword keys read as their names (`:x` is
// key "x"); :time is ignored, since the order of the ops is their real-time order.

import { InputError } from '../../errors.ts';
import { ednGet, isEdnMap, isEdnSequence, isKeyword, readEdnForms, type EdnValue } from '../parse/edn.ts';
import { historyFromEvents, type TxnEvent } from './history-events.ts';
import type { Key, MicroOp, TxnHistory, Value, Workload } from './txn.ts';

export function looksLikeEdn(text: string): boolean {
  const m = /^(?:\s|;[^\n]*\n)*(\[\s*)?(\S)(\s*)(\S)?/.exec(text);
  if (m === null) return false;
  if (m[2] === '#') return true;
  return m[2] === '{' && m[4] === ':';
}

export function parseJepsenEdnHistory(text: string, file: string, workload: Workload): TxnHistory {
  const forms = readEdnForms(text, file);
  const ops: { value: EdnValue; where: string }[] = [];
  if (forms.length === 1 && isEdnSequence(forms[0]!.value) && !isEdnMap(forms[0]!.value)) {
    const form = forms[0]!;
    const items = (form.value as { items: readonly EdnValue[] }).items;
    items.forEach((value, i) => ops.push({ value, where: `${file}:${form.line} (op ${i + 1})` }));
  } else {
    for (const f of forms) ops.push({ value: f.value, where: `${file}:${f.line}` });
  }
  const events: TxnEvent[] = [];
  for (const { value, where } of ops) {
    const event = toEvent(value, where);
    if (event !== undefined) events.push(event);
  }
  return historyFromEvents(events, workload);
}

const TYPES = new Set(['invoke', 'ok', 'fail', 'info']);

function toEvent(op: EdnValue, where: string): TxnEvent | undefined {
  const fail = (m: string): never => {
    throw new InputError(`${where}: ${m}`);
  };
  if (!isEdnMap(op)) return fail('expected an op map {:type …, :f :txn, :value […], :process …}');
  const process = ednGet(op, keyword('process'));
  if (typeof process !== 'number' && typeof process !== 'string') return undefined; // the nemesis
  const f = ednGet(op, keyword('f'));
  if (f !== undefined && !isKeyword(f, 'txn')) return undefined;
  const type = ednGet(op, keyword('type'));
  if (!isKeyword(type) || !TYPES.has(type.name)) return fail(':type must be :invoke, :ok, :fail or :info');
  const index = ednGet(op, keyword('index'));
  const value = ednGet(op, keyword('value'));
  if (!isEdnSequence(value)) return fail(':value must be a vector of micro-operations [f k v]');
  const micro = value.items.map((m, j) => toMicroOp(m, `${where}: micro-operation ${j + 1}`));
  return { type: type.name as TxnEvent['type'], process, ops: micro, where, ...(typeof index === 'number' ? { index } : {}) };
}

function keyword(name: string): EdnValue {
  return { kind: 'keyword', name };
}

function toKey(v: EdnValue, at: string): Key {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (isKeyword(v)) return v.name;
  throw new InputError(`${at}: a key must be a keyword, a number or a string`);
}

function toValue(v: EdnValue, at: string): Value {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (isKeyword(v)) return `:${v.name}`;
  throw new InputError(`${at}: a value must be a number, a string or a keyword`);
}

function toMicroOp(m: EdnValue, at: string): MicroOp {
  if (!isEdnSequence(m) || m.items.length !== 3) throw new InputError(`${at}: expected [f k v]`);
  const [f, k, v] = m.items as [EdnValue, EdnValue, EdnValue];
  const key = toKey(k, at);
  if (isKeyword(f, 'append') || isKeyword(f, 'w')) return { f: (f as { name: 'append' | 'w' }).name, key, value: toValue(v, at) };
  if (!isKeyword(f, 'r')) throw new InputError(`${at}: unknown micro-operation ${isKeyword(f) ? `:${f.name}` : 'f'} (expected :append, :r or :w)`);
  if (v === null) return { f: 'r', key, value: null };
  if (isEdnSequence(v)) return { f: 'r', key, value: v.items.map((x) => toValue(x, at)) };
  return { f: 'r', key, value: toValue(v, at) };
}
