// Entry of a parallel-search worker thread: registers tsx (spec files and interleave itself are
// TypeScript, loaded without a build) and starts the worker.
import { register } from 'tsx/esm/api';

register();
await import('./parallel-worker.ts');
