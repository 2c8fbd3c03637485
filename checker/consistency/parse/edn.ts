// A reader for EDN (extensible data notation), the format Jepsen writes its histories in
// (`history.edn`: one op map per line, or one vector of them).
//
// It reads the data, not Clojure: maps, vectors, lists, sets, keywords, symbols, strings, characters,
// integers (exact: beyond 2^53 they are bigints), floats, nil/true/false, `;` comments, `#_` discard
// and tagged literals. A tagged literal reads as the value it tags, so Jepsen's
// `#jepsen.history.Op{:index 0 ...}` is its map and `#inst "…"`/`#uuid "…"` are their strings.
// Keywords and symbols are objects, so `:ok` and `"ok"` stay distinct; a character reads as a
// one-character string. Every syntax error names its line and column.

import { InputError } from '../../errors.ts';

export interface EdnKeyword {
  readonly kind: 'keyword';
  /** Without the colon, namespace included: `:jepsen/op` has name `jepsen/op`. */
  readonly name: string;
}

export interface EdnSymbol {
  readonly kind: 'symbol';
  readonly name: string;
}

export interface EdnList {
  readonly kind: 'list';
  readonly items: readonly EdnValue[];
}

export interface EdnVector {
  readonly kind: 'vector';
  readonly items: readonly EdnValue[];
}

export interface EdnSet {
  readonly kind: 'set';
  readonly items: readonly EdnValue[];
}

export interface EdnMap {
  readonly kind: 'map';
  /** In the order written. */
  readonly entries: readonly (readonly [EdnValue, EdnValue])[];
}

/** nil is null; integers are numbers while exact, bigints beyond 2^53 (or written `42N`). */
export type EdnValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | EdnKeyword
  | EdnSymbol
  | EdnList
  | EdnVector
  | EdnSet
  | EdnMap;

/** A top-level form and where it starts (1-based line and column). */
export interface EdnForm {
  readonly value: EdnValue;
  readonly line: number;
  readonly column: number;
}

/** Malformed EDN. The message starts `<source>:<line>:<column>:`. */
export class EdnSyntaxError extends InputError {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${source}:${line}:${column}: ${reason}`);
  }
}

export function keyword(name: string): EdnKeyword {
  return { kind: 'keyword', name };
}

export function isKeyword(value: EdnValue | undefined, name?: string): value is EdnKeyword {
  return typeof value === 'object' && value !== null && value.kind === 'keyword' && (name === undefined || value.name === name);
}

export function isEdnMap(value: EdnValue | undefined): value is EdnMap {
  return typeof value === 'object' && value !== null && value.kind === 'map';
}

/** A list, vector or set: its items. */
export function isEdnSequence(value: EdnValue | undefined): value is EdnList | EdnVector | EdnSet {
  return typeof value === 'object' && value !== null && (value.kind === 'list' || value.kind === 'vector' || value.kind === 'set');
}

/** The value under `key` in `map`; a string key means the keyword of that name. */
export function ednGet(map: EdnMap, key: string | EdnValue): EdnValue | undefined {
  if (typeof key === 'string') {
    for (const [k, v] of map.entries) if (isKeyword(k, key)) return v;
    return undefined;
  }
  for (const [k, v] of map.entries) if (ednEquals(k, key)) return v;
  return undefined;
}

/** EDN value equality: structural; lists and vectors of equal items are equal, as in Clojure. */
export function ednEquals(a: EdnValue, b: EdnValue): boolean {
  if (a === b) return true;
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    return (typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number') && isIntegerEqual(a, b);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a.kind === 'keyword' || a.kind === 'symbol') return b.kind === a.kind && b.name === a.name;
  if (a.kind === 'map') {
    if (b.kind !== 'map' || a.entries.length !== b.entries.length) return false;
    return a.entries.every(([k, v]) => {
      const other = ednGet(b, k);
      return other !== undefined && ednEquals(v, other);
    });
  }
  if (a.kind === 'set') {
    if (b.kind !== 'set' || a.items.length !== b.items.length) return false;
    return a.items.every((x) => b.items.some((y) => ednEquals(x, y)));
  }
  if (b.kind !== 'list' && b.kind !== 'vector') return false;
  return a.items.length === b.items.length && a.items.every((x, i) => ednEquals(x, b.items[i]!));
}

function isIntegerEqual(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === 'number' && !Number.isInteger(a)) return false;
  if (typeof b === 'number' && !Number.isInteger(b)) return false;
  return BigInt(a) === BigInt(b);
}

/** `value` written as EDN (for messages): `{:type :ok, :value [1 2]}`. */
export function printEdn(value: EdnValue): string {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'boolean':
      return String(value);
    case 'number':
      if (Number.isNaN(value)) return '##NaN';
      if (!Number.isFinite(value)) return value > 0 ? '##Inf' : '##-Inf';
      return String(value);
    case 'bigint':
      return `${value}N`;
    case 'string':
      return JSON.stringify(value);
  }
  switch (value.kind) {
    case 'keyword':
      return `:${value.name}`;
    case 'symbol':
      return value.name;
    case 'list':
      return `(${value.items.map(printEdn).join(' ')})`;
    case 'vector':
      return `[${value.items.map(printEdn).join(' ')}]`;
    case 'set':
      return `#{${value.items.map(printEdn).join(' ')}}`;
    case 'map':
      return `{${value.entries.map(([k, v]) => `${printEdn(k)} ${printEdn(v)}`).join(', ')}}`;
  }
}

