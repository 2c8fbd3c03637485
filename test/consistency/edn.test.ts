import { describe, expect, it } from 'vitest';
import {
  EdnSyntaxError,
  ednEquals,
  ednGet,
  isEdnMap,
  isKeyword,
  keyword,
  printEdn,
  readEdn,
  readEdnAll,
  readEdnForms,
  type EdnValue,
} from '../../checker/consistency/parse/edn.ts';

function syntaxError(text: string): EdnSyntaxError {
  try {
    readEdnAll(text, 'h.edn');
  } catch (e) {
    if (e instanceof EdnSyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe('EDN reader', () => {
  it('reads scalars: nil, booleans, integers, floats, strings', () => {
    expect(readEdnAll('nil true false 0 -7 +3 1.5 -2e3 6.02E23 "hi"')).toEqual([null, true, false, 0, -7, 3, 1.5, -2000, 6.02e23, 'hi']);
  });

  it('reads integers beyond 2^53 exactly, as bigints, and 42N as a bigint', () => {
    expect(readEdn('9007199254740993')).toBe(9007199254740993n);
    expect(readEdn('-9007199254740993')).toBe(-9007199254740993n);
    expect(readEdn('9007199254740991')).toBe(9007199254740991);
    expect(readEdn('42N')).toBe(42n);
  });

  it('reads exact decimals (M), ratios and symbolic values as floats', () => {
    expect(readEdnAll('1.25M 1/4 ##Inf ##-Inf')).toEqual([1.25, 0.25, Infinity, -Infinity]);
    expect(readEdn('##NaN')).toBeNaN();
  });

  it('keeps keywords distinct from strings and symbols', () => {
    const [kw, str, sym] = readEdnAll(':ok "ok" ok');
    expect(kw).toEqual(keyword('ok'));
    expect(isKeyword(kw, 'ok')).toBe(true);
    expect(str).toBe('ok');
    expect(sym).toEqual({ kind: 'symbol', name: 'ok' });
    expect(ednEquals(kw!, str!)).toBe(false);
    expect(readEdn(':jepsen.history/op')).toEqual(keyword('jepsen.history/op'));
  });

  it('reads string escapes, including unicode', () => {
    expect(readEdn(String.raw`"a\"b\\c\nd\te\u00e9\r"`)).toBe('a"b\\c\nd\te\u00e9\r');
  });

  it('reads characters as one-character strings', () => {
    expect(readEdnAll(String.raw`\a \newline \space \u0041 \(`)).toEqual(['a', '\n', ' ', 'A', '(']);
  });

  it('reads collections: lists, vectors, sets, maps (commas are whitespace)', () => {
    const value = readEdn('{:a [1 2 (3)], :b #{:x}, "k" nil}');
    expect(isEdnMap(value)).toBe(true);
    if (!isEdnMap(value)) return;
    expect(ednGet(value, 'a')).toEqual({ kind: 'vector', items: [1, 2, { kind: 'list', items: [3] }] });
    expect(ednGet(value, 'b')).toEqual({ kind: 'set', items: [keyword('x')] });
    expect(ednGet(value, 'k')).toBeUndefined(); // a string key is not the keyword :k
    expect(ednGet(value, 'k' as EdnValue)).toBeUndefined();
    expect(ednGet(value, { kind: 'vector', items: [] })).toBeUndefined();
    expect(value.entries[2]).toEqual(['k', null]);
  });

  it('skips ; comments and #_ discarded forms, nested ones too', () => {
    expect(readEdnAll('; a comment\n1 #_ 2 3 ; trailing\n[4 #_ #_ 5 6 7] #_{:a 1}')).toEqual([1, 3, { kind: 'vector', items: [4, 7] }]);
  });

  it('reads a tagged literal as the value it tags: Jepsen records, #inst and #uuid', () => {
    const op = readEdn('#jepsen.history.Op{:index 0, :time 12, :type :invoke, :process 0, :f :read, :value nil}');
    expect(isEdnMap(op) && ednGet(op, 'f')).toEqual(keyword('read'));
    expect(readEdn('#inst "2024-01-02T03:04:05.000-00:00"')).toBe('2024-01-02T03:04:05.000-00:00');
    expect(readEdn('#uuid "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"')).toBe('f81d4fae-7dec-11d0-a765-00a0c91e6bf6');
  });

  it('gives each top-level form its line and column', () => {
    const forms = readEdnForms('{:a 1}\n  {:a 2} {:a 3}\n');
    expect(forms.map((f) => [f.line, f.column])).toEqual([
      [1, 1],
      [2, 3],
      [2, 10],
    ]);
  });

  it('reads a whole vector of ops as one form', () => {
    const all = readEdn('[{:type :invoke} {:type :ok}]');
    expect(all).toEqual({
      kind: 'vector',
      items: [
        { kind: 'map', entries: [[keyword('type'), keyword('invoke')]] },
        { kind: 'map', entries: [[keyword('type'), keyword('ok')]] },
      ],
    });
  });

  it('compares values structurally: vectors equal lists, sets and maps ignore order, bigints equal numbers', () => {
    expect(ednEquals(readEdn('[1 2]'), readEdn('(1 2)'))).toBe(true);
    expect(ednEquals(readEdn('#{1 2}'), readEdn('#{2 1}'))).toBe(true);
    expect(ednEquals(readEdn('{:a 1 :b 2}'), readEdn('{:b 2 :a 1}'))).toBe(true);
    expect(ednEquals(readEdn('{:a 1}'), readEdn('{:a 2}'))).toBe(false);
    expect(ednEquals(readEdn('5N'), 5)).toBe(true);
    expect(ednEquals(readEdn('[1]'), readEdn('#{1}'))).toBe(false);
  });

  it('prints values back as EDN', () => {
    const text = '{:type :ok, :value [1 nil "s" (x) #{:y}], :big 9007199254740993N}';
    expect(printEdn(readEdn(text))).toBe(text);
  });

  it('names line and column in syntax errors', () => {
    expect(syntaxError('{:a 1}\n[1 2').message).toBe("h.edn:2:5: unexpected end of input: '[' opened at 2:1 is never closed");
    expect(syntaxError('1\n  ]').message).toBe("h.edn:2:3: unexpected ']'");
    expect(syntaxError('{:a 1 :b}').message).toBe('h.edn:1:7: map key :b has no value');
    expect(syntaxError('"abc').message).toBe('h.edn:1:1: unexpected end of input: string never closed');
    expect(syntaxError('"a\\qb"').message).toBe("h.edn:1:3: unknown string escape '\\q'");
    expect(syntaxError('  12abc').message).toBe("h.edn:1:3: bad number '12abc'");
    expect(syntaxError('[#_]').message).toBe("h.edn:1:2: #_ discards nothing: unexpected ']'");
    expect(syntaxError('\\foo').message).toBe("h.edn:1:1: unknown character literal '\\foo'");
    const e = syntaxError('\n\n   :');
    expect([e.line, e.column]).toEqual([3, 4]);
  });

  it('readEdn wants exactly one form', () => {
    expect(() => readEdn('1 2', 'x.edn')).toThrow('x.edn:1:3: expected one EDN value, found more');
    expect(() => readEdn(' ; nothing', 'x.edn')).toThrow('x.edn:1:1: expected an EDN value, found none');
  });
});
