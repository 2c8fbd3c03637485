// What a parallel search's worker thread runs. Loading tsx in every worker and the spec's
// TypeScript through its loader hooks (a thread of their own, one round trip per module) takes
// about half a second a worker; so the coordinator bundles the spec, the engine and the worker loop
// into one ES module with esbuild (which tsx already brings) and starts each worker on that, in
// well under a tenth of a second. Where it cannot be bundled, workers load it through tsx.
//
// A bundled module's `import.meta.url` would be the bundle's, not its file's: a spec whose code
// uses `import.meta` (to read a file beside it, say) is not bundled.

import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Compiled (dist/), the engine's modules end in .js; run from source, in .ts.
const EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const WORKER = fileURLToPath(new URL(`./worker${EXTENSION}`, import.meta.url));
const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** One bundle per spec file per process: a run checks many configurations of one file. */
const bundles = new Map<string, Promise<URL | undefined>>();

/** The URL a worker of a parallel search of `specFile` starts from. */
export async function workerScript(specFile: string): Promise<URL> {
  const file = resolve(specFile);
  let bundle = bundles.get(file);
  if (bundle === undefined) {
    bundle = bundled(file);
    bundles.set(file, bundle);
  }
  return (await bundle) ?? BOOTSTRAP;
}

/** A data: URL of the bundle of `file` with the worker loop, or undefined if esbuild fails. */
async function bundled(file: string): Promise<URL | undefined> {
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      stdin: {
        contents: `import * as spec from ${JSON.stringify(file)};\nimport { runWorker } from ${JSON.stringify(WORKER)};\nrunWorker(async () => spec);\n`,
        resolveDir: dirname(file),
        sourcefile: 'interleave-worker.ts',
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      // Bundled CommonJS packages may require Node's own modules.
      banner: { js: `import { createRequire as __interleaveRequire } from 'node:module'; const require = __interleaveRequire(${JSON.stringify(pathToFileURL(file).href)});` },
    });
    const code = result.outputFiles[0]!.text;
    // In a bundle, import.meta would be the bundle's: code that uses it loads through tsx.
    if (code.includes('import.meta')) return undefined;
    return new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  } catch {
    return undefined;
  }
}