/** Every top-level form in `text`, with its position; `source` names the text in errors. */
export function readEdnForms(text: string, source = '<edn>'): EdnForm[] {
  const reader = new Reader(text, source);
  const forms: EdnForm[] = [];
  for (;;) {
    reader.skipSpace();
    if (reader.atEnd()) return forms;
    const start = reader.pos;
    const value = reader.readForm();
    if (value === DISCARDED) continue;
    const { line, column } = reader.lineColumn(start);
    forms.push({ value, line, column });
  }
}

/** Every top-level form in `text`. */
export function readEdnAll(text: string, source = '<edn>'): EdnValue[] {
  return readEdnForms(text, source).map((f) => f.value);
}

/** The single form in `text`; an error if there is none or more than one. */
export function readEdn(text: string, source = '<edn>'): EdnValue {
  const forms = readEdnForms(text, source);
  if (forms.length === 1) return forms[0]!.value;
  if (forms.length === 0) throw new EdnSyntaxError(source, 1, 1, 'expected an EDN value, found none');
  const extra = forms[1]!;
  throw new EdnSyntaxError(source, extra.line, extra.column, 'expected one EDN value, found more');
}

// A `#_` form: read and dropped.
const DISCARDED: unique symbol = Symbol('discarded');
type Read = EdnValue | typeof DISCARDED;

const CHAR_NAMES: Readonly<Record<string, string>> = {
  newline: '\n',
  space: ' ',
  tab: '\t',
  return: '\r',
  backspace: '\b',
  formfeed: '\f',
};

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  t: '\t',
  r: '\r',
  n: '\n',
  b: '\b',
  f: '\f',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

const DELIMITERS = new Set(['(', ')', '[', ']', '{', '}', '"', ';']);

