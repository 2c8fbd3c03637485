// A Dynamo-style key-value store with version vectors and siblings.

import { defineSpec } from '../../checker/index.ts';
import { versionVectorStore } from '../../protocols/clocks/index.ts';

export default defineSpec({
  name: 'VersionVectorStore',
  description: 'No Lost Update (only a causally later write supersedes a write) and Convergence',
  configs: {
    'r2-c2-read-then-write': {
      model: () => versionVectorStore({ replicas: 2, clients: 2, reads: true }),
      expect: 'holds',
      description: '2 replicas, 2 clients that may read before their write',
    },
    'r3-c2-blind-writes': {
      model: () => versionVectorStore({ replicas: 3, clients: 2 }),
      expect: 'holds',
      description: '3 replicas, 2 clients writing blind: concurrent writes become siblings',
    },
    'r2-c3-read-then-write': {
      model: () => versionVectorStore({ replicas: 2, clients: 3, reads: true }),
      expect: 'holds',
      description: '2 replicas, 3 clients that may read before their write',
      heavy: true,
    },
    'last-writer-wins-wall-clock': {
      model: () => versionVectorStore({ replicas: 2, clients: 2, reads: true, bug: 'last-writer-wins-wall-clock' }),
      expect: { violates: 'NoLostUpdate' },
      description: 'concurrent writes resolved by a per-replica wall clock, keeping one',
    },
  },
});
