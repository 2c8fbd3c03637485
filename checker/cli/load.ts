// Finding and loading spec files. Spec files are TypeScript, loaded through tsx without a build,
// in ES-module and CommonJS projects alike: tsx's loader hooks for both are registered before the
// first spec is imported. From an ES-module project a spec shares this process's interleave; from a
// CommonJS one it requires its own copy, which works alike (specs and input errors are recognised by
// marks, not by identity).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.ts';
import { isSpec, type Spec } from '../spec.ts';

export interface LoadedSpec {
  readonly spec: Spec;
  /** The file, relative to the working directory. */
  readonly file: string;
}

const SPEC_FILE = /\.(ts|mts|js|mjs)$/;
const NOT_SPEC = /\.(test|d)\.(ts|mts)$/;

/** The spec files under `paths` (files as given, directories searched recursively), sorted. */
export function findSpecFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError(`${p}: no such file or directory`);
    if (statSync(p).isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return [...new Set(files.map((f) => relative(process.cwd(), resolve(f))))];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (SPEC_FILE.test(entry.name) && !NOT_SPEC.test(entry.name)) out.push(p);
  }
  return out;
}

let esmHooks: Promise<void> | undefined;
let commonJsHooks: Promise<void> | undefined;

/**
 * Registers tsx's hooks, once, before the first spec that needs them is imported: the ES-module
 * hooks for every spec (run from source, where this file is TypeScript, bin/interleave.js has
 * registered them already to load the CLI itself), and the CommonJS hooks for a spec that is
 * CommonJS (they cost a tenth of a second, so an ES-module project does without).
 */
async function loadTypeScript(file: string): Promise<void> {
  esmHooks ??= (async () => {
    if (import.meta.url.endsWith('.ts')) return;
    // Modules imported after the hooks are registered each take a round trip to the hooks' thread;
    // the public API, which every spec imports, is loaded before, at native speed.
    await import('../index.ts');
    const { register } = await import('tsx/esm/api');
    register();
  })();
  await esmHooks;
  if (isCommonJs(file)) {
    commonJsHooks ??= import('tsx/cjs/api').then(({ register }) => {
      register();
    });
    await commonJsHooks;
  }
}

/** Node's rule: .cts/.cjs are CommonJS, .mts/.mjs are not, others follow the nearest package.json. */
function isCommonJs(file: string): boolean {
  if (/\.c[jt]s$/.test(file)) return true;
  if (/\.m[jt]s$/.test(file)) return false;
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type !== 'module';
      } catch {
        return true;
      }
    }
    if (dirname(dir) === dir) return true;
  }
}

/** Imports `file` and returns the specs it exports; a file that exports none is bad input. */
export async function loadSpecFile(file: string): Promise<LoadedSpec[]> {
  let mod: Record<string, unknown>;
  try {
    await loadTypeScript(file);
    mod = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`${file}: cannot load: ${faultLine(e)}`);
  }
  // A CommonJS module's exports arrive as its default export.
  const exported = isPlainObject(mod.default) && !isSpec(mod.default) ? [...Object.values(mod), ...Object.values(mod.default)] : Object.values(mod);
  const specs = [...new Set(exported.filter(isSpec))];
  if (specs.length === 0) throw new InputError(`${file}: exports no spec (export a defineSpec(...) value)`);
  return specs.map((spec) => ({ spec, file }));
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

export async function loadSpecs(paths: readonly string[]): Promise<LoadedSpec[]> {
  const out: LoadedSpec[] = [];
  for (const f of findSpecFiles(paths)) out.push(...(await loadSpecFile(f)));
  return out;
}

/** Finds spec `name` in `file` (for replaying a trace). */
export async function loadSpecNamed(file: string, name: string): Promise<Spec> {
  if (!existsSync(file)) throw new InputError(`${file}: the trace's spec file does not exist`);
  const found = (await loadSpecFile(file)).find((l) => l.spec.name === name);
  if (!found) throw new InputError(`${file}: exports no spec named ${name}`);
  return found.spec;
}

/**
 * The fault in one line. A syntax error comes from esbuild (through tsx) as a heading, "Transform
 * failed with 1 error:", over lines of `path:line:col: ERROR: what`; the first of those says it.
 */
function faultLine(e: unknown): string {
  const lines = (e instanceof Error ? e.message : String(e)).split('\n').filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  if (/^Transform failed with \d+ errors?:$/.test(first) && lines[1] !== undefined) {
    return lines[1].replace(/^.*?:(\d+):(\d+): ERROR: /, 'line $1, column $2: ');
  }
  return first;
}
