// The HTML page's script: the typed viewer in html-viewer/ bundled by esbuild into one IIFE, once
// per process, at the first page drawn. A build that ships compiled JavaScript without the
// viewer's sources puts the bundle beside this module as `html-viewer.bundle.js`, which is then
// read instead.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

let script: string | undefined;

export function viewerScript(): string {
  script ??= load();
  return script;
}

function load(): string {
  const prebuilt = fileURLToPath(new URL('./html-viewer.bundle.js', import.meta.url));
  const code = existsSync(prebuilt) ? readFileSync(prebuilt, 'utf8') : bundle();
  // Inside a <script> element nothing may close it.
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

function bundle(): string {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('./html-viewer/main.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
