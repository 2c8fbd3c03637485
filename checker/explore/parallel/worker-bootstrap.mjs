// Entry of a parallel-search worker thread when the spec could not be bundled (worker-script.ts):
// registers tsx (spec files and interleave itself are TypeScript, loaded without a build), then
// runs the worker loop on the spec file named in workerData.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runWorker } = await import('./worker.ts');
runWorker(() => import(pathToFileURL(resolve(workerData.file)).href));
