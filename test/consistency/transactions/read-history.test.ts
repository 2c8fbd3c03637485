// Reading histories of transactions: our JSON, Jepsen's EDN, and errors that name file and line.

import { describe, expect, it } from 'vitest';
import { checkTransactions } from '../../../checker/consistency/transactions/check.ts';
import { readTxnHistory } from '../../../checker/consistency/transactions/read-history.ts';

const jsonDoc = `{"workload": "list-append",
 "history": [
  {"type": "invoke", "process": 0, "value": [["append", "x", 1]]},
  {"type": "invoke", "process": 1, "value": [["r", "x", null]]},
  {"type": "ok", "process": 0, "value": [["append", "x", 1]]},
  {"type": "ok", "process": 1, "value": [["r", "x", [1]]]}
 ]}`;

describe('JSON histories', () => {
  it('pairs invocations with completions per process; event order is real-time order', () => {
    const h = readTxnHistory(jsonDoc, 'h.json');
    expect(h.workload).toBe('list-append');
    expect(h.txns.map((t) => [t.id, t.process, t.type, t.invoke, t.complete])).toEqual([
      [2, 0, 'ok', 0, 2],
      [3, 1, 'ok', 1, 3],
    ]);
    expect(checkTransactions(h).result).toBe('valid');
  });
  it('reads JSON lines with a workload header, and a bare array of completions', () => {
    const lines = ['{"workload": "rw-register"}', '{"type": "ok", "process": 0, "value": [["w", "x", 1]]}', '{"type": "ok", "process": 1, "value": [["r", "x", 1]]}'].join('\n');
    expect(readTxnHistory(lines, 'h.jsonl').txns).toHaveLength(2);
    const array = '[{"type": "ok", "process": 0, "value": [["append", 1, "a"]]}]';
    expect(readTxnHistory(array, 'h.json', { workload: 'list-append' }).txns[0]!.ops[0]).toEqual({ f: 'append', key: 1, value: 'a' });
  });
  it('an invocation never completed is indeterminate (info)', () => {
    const h = readTxnHistory('{"workload":"list-append","history":[{"type":"invoke","process":0,"value":[["append","x",1]]}]}', 'h.json');
    expect(h.txns[0]!.type).toBe('info');
  });
  it('names the file and line of a malformed event', () => {
    const bad = jsonDoc.replace('"ok", "process": 1', '"done", "process": 1');
    expect(() => readTxnHistory(bad, 'h.json')).toThrow('h.json:6: "type" must be "invoke", "ok", "fail" or "info"');
    const micro = jsonDoc.replace('[["r", "x", [1]]]', '[["read", "x", [1]]]');
    expect(() => readTxnHistory(micro, 'h.json')).toThrow('h.json:6: micro-operation 1: unknown micro-operation "read"');
    expect(() => readTxnHistory('{"workload": "list-append",\n "history": [\n', 'h.json')).toThrow(/^h\.json:\d+: invalid JSON/);
  });
  it('rejects micro-operations of the other workload, completions without invocations, and repeated values', () => {
    expect(() => readTxnHistory('[{"type":"ok","process":0,"value":[["w","x",1]]}]', 'h.json', { workload: 'list-append' })).toThrow('h.json:1: a write (w) in a list-append history');
    const orphan = '[{"type":"invoke","process":0,"value":[]},\n{"type":"ok","process":1,"value":[]}]';
    expect(() => readTxnHistory(orphan, 'h.json', { workload: 'list-append' })).toThrow('h.json:2: process 1 completes a transaction it did not invoke');
    const twice = '[{"type":"ok","process":0,"value":[["append","x",1]]},\n{"type":"ok","process":1,"value":[["append","x",1]]}]';
    expect(() => checkTransactions(readTxnHistory(twice, 'h.json', { workload: 'list-append' }))).toThrow('h.json:2: appends 1 to x, which T0 also appends');
    const phantom = '[{"type":"ok","process":0,"value":[["r","x",[7]]]}]';
    expect(() => checkTransactions(readTxnHistory(phantom, 'h.json', { workload: 'list-append' }))).toThrow('h.json:1: reads x = [7], but no transaction appends 7 to x');
  });
  it('asks for the workload when the file does not say it', () => {
    expect(() => readTxnHistory('[]', 'h.json')).toThrow('h.json: the history does not say its workload');
  });
});

describe('Jepsen EDN histories', () => {
  const edn = [
    '{:type :invoke, :f :txn, :value [[:append :x 1] [:r :y nil]], :process 3, :index 11, :time 5071}',
    '{:type :invoke, :f :txn, :value [[:append :y 1] [:append :y 2]], :process 4, :index 12}',
    '{:type :info, :f :start-partition, :value nil, :process :nemesis, :index 12}',
    '{:type :ok, :f :txn, :value [[:append :x 1] [:r :y [1 2]]], :process 3, :index 13, :time 5093}',
    '{:type :ok, :f :txn, :value [[:append :y 1] [:append :y 2]], :process 4, :index 14}',
  ].join('\n');
  it('reads op maps, skips the nemesis, names transactions by :index, keywords as keys', () => {
    const h = readTxnHistory(edn, 'history.edn', { workload: 'list-append' });
    expect(h.txns.map((t) => t.id)).toEqual([13, 14]);
    expect(h.txns[0]!.ops).toEqual([
      { f: 'append', key: 'x', value: 1 },
      { f: 'r', key: 'y', value: [1, 2] },
    ]);
    expect(checkTransactions(h).anomalyTypes).toEqual([]);
  });
  it('reads a vector of ops and rw-register values', () => {
    const h = readTxnHistory('[{:type :ok, :f :txn, :value [[:w 1 2] [:r 1 2]], :process 0}]', 'h.edn', { workload: 'rw-register' });
    expect(h.txns[0]!.ops).toEqual([
      { f: 'w', key: 1, value: 2 },
      { f: 'r', key: 1, value: 2 },
    ]);
  });
  it('names the file and line of a bad op, and of an EDN syntax error', () => {
    const bad = edn.replace(':type :ok, :f :txn, :value [[:append :y 1]', ':type :ok, :f :txn, :value [[:push :y 1]');
    expect(() => readTxnHistory(bad, 'history.edn', { workload: 'list-append' })).toThrow('history.edn:5: micro-operation 1: unknown micro-operation :push');
    expect(() => readTxnHistory('{:type :ok, :value [', 'history.edn', { workload: 'list-append' })).toThrow(/^history\.edn:1:\d+:/);
  });
  it('needs the workload named', () => {
    expect(() => readTxnHistory(edn, 'history.edn')).toThrow('history.edn: a Jepsen history does not say its workload');
  });
});
