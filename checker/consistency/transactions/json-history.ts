// interleave's JSON format for histories of transactions.
//
// A document:
//
//     {"workload": "list-append",
//      "history": [
//        {"type": "invoke", "process": 0, "value": [["append", "x", 1], ["r", "y", null]]},
//        {"type": "ok",     "process": 0, "value": [["append", "x", 1], ["r", "y", [1, 2]]]}
//      ]}
//
// or the bare array of events, or JSON lines: one event object a line, optionally preceded by a
// header line {"workload": "…"}. An event has
// - `type`: "invoke", "ok", "fail" or "info" (Jepsen's completion types);
// - `process`: an integer or string naming the client; events of process "nemesis" are skipped;
// - `value`: the micro-operations, each `[f, key, value]` with f "append" or "r" (list-append) or
//   "w" or "r" (rw-register); keys are strings or numbers, values numbers or strings, a read not
//   yet known (in an invocation) null;
// - optionally `index` (the transaction is then named T<index>), `f` (events whose f is not
//   "txn" are skipped) and `time` (ignored: event order is real-time order).
// Without invoke events the history is completions only (see ./history-events.ts).

import { InputError } from '../../errors.ts';
import { asRecord, parseJsonDocument, parseJsonLines } from '../json-text.ts';
import { historyFromEvents, type TxnEvent } from './history-events.ts';
import { WORKLOADS, type MicroOp, type TxnHistory, type Workload } from './txn.ts';

export function looksLikeJsonTxns(firstLine: string): boolean {
  return firstLine.startsWith('{') || firstLine.startsWith('[');
}

/** Parses our JSON format; `workload` (from the command line) wins over the file's header. */
export function parseJsonTxnHistory(text: string, file: string, workload?: Workload): TxnHistory {
  const parsed = parseJsonDocument(text, file);
  if (parsed === undefined) return fromJsonLines(text, file, workload);
  const { document } = parsed;
  const lines = elementLines(text);
  if (Array.isArray(document)) return build(document, lines, file, workload, undefined);
  if (typeof document !== 'object' || document === null) throw new InputError(`${file}:1: expected a JSON object with "history"`);
  const record = document as Record<string, unknown>;
  if (!('history' in record)) return fromJsonLines(text, file, workload);
  if (!Array.isArray(record.history)) throw new InputError(`${file}:1: "history" must be an array of events`);
  return build(record.history, lines, file, workload, parseWorkload(record.workload, `${file}:1`));
}

function build(items: readonly unknown[], lines: readonly number[], file: string, cli: Workload | undefined, header: Workload | undefined): TxnHistory {
  const workload = cli ?? header;
  if (workload === undefined) throw new InputError(`${file}: the history does not say its workload; use --workload list-append|rw-register`);
  const events: TxnEvent[] = [];
  items.forEach((item, i) => {
    const event = toEvent(item, `${file}:${lines[i] ?? 1}`);
    if (event !== undefined) events.push(event);
  });
  return historyFromEvents(events, workload);
}

function fromJsonLines(text: string, file: string, cli: Workload | undefined): TxnHistory {
  let header: Workload | undefined;
  const items: unknown[] = [];
  const at: number[] = [];
  for (const { value, line } of parseJsonLines(text, file)) {
    const record = asRecord(value);
    if (record !== undefined && items.length === 0 && !('type' in record) && 'workload' in record) {
      header = parseWorkload(record.workload, `${file}:${line}`);
      continue;
    }
    items.push(value);
    at.push(line);
  }
  return build(items, at, file, cli, header);
}

function parseWorkload(w: unknown, at: string): Workload | undefined {
  if (w === undefined) return undefined;
  if (typeof w === 'string' && (WORKLOADS as readonly string[]).includes(w)) return w as Workload;
  throw new InputError(`${at}: unknown workload ${JSON.stringify(w)} (expected list-append or rw-register)`);
}

const TYPES = new Set(['invoke', 'ok', 'fail', 'info']);

function toEvent(value: unknown, at: string): TxnEvent | undefined {
  const fail = (m: string): never => {
    throw new InputError(`${at}: ${m}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('expected an event object');
  const r = value as Record<string, unknown>;
  if (r.process === 'nemesis') return undefined;
  if (r.f !== undefined && r.f !== 'txn') return undefined;
  if (typeof r.type !== 'string' || !TYPES.has(r.type)) return fail(`"type" must be "invoke", "ok", "fail" or "info"`);
  if (!(Number.isInteger(r.process) || typeof r.process === 'string')) return fail('"process" must be an integer or a string');
  if (r.index !== undefined && !Number.isInteger(r.index)) return fail('"index" must be an integer');
  if (!Array.isArray(r.value)) return fail('"value" must be a list of micro-operations [f, key, value]');
  const ops = r.value.map((m, j) => toMicroOp(m, `${at}: micro-operation ${j + 1}`));
  return {
    type: r.type as TxnEvent['type'],
    process: r.process as number | string,
    ops,
    where: at,
    ...(r.index === undefined ? {} : { index: r.index as number }),
  };
}

function toMicroOp(m: unknown, at: string): MicroOp {
  if (!Array.isArray(m) || m.length !== 3) throw new InputError(`${at}: expected [f, key, value]`);
  const [f, key, value] = m as [unknown, unknown, unknown];
  if (typeof key !== 'string' && !(typeof key === 'number' && Number.isFinite(key))) throw new InputError(`${at}: the key must be a string or a number`);
  if (f === 'append' || f === 'w') {
    if (typeof value !== 'string' && typeof value !== 'number') throw new InputError(`${at}: ${f} needs a number or string value`);
    return { f, key, value };
  }
  if (f === 'r') return { f, key, value: value as MicroOp['value'] };
  throw new InputError(`${at}: unknown micro-operation ${JSON.stringify(f)} (expected "append", "r" or "w")`);
}

/**
 * The line on which each element of the events array starts: the top-level array, or the array
 * under the top-level key "history". A light scan; the text is known to be valid JSON.
 */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let lastKey = '';
  let target = -1; // depth inside the events array
  let expectingElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (depth === target && expectingElement && c !== 93 /* ] */) {
      lines.push(line);
      expectingElement = false;
    }
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (depth === 1) lastKey = text.slice(i + 1, j);
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
      i = j;
      continue;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (c === 91 && target < 0 && (depth === 1 || (depth === 2 && lastKey === 'history'))) {
        target = depth;
        expectingElement = true;
      }
    } else if (c === 93 || c === 125) {
      depth--;
    } else if (c === 44 /* , */ && depth === target) {
      expectingElement = true;
    }
  }
  return lines;
}
