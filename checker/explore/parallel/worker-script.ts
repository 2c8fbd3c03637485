// What a worker thread that runs on a spec file runs: a parallel search's worker (worker.ts), or
// the explorer's "search from here" (checker/explorer/search-worker.ts). Each is a worker loop, a
// module that exports `runWorker(load)`. Loading tsx in every worker and the spec's TypeScript
// through its loader hooks (a thread of their own, one round trip per module) takes about half a
// second a worker; so the spec, the engine and the worker loop are bundled into one ES module with
// esbuild (which tsx already brings) and each worker starts on that, in well under a tenth of a
// second. Where it cannot be bundled, workers load it through tsx (worker-bootstrap.mjs).
//
// A bundled module's `import.meta.url` would be the bundle's, not its file's: a spec whose code
// uses `import.meta` (to read a file beside it, say) is not bundled.

import { Worker } from 'node:worker_threads';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file of worker loop `name`, a module beside `moduleUrl`: TypeScript from source, JavaScript built (dist/). */
export function workerLoop(moduleUrl: string, name: string): string {
  return fileURLToPath(new URL(`${name}${moduleUrl.endsWith('.ts') ? '.ts' : '.js'}`, moduleUrl));
}

/** A parallel search's worker loop. */
export const PARALLEL_LOOP = workerLoop(import.meta.url, './worker');
const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/** What every worker on a spec file starts with; the bootstrap reads it. */
export interface SpecWorkerData {
  /** The spec file. */
  readonly file: string;
  /** The worker loop (`workerLoop`). */
  readonly loop: string;
}

/** One bundle per spec file and loop per process: a run checks many configurations of one file. */
const bundles = new Map<string, Promise<URL | undefined>>();

/** The URL a worker running `loop` on `specFile` starts from (a parallel search's, by default). */
export async function workerScript(specFile: string, loop: string = PARALLEL_LOOP): Promise<URL> {
  const file = resolve(specFile);
  const key = `${loop}\n${file}`;
  let bundle = bundles.get(key);
  if (bundle === undefined) {
    bundle = bundled(file, loop);
    bundles.set(key, bundle);
  }
  return (await bundle) ?? BOOTSTRAP;
}

/**
 * A worker thread started from `url` (`workerScript(file, loop)`), with `data` beside what the
 * bootstrap reads. No inherited node flags: a `--import tsx` of the parent would load tsx again in
 * every worker, for a bundle that does not need it (the bootstrap registers it itself).
 */
export function startSpecWorker<D extends SpecWorkerData>(url: URL, data: D): Worker {
  return new Worker(url, { workerData: data, execArgv: [] });
}

/** A data: URL of the bundle of `file` with `loop`, or undefined if esbuild fails. */
async function bundled(file: string, loop: string): Promise<URL | undefined> {
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      stdin: {
        contents: `import * as spec from ${JSON.stringify(file)};\nimport { runWorker } from ${JSON.stringify(loop)};\nrunWorker(async () => spec);\n`,
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
