// The explorer page's script: the typed module in page/ bundled by esbuild into one IIFE, once per
// process, at the first page served (as the trace page's script is, see trace/html-script.ts). A
// build that ships compiled JavaScript puts the bundle beside this module as
// `explorer-page.bundle.js`, which is then read instead.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

let script: string | undefined;

export function explorerScript(): string {
  script ??= load();
  return script;
}

function load(): string {
  const prebuilt = fileURLToPath(new URL('./explorer-page.bundle.js', import.meta.url));
  const code = existsSync(prebuilt) ? readFileSync(prebuilt, 'utf8') : bundle();
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

function bundle(): string {
  const ts = fileURLToPath(new URL('./page/main.ts', import.meta.url));
  const entry = existsSync(ts) ? ts : fileURLToPath(new URL('./page/main.js', import.meta.url));
  const result = buildSync({ entryPoints: [entry], bundle: true, format: 'iife', platform: 'browser', target: 'es2020', charset: 'utf8', write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}
