#!/usr/bin/env node
// The `interleave` command. An installed package runs the compiled CLI (dist/); a source checkout
// (checker/ beside this folder: an installed package has none) runs the TypeScript sources through
// tsx, so that what runs is what is in the tree, never a dist/ left over from an older build.
// Either way spec files are TypeScript, loaded through tsx as they are imported (cli/load.ts).
import { existsSync } from 'node:fs';

const source = new URL('../checker/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/cli/main.js');
}
