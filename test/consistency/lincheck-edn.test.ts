// `interleave lincheck` on Jepsen's EDN histories, read with Knossos's meaning, and the JSON
// format's counterparts of its rules (unknown read values, one operation per client).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../checker/consistency/parse/detect.ts';
import { runLincheck as run } from './run-lincheck.ts';

const dir = mkdtempSync(join(tmpdir(), 'lincheck-edn-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** One op map a line: `edn('0 :invoke :write 1', …)` is process, type, f, value. */
function edn(...events: string[]): string {
  return events
    .map((e, index) => {
      const [process, type, f, ...value] = e.split(' ');
      return `{:index ${index}, :time ${index * 1000}, :type ${type}, :process ${process}, :f ${f}, :value ${value.join(' ')}}`;
    })
    .join('\n');
}

describe('lincheck on Jepsen EDN histories', () => {
  it('reads a linearizable history, one op map a line, as a cas register', async () => {
    const h = file('ok.edn', edn('0 :invoke :write 1', '0 :ok :write 1', '1 :invoke :cas [1 2]', '1 :ok :cas [1 2]', '0 :invoke :read nil', '0 :ok :read 2'));
    const { out, code } = await run(h);
    expect(code).toBe(0);
    expect(out).toContain('ok.edn: linearizable (3 operations');
  });

  it('finds a stale read', async () => {
    const h = file('stale.edn', edn('0 :invoke :write 1', '0 :ok :write 1', '0 :invoke :write 2', '0 :ok :write 2', '1 :invoke :read nil', '1 :ok :read 1'));
    const { out, code } = await run(h);
    expect(code).toBe(1);
    expect(out).toContain('cannot place: client 1 read() -> 1');
  });

  describe(':fail means the operation did not happen', () => {
    it('a read cannot see a failed write', async () => {
      const h = file('fail-write.edn', edn('0 :invoke :write 1', '0 :fail :write 1', '1 :invoke :read nil', '1 :ok :read 1'));
      expect((await run(h)).code).toBe(1);
    });

    it('a failed cas is left out, not read as a compare mismatch', async () => {
      // With --init 0 a cas [0 1] cannot mismatch; as "did not happen" it is fine, and 0 stays.
      const h = file('fail-cas.edn', edn('0 :invoke :cas [0 1]', '0 :fail :cas [0 1]', '1 :invoke :read nil', '1 :ok :read 0'));
      expect((await run(h, '--init', '0')).code).toBe(0);
      const sawIt = file('fail-cas-seen.edn', edn('0 :invoke :cas [0 1]', '0 :fail :cas [0 1]', '1 :invoke :read nil', '1 :ok :read 1'));
      expect((await run(sawIt, '--init', '0')).code).toBe(1);
    });
  });

  describe(':info and never-completed invocations stay pending', () => {
    it('an :info write may take effect after it was reported, or never', async () => {
      const later = file('info.edn', edn('0 :invoke :write 1', '0 :info :write 1', '1 :invoke :read nil', '1 :ok :read nil', '1 :invoke :read nil', '1 :ok :read 1'));
      expect((await run(later, '--init', 'nil')).code).toBe(0);
      const never = file('info-never.edn', edn('0 :invoke :write 1', '0 :info :write 1', '1 :invoke :read nil', '1 :ok :read 0'));
      expect((await run(never, '--init', '0')).code).toBe(0);
    });

    it('a write never completed may have happened', async () => {
      const h = file('open.edn', edn('0 :invoke :write 5', '1 :invoke :read nil', '1 :ok :read 5'));
      expect((await run(h)).code).toBe(0);
    });

    it('an :info write cannot be undone by a read of an older value after a newer one', async () => {
      const h = file('info-bad.edn', edn('0 :invoke :write 1', '0 :info :write 1', '1 :invoke :read nil', '1 :ok :read 1', '1 :invoke :read nil', '1 :ok :read 0'));
      expect((await run(h, '--init', '0')).code).toBe(1);
    });
  });

  it('a read of nil is a read of an unknown value: it matches anything', async () => {
    // In a Jepsen log (Porcupine's meaning) this read of nil after a write of 1 is a stale read.
    const h = file('nil-read.edn', edn('0 :invoke :write 1', '0 :ok :write 1', '1 :invoke :read nil', '1 :ok :read nil'));
    const { out, code } = await run(h);
    expect(code).toBe(0);
    expect(out).toContain('(1 operation,'); // the unknown read constrains nothing, so it is left out
  });

  it('skips the nemesis and other processes that are not clients', async () => {
    const h = file(
      'nemesis.edn',
      [
        '{:type :info, :f :start, :value nil, :process :nemesis, :time 0}',
        edn('0 :invoke :write 1', '0 :ok :write 1'),
        '{:type :info, :f :start, :value [:isolated {"n1" #{"n2"}}], :process :nemesis, :time 5}',
        '{:type :info, :f :kill, :value nil, :process :partitioner}',
        edn('1 :invoke :read nil', '1 :ok :read 1'),
      ].join('\n'),
    );
    const { out, code } = await run(h);
    expect(code).toBe(0);
    expect(out).toContain('(2 operations');
  });

  describe('--init sets the register before the first write', () => {
    // Knossos's cas-register tests start at 0; etcd's registers start empty (nil, the default).
    const h = file('init.edn', edn('0 :invoke :cas [0 3]', '0 :ok :cas [0 3]', '1 :invoke :read nil', '1 :ok :read 3'));

    it('from nil by default, so a successful cas from 0 is impossible', async () => {
      expect((await run(h)).code).toBe(1);
      expect((await run(h, '--init', 'nil')).code).toBe(1);
    });

    it('from 0 with --init 0', async () => {
      expect((await run(h, '--init', '0')).code).toBe(0);
    });

    it('is refused for the kv model', async () => {
      const kv = file('init.jsonl', '{"client":0,"input":{"f":"get","key":"a"},"output":{"value":""},"call":0,"ret":1}\n');
      const { err, code } = await run(kv, '--model', 'kv', '--init', '0');
      expect(code).toBe(2);
      expect(err.trim()).toBe(`interleave: --init sets a register's initial value; the kv model starts every key at ""`);
    });
  });

  it('reads a whole vector of tagged Jepsen ops, with #inst times', async () => {
    const h = file(
      'vector.edn',
      `[#jepsen.history.Op{:index 0, :time 0, :type :invoke, :process 0, :f :write, :value 7, :ts #inst "2024-01-01T00:00:00.000-00:00"}
        #jepsen.history.Op{:index 1, :time 1, :type :ok, :process 0, :f :write, :value 7}
        ; a comment, and a discarded op
        #_ {:type :ok, :process 9, :f :read, :value 1}
        #jepsen.history.Op{:index 2, :time 2, :type :invoke, :process 1, :f :read, :value nil}
        #jepsen.history.Op{:index 3, :time 3, :type :ok, :process 1, :f :read, :value 7}]`,
    );
    const { out, code } = await run(h);
    expect(code).toBe(0);
    expect(out).toContain('(2 operations');
  });

  describe('bad input: one line naming the file and place, exit 2', () => {
    async function error(name: string, text: string, ...args: string[]): Promise<string> {
      const { err, code } = await run(file(name, text), ...args);
      expect(code).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      return err.trim().replace(`${dir}/`, '');
    }

    it('two overlapping operations of one process', async () => {
      expect(await error('overlap.edn', edn('0 :invoke :write 1', '1 :invoke :write 2', '0 :invoke :read nil'))).toBe(
        `interleave: overlap.edn:3: process 0 invokes while its operation at ${dir}/overlap.edn:1 is still open`,
      );
    });

    it('a process that invokes again after :info', async () => {
      expect(await error('reuse.edn', edn('0 :invoke :write 1', '0 :info :write 1', '0 :invoke :read nil'))).toMatch(
        /^interleave: reuse\.edn:3: process 0 invokes again after its operation at .*reuse\.edn:1 ended :info/,
      );
    });

    it('a read whose value has the wrong type says which type', async () => {
      expect(await error('type.edn', edn('0 :invoke :read nil', '0 :ok :read :foo'))).toBe(
        "interleave: type.edn:2: a read's value must be an integer, a string or nil, got :foo (a keyword)",
      );
      expect(await error('type2.edn', edn('0 :invoke :read nil', '0 :ok :read [1 2]'))).toBe(
        "interleave: type2.edn:2: a read's value must be an integer, a string or nil, got [1 2] (a vector)",
      );
    });

    it('an operation that is not a register operation', async () => {
      expect(await error('txn.edn', edn('0 :invoke :txn [[:r 1 nil]]'))).toBe(
        'interleave: txn.edn:1: expected :f :read, :write or :cas (register operations), got :txn',
      );
    });

    it('an EDN syntax error, at its line and column', async () => {
      expect(await error('syntax.edn', '{:type :invoke, :process 0, :f :read, :value nil}\n{:type :ok :process 0 :f :read :value "x}\n')).toBe(
        'interleave: syntax.edn:2:39: unexpected end of input: string never closed',
      );
    });
  });

  it('detects EDN by extension, and by content otherwise', () => {
    expect(detectFormat('{"client": 0}', 'h.edn')).toBe('edn');
    expect(detectFormat('{:type :invoke, :f :read, :process 0, :value nil}', 'history.txt')).toBe('edn');
    expect(detectFormat('[{:type :invoke}]')).toBe('edn');
    expect(detectFormat('#jepsen.history.Op{:index 0}')).toBe('edn');
    expect(detectFormat('[{"client": 0}]')).toBe('json');
    expect(detectFormat('{:process 0, :type :invoke, :f :get, :key "1", :value nil}')).toBe('kv-log');
    expect(detectFormat('{:process 0, :type :invoke, :f :read, :value nil}')).toBe('edn');
  });
});

describe('the JSON format says the same things its own way', () => {
  const op = (o: Record<string, unknown>): string => JSON.stringify(o);

  it('"outputUnknown": true on a read: any value matches', async () => {
    const h = file(
      'unknown.jsonl',
      [
        op({ model: 'register' }),
        op({ client: 0, input: { f: 'write', value: 1 }, output: {}, call: 0, ret: 1 }),
        op({ client: 1, input: { f: 'read' }, outputUnknown: true, call: 2, ret: 3 }),
      ].join('\n'),
    );
    const { out, code } = await run(h);
    expect(code).toBe(0);
    expect(out).toContain('(1 operation,');
  });

  it('"outputUnknown" on a cas is refused: its outcome decides the state', async () => {
    const h = file('unknown-cas.jsonl', op({ client: 0, input: { f: 'cas', from: 1, to: 2 }, outputUnknown: true, call: 0, ret: 1 }));
    const { err, code } = await run(h, '--model', 'cas-register');
    expect(code).toBe(2);
    expect(err).toContain('unknown-cas.jsonl:1: the output of a cas cannot be unknown in the cas-register model');
  });

  it('two overlapping operations of one client are an input error', async () => {
    const h = file(
      'overlap.jsonl',
      [
        op({ client: 0, input: { f: 'write', value: 1 }, output: {}, call: 0, ret: 5 }),
        op({ client: 0, input: { f: 'read' }, output: { value: 1 }, call: 3, ret: 6 }),
      ].join('\n'),
    );
    const { err, code } = await run(h, '--model', 'register');
    expect(code).toBe(2);
    expect(err.trim()).toBe(`interleave: ${h}:2: client 0 invokes an operation (call 3) before its operation at ${h}:1 returned (ret 5); one operation per client at a time`);
  });

  it('an operation after a pending one of the same client is an input error', async () => {
    const h = file(
      'after-pending.json',
      JSON.stringify({
        model: 'register',
        operations: [
          { client: 0, input: { f: 'write', value: 1 }, call: 0 },
          { client: 0, input: { f: 'read' }, output: { value: 1 }, call: 3, ret: 6 },
        ],
      }),
    );
    const { err, code } = await run(h);
    expect(code).toBe(2);
    expect(err).toContain(`${h}: operations[1]: client 0 invokes an operation after its operation at ${h}: operations[0] never returned`);
  });

  it('a read whose value has the wrong type says which type', async () => {
    const h = file('type.jsonl', op({ client: 0, input: { f: 'read' }, output: { value: [1] }, call: 0, ret: 1 }));
    const { err, code } = await run(h, '--model', 'register');
    expect(code).toBe(2);
    expect(err.trim()).toBe(`interleave: ${h}:1: not a register operation: a read's value must be a number, a string or null, got [1] (an array)`);
  });
});
