// `npm run build`: compiles checker/ to dist/ (ES modules, declarations, source maps), copies the
// files beside the sources that are not TypeScript (e.g. the worker bootstrap, a .mjs) and checks
// that every entry in package.json's `exports` points into dist/ at a file the build produced, so
// an entry added to `exports` is covered without touching this script.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'checker');
const out = join(root, 'dist');

/** Sources tsc does not emit that the compiled code reads or imports at run time. */
const ASSET = /\.(mjs|cjs|js|json|css|html|svg)$/;

function fail(message) {
  process.stderr.write(`build: ${message}\n`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) fail('tsc failed');

let assets = 0;
(function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (ASSET.test(entry.name)) {
      const target = join(out, relative(src, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
      assets++;
    }
  }
})(src);

// Every export target (and its types) must be a built file.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const [key, value] of Object.entries(pkg.exports)) {
  const entryTargets = [];
  (function collect(v) {
    if (typeof v === 'string') entryTargets.push(v);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
  })(value);
  if (typeof value !== 'object' || value === null || typeof value.types !== 'string') {
    fail(`package.json exports "${key}": give it a "types" condition (./dist/X.d.ts) beside "default"`);
  }
  for (const target of entryTargets) {
    if (!target.startsWith('./dist/')) {
      fail(`package.json exports "${key}" -> ${target}: point it into ./dist (its source checker/X.ts builds to ./dist/X.js, types ./dist/X.d.ts)`);
    }
    if (!existsSync(join(root, target))) fail(`package.json exports "${key}" -> ${target}: the build produced no such file`);
  }
}
process.stdout.write(`build: dist/ from checker/ (${assets} asset${assets === 1 ? '' : 's'} copied), ${Object.keys(pkg.exports).length} exports checked\n`);
