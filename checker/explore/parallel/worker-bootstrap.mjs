// Entry of a parallel-search worker thread when the spec could not be bundled (worker-script.ts):
// registers tsx (spec files and interleave itself are TypeScript, loaded without a build), then
// runs the worker loop on the spec file named in workerData.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

// Both hooks, as the main thread (cli/load.ts): a spec in a CommonJS project is CommonJS.
registerCommonJs();
register();
// Beside the sources the worker loop is TypeScript; in a build (dist/), JavaScript.
const source = new URL('./worker.ts', import.meta.url);
const { runWorker } = await import(existsSync(source) ? source.href : './worker.js');
runWorker(() => import(pathToFileURL(resolve(workerData.file)).href));
