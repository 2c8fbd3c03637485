#!/usr/bin/env node
// Spec files are TypeScript: tsx loads them (and interleave itself) without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../checker/cli/main.ts');
