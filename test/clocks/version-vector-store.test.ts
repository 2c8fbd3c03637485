import { describe, it, expect } from 'vitest';
import { explore } from '../../checker/index.ts';
import { explainLostUpdate, mergeVersions, versionVectorStore, type Version } from '../../protocols/clocks/index.ts';
import { replayCounterexample } from '../support/replay.ts';

describe('Version-vector key-value store', () => {
  it('keeps concurrent writes as siblings and drops only dominated ones', () => {
    const a: Version = { value: 'C1:1', vv: [1, 0] };
    const b: Version = { value: 'C2:1', vv: [0, 1] };
    const c: Version = { value: 'C2:2', vv: [1, 2] };
    expect(mergeVersions([a], [b]).map((v) => v.value)).toEqual(['C1:1', 'C2:1']);
    expect(mergeVersions([a, b], [c]).map((v) => v.value)).toEqual(['C2:2']);
    expect(mergeVersions([a], [a])).toEqual([a]);
  });

  it('loses no update and converges: 2 replicas, 2 clients that may read first', () => {
    const outcome = explore(versionVectorStore({ replicas: 2, clients: 2, reads: true }));
    expect(outcome.status).toBe('holds');
    expect(outcome.unreached).toEqual([]); // siblings appear, and a write supersedes another
  });

  it('loses no update and converges: 3 replicas, 2 blind writers', () => {
    expect(explore(versionVectorStore({ replicas: 3, clients: 2 })).status).toBe('holds');
  });

  it('bug last-writer-wins-wall-clock: resolving concurrent writes by wall clock loses one', () => {
    const model = versionVectorStore({ replicas: 2, clients: 2, bug: 'last-writer-wins-wall-clock' });
    const outcome = explore(model);
    expect(outcome.status).toBe('violated');
    expect(outcome.property).toBe('NoLostUpdate');
    expect(outcome.path!.actions).toHaveLength(4);
    expect(explainLostUpdate(replayCounterexample(model, outcome).final, model.nodeNames)).toBe(
      'write C1:1 at C1.e1 (send) was discarded, yet no causally later write overwrote it: it is concurrent with write C2:1 at C2.e1 (send), which the replicas kept',
    );
  });
});
