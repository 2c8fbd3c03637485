// Entry of a worker thread on a spec file when the spec could not be bundled (worker-script.ts):
// registers tsx (spec files and interleave itself are TypeScript, loaded without a build), then
// runs the worker loop named in workerData on the spec file named there.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';

// Both hooks, as the main thread (cli/load.ts): a spec in a CommonJS project is CommonJS.
registerCommonJs();
register();
const { runWorker } = await import(pathToFileURL(workerData.loop).href);
runWorker(() => import(pathToFileURL(resolve(workerData.file)).href));
