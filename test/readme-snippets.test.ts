// The README's TypeScript snippets typecheck against the public API, as a user would compile them:
// `interleave` (and its subpath entries) resolve to the sources in checker/, and a snippet sits in
// test/ as a user's test file would. A name a snippet leaves to the reader (`coordinator`, `it`) is
// declared for it, as anything at all.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Every ```ts block of the README, with the line it starts on, and the file it is when the prose
 * just before it names one ("A spec, `specs/counter.ts`:"), so that other snippets can import it.
 */
function snippets(): { readonly line: number; readonly code: string; readonly path?: string }[] {
  const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
  const out: { line: number; code: string; path?: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```ts') continue;
    let before = i - 1;
    while (before > 0 && lines[before]!.trim() === '') before--;
    const named = /`([\w./-]+\.ts)`:$/.exec(lines[before]!.trim());
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1]!.trim() !== '```') i++;
    out.push({ line: start + 1, code: lines.slice(start, i + 1).join('\n'), ...(named ? { path: named[1]! } : {}) });
    i++;
  }
  return out;
}

const options: ts.CompilerOptions = {
  ...ts.convertCompilerOptionsFromJson(
    JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions,
    root,
  ).options,
  noEmit: true,
  // A snippet is a module of its own; unused locals are the reader's business.
  moduleDetection: ts.ModuleDetectionKind.Force,
  baseUrl: root,
  paths: { interleave: ['checker/index.ts'], 'interleave/*': ['checker/*.ts'] },
};

/** Compiles the snippets as files beside the README (never written), returning each one's errors. */
function compile(files: ReadonlyMap<string, string>, previous?: ts.Program): { program: ts.Program; errors: Map<string, readonly ts.Diagnostic[]> } {
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, language, onError, create) => {
    const text = files.get(f);
    return text === undefined ? getSourceFile.call(host, f, language, onError, create) : ts.createSourceFile(f, text, language, true);
  };
  // The second compilation reuses the first one's parse of everything but the snippets.
  const program = ts.createProgram([...files.keys()], options, host, previous);
  const errors = new Map<string, readonly ts.Diagnostic[]>();
  for (const f of files.keys()) {
    const source = program.getSourceFile(f)!;
    errors.set(f, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]);
  }
  return { program, errors };
}

/** "Cannot find name", with or without a suggestion of what was meant. */
const CANNOT_FIND_NAME = new Set([2304, 2552, 2582, 2593]);

describe('the README', () => {
  it('has TypeScript snippets that typecheck against the public API', { timeout: 60_000 }, () => {
    const found = snippets();
    expect(found.length).toBeGreaterThan(3);
    const file = (i: number): string => {
      const path = found[i]!.path;
      return (path ? join(root, path) : join(root, 'test', `.readme-snippet-${i}.ts`)).replaceAll('\\', '/');
    };
    const code = new Map(found.map((s, i) => [file(i), s.code]));
    // First pass: which names each snippet leaves undefined; they are declared, then all compiled.
    const first = compile(code);
    for (const [f, diagnostics] of first.errors) {
      const missing = new Set(diagnostics.filter((d) => CANNOT_FIND_NAME.has(d.code)).map((d) => d.file!.text.slice(d.start!, d.start! + d.length!)));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reader's, of any type
      if (missing.size > 0) code.set(f, `${[...missing].map((n) => `declare const ${n}: any; type ${n} = any;`).join(' ')}\n${code.get(f)!}`);
    }
    const errors = [...compile(code, first.program).errors].flatMap(([f, diagnostics], i) =>
      diagnostics.map((d) => {
        const at = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
        const line = found[i]!.line + at - (code.get(f)!.startsWith('declare const') ? 1 : 0);
        return `README.md:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      }),
    );
    expect(errors).toEqual([]);
  });
});
