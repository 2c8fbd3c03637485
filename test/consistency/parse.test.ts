import { describe, expect, it } from 'vitest';
import { InputError } from '../../checker/errors.ts';
import { detectFormat, parseHistory } from '../../checker/consistency/parse/detect.ts';

const jepsen = (lines: string[]) => lines.map((l) => `INFO  jepsen.util - ${l}`).join('\n') + '\n';

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('Jepsen etcd logs', () => {
  it('pairs each invocation with its completion; line numbers are positions', () => {
    const text = jepsen(['0\t:invoke\t:write\t3', '1\t:invoke\t:read\tnil', '0\t:ok\t:write\t3', '1\t:ok\t:read\t3']);
    const { format, model, history } = parseHistory(text, 'h.log');
    expect([format, model]).toEqual(['jepsen-log', 'cas-register']);
    expect(history).toEqual([
      { client: 0, input: { f: 'write', value: 3 }, output: {}, call: 1, ret: 3 },
      { client: 1, input: { f: 'read' }, output: { value: 3 }, call: 2, ret: 4 },
    ]);
  });

  it('reads space-separated fields, cas pairs, failed cas, :info and open invocations', () => {
    const text = jepsen([
      '2 :invoke :cas [1 4]',
      '3 :invoke :write 1',
      '4 :invoke :read nil',
      '2 :fail :cas [1 4]',
      '3 :info :write :timed-out',
      '4 :fail :read :timed-out',
      '5 :invoke :cas [0 2]',
    ]);
    const { history } = parseHistory(text, 'h.log');
    expect(history).toEqual([
      { client: 2, input: { f: 'cas', from: 1, to: 4 }, output: { ok: false }, call: 1, ret: 4 },
      { client: 3, input: { f: 'write', value: 1 }, call: 2 },
      { client: 5, input: { f: 'cas', from: 0, to: 2 }, call: 7 },
    ]);
  });

  it('names the file and line of an unknown event type', () => {
    const text = jepsen(['0 :invoke :read nil', '0 :foo :read 1']);
    expect(errorOf(() => parseHistory(text, 'history.log')).message).toBe(
      "history.log:2: expected ':invoke', ':ok', ':fail' or ':info', got ':foo'",
    );
  });

  it('names the file and line of a malformed value or a completion without an invocation', () => {
    expect(errorOf(() => parseHistory(jepsen(['0 :invoke :write x']), 'a.log')).message).toMatch(/^a\.log:1: expected an integer or nil/);
    expect(errorOf(() => parseHistory(jepsen(['0 :invoke :read nil', '1 :ok :read 1']), 'b.log')).message).toMatch(
      /^b\.log:2: process 1 completes an operation it never invoked/,
    );
    expect(errorOf(() => parseHistory(jepsen(['0 :invoke :read nil']) + 'garbage\n', 'c.log', 'jepsen-log')).message).toMatch(/^c\.log:2: /);
  });
});

describe('kv logs', () => {
  it('parses EDN maps with keys and string values', () => {
    const text = [
      '{:process 0, :type :invoke, :f :append, :key "1", :value "x 0 0 y"}',
      '{:process 1, :type :invoke, :f :get, :key "1", :value nil}',
      '{:process 0, :type :ok, :f :append, :key "1", :value "x 0 0 y"}',
      '{:process 1, :type :ok, :f :get, :key "1", :value ""}',
    ].join('\n');
    const { format, model, history } = parseHistory(text, 'c.txt');
    expect([format, model]).toEqual(['kv-log', 'kv']);
    expect(history).toEqual([
      { client: 0, input: { f: 'append', key: '1', value: 'x 0 0 y' }, output: {}, call: 1, ret: 3 },
      { client: 1, input: { f: 'get', key: '1' }, output: { value: '' }, call: 2, ret: 4 },
    ]);
  });

  it('names the file and line of a malformed line', () => {
    const text = '{:process 0, :type :invoke, :f :get, :key "1", :value nil}\n{:process 0, :type :ok, :f :get, :key 1}\n';
    expect(errorOf(() => parseHistory(text, 'kv.txt')).message).toMatch(/^kv\.txt:2: expected '\{:process P/);
  });
});

describe('JSON histories', () => {
  it('reads the document form with its model', () => {
    const text = JSON.stringify({
      model: 'register',
      operations: [
        { client: 0, input: { f: 'write', value: 1 }, output: {}, call: 0, ret: 2 },
        { client: 1, input: { f: 'read' }, call: 1 },
      ],
    });
    const parsed = parseHistory(text, 'h.json');
    expect(parsed.model).toBe('register');
    expect(parsed.history[1]).toEqual({ client: 1, input: { f: 'read' }, call: 1 });
  });

  it('reads JSON lines with an optional header', () => {
    const text = '{"model":"kv"}\n{"client":0,"input":{"f":"put","key":"k","value":"v"},"output":{},"call":0,"ret":1}\n';
    const parsed = parseHistory(text, 'h.jsonl');
    expect([parsed.format, parsed.model, parsed.history.length]).toEqual(['json', 'kv', 1]);
  });

  it('names the file and line of a malformed JSON line', () => {
    const text = '{"client":0,"input":{},"call":0}\n{"client":0,"input":{},"call":"soon"}\n';
    expect(errorOf(() => parseHistory(text, 'h.jsonl')).message).toBe('h.jsonl:2: "call" must be a finite number');
    expect(errorOf(() => parseHistory('{"client":0,"input":{},"call":0}\n{"client":\n', 'i.jsonl')).message).toMatch(/^i\.jsonl:2: invalid JSON/);
  });

  it('rejects an operation that returns before it is called', () => {
    const text = JSON.stringify({ operations: [{ client: 0, input: {}, call: 5, ret: 1 }] });
    expect(errorOf(() => parseHistory(text, 'h.json')).message).toBe('h.json: operations[0]: "ret" (1) is before "call" (5)');
  });
});

describe('format detection', () => {
  it('recognises each format by its first line', () => {
    expect(detectFormat('\nINFO  jepsen.util - 0\t:invoke\t:read\tnil\n')).toBe('jepsen-log');
    expect(detectFormat('{:process 0, :type :invoke, :f :get, :key "1", :value nil}')).toBe('kv-log');
    expect(detectFormat('{"operations": []}')).toBe('json');
    expect(detectFormat('hello')).toBeUndefined();
  });

  it('reports an unrecognised file as bad input', () => {
    expect(errorOf(() => parseHistory('hello\n', 'x.txt')).message).toMatch(/^x\.txt:1: cannot tell the history format/);
    expect(errorOf(() => parseHistory('', 'empty.log')).message).toBe('empty.log: empty history file');
  });
});