function isSpace(c: string): boolean {
  return c === ' ' || c === ',' || c === '\n' || c === '\t' || c === '\r' || c === '\f' || c === '\v';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

class Reader {
  pos = 0;
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly source: string,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  lineColumn(offset: number): { line: number; column: number } {
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text[i] === '\n') this.lineStarts.push(i + 1);
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  fail(reason: string, at = this.pos): never {
    const { line, column } = this.lineColumn(at);
    throw new EdnSyntaxError(this.source, line, column, reason);
  }

  skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (isSpace(c)) this.pos++;
      else if (c === ';') {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? text.length : end + 1;
      } else return;
    }
  }

  readForm(): Read {
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === undefined) return this.fail('unexpected end of input');
    switch (c) {
      case '(':
        this.pos++;
        return { kind: 'list', items: this.readItems(')', start) };
      case '[':
        this.pos++;
        return { kind: 'vector', items: this.readItems(']', start) };
      case '{':
        this.pos++;
        return this.readMap(start);
      case ')':
      case ']':
      case '}':
        return this.fail(`unexpected '${c}'`);
      case '"':
        return this.readString();
      case '\\':
        return this.readChar();
      case ':':
        return this.readKeyword();
      case '#':
        return this.readDispatch();
      default:
        if (isDigit(c) || ((c === '-' || c === '+') && isDigit(this.text[this.pos + 1]))) return this.readNumber();
        return this.readSymbol();
    }
  }

  /** The next value (skipping discarded forms) before `close`, or undefined at `close`. */
  private readItem(close: string, openedAt: number): EdnValue | undefined {
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) {
        const { line, column } = this.lineColumn(openedAt);
        return this.fail(`unexpected end of input: '${this.text[openedAt]}' opened at ${line}:${column} is never closed`);
      }
      if (this.text[this.pos] === close) {
        this.pos++;
        return undefined;
      }
      const value = this.readForm();
      if (value !== DISCARDED) return value;
    }
  }

  private readItems(close: string, openedAt: number): EdnValue[] {
    const items: EdnValue[] = [];
    for (;;) {
      const item = this.readItem(close, openedAt);
      if (item === undefined) return items;
      items.push(item);
    }
  }

  private readMap(openedAt: number): EdnMap {
    const entries: (readonly [EdnValue, EdnValue])[] = [];
    for (;;) {
      const keyAt = this.peekFormStart();
      const key = this.readItem('}', openedAt);
      if (key === undefined) return { kind: 'map', entries };
      const value = this.readItem('}', openedAt);
      if (value === undefined) return this.fail(`map key ${printEdn(key)} has no value`, keyAt);
      entries.push([key, value]);
    }
  }

  private peekFormStart(): number {
    this.skipSpace();
    return this.pos;
  }

  private readString(): string {
    const start = this.pos;
    const text = this.text;
    this.pos++; // opening quote
    let out = '';
    let chunk = this.pos;
    for (;;) {
      const i = this.pos;
      if (i >= text.length) return this.fail('unexpected end of input: string never closed', start);
      const c = text[i]!;
      if (c === '"') {
        out += text.slice(chunk, i);
        this.pos = i + 1;
        return out;
      }
      if (c !== '\\') {
        this.pos++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text[i + 1];
      if (e === undefined) return this.fail('unexpected end of input: string never closed', start);
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return this.fail(`bad unicode escape '\\u${hex}'`, i);
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos = i + 6;
      } else {
        const escaped = STRING_ESCAPES[e];
        if (escaped === undefined) return this.fail(`unknown string escape '\\${e}'`, i);
        out += escaped;
        this.pos = i + 2;
      }
      chunk = this.pos;
    }
  }

  private readToken(): string {
    const text = this.text;
    const start = this.pos;
    while (this.pos < text.length) {
      const c = text[this.pos]!;
      if (isSpace(c) || DELIMITERS.has(c)) break;
      this.pos++;
    }
    return text.slice(start, this.pos);
  }

  private readChar(): string {
    const start = this.pos;
    this.pos++; // backslash
    // The character right after the backslash belongs to the literal even when it is a delimiter.
    const first = this.text[this.pos];
    if (first === undefined || isSpace(first)) return this.fail('expected a character after \\', start);
    this.pos++;
    const token = first + this.readToken();
    if (token.length === 1) return token;
    const named = CHAR_NAMES[token];
    if (named !== undefined) return named;
    if (/^u[0-9a-fA-F]{4}$/.test(token)) return String.fromCharCode(parseInt(token.slice(1), 16));
    return this.fail(`unknown character literal '\\${token}'`, start);
  }

  private readKeyword(): EdnKeyword {
    const start = this.pos;
    this.pos++; // colon
    const name = this.readToken();
    if (name === '' || name === ':') return this.fail("expected a keyword name after ':'", start);
    // `::alias/kw` is Clojure's reader shorthand, not EDN; read it as the keyword `:alias/kw`.
    return keyword(name.startsWith(':') ? name.slice(1) : name);
  }

  private readSymbol(): EdnValue {
    const start = this.pos;
    const token = this.readToken();
    if (token === '') return this.fail(`unexpected '${this.text[start]}'`, start);
    if (token === 'nil') return null;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token.startsWith('#') || token.startsWith("'")) return this.fail(`unexpected '${token[0]}'`, start);
    return { kind: 'symbol', name: token };
  }

  private readNumber(): number | bigint {
    const start = this.pos;
    const token = this.readToken();
    const int = /^([+-]?)(\d+)(N?)$/.exec(token);
    if (int !== null) {
      const [, sign, digits, big] = int as unknown as [string, string, string, string];
      if (digits.length > 1 && digits.startsWith('0')) return this.fail(`bad number '${token}': leading zero`, start);
      const exact = BigInt(sign + digits);
      if (big === 'N' || exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < BigInt(Number.MIN_SAFE_INTEGER)) return exact;
      return Number(exact);
    }
    // `M` marks an exact decimal in Clojure; it reads here as the nearest float.
    const float = /^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?M?$/.exec(token);
    if (float !== null) return Number(token.endsWith('M') ? token.slice(0, -1) : token);
    const ratio = /^([+-]?\d+)\/(\d+)$/.exec(token);
    if (ratio !== null && ratio[2] !== '0') return Number(ratio[1]) / Number(ratio[2]);
    return this.fail(`bad number '${token}'`, start);
  }

  private readDispatch(): Read {
    const start = this.pos;
    const next = this.text[this.pos + 1];
    if (next === '{') {
      this.pos += 2;
      return { kind: 'set', items: this.readItems('}', start) };
    }
    if (next === '_') {
      this.pos += 2;
      this.readKeptForm('#_ discards nothing', start); // `#_ #_ a b` drops both a and b, as in Clojure
      return DISCARDED;
    }
    if (next === '#') {
      this.pos += 2;
      const token = this.readToken();
      if (token === 'Inf') return Infinity;
      if (token === '-Inf') return -Infinity;
      if (token === 'NaN') return NaN;
      return this.fail(`unknown symbolic value '##${token}'`, start);
    }
    if (next === undefined || isSpace(next) || DELIMITERS.has(next)) return this.fail(`unexpected '#${next ?? ''}'`, start);
    // A tagged literal: `#tag form` reads as form (the tag may touch it: `#my.Record{...}`).
    this.pos++;
    const tag = this.readToken();
    if (tag === '') return this.fail("expected a tag name after '#'", start);
    return this.readKeptForm(`#${tag} tags nothing`, start);
  }

  /** The next form that is not discarded; `what` says what is missing at the end of input. */
  private readKeptForm(what: string, start: number): EdnValue {
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === undefined || c === ')' || c === ']' || c === '}') return this.fail(`${what}: ${c === undefined ? 'unexpected end of input' : `unexpected '${c}'`}`, start);
      const value = this.readForm();
      if (value !== DISCARDED) return value;
    }
  }
}
