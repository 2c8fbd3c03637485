import { describe, expect, it } from 'vitest';
import { bfs } from '../../checker/index.ts';
import { abdRegister, abdSymmetry, dynamoQuorums, dynamoSymmetry, read, renameDynamoReplicas, write, type AbdSystemOptions } from '../../protocols/quorum/index.ts';
import abdSpec from '../../specs/quorum/abd.ts';
import dynamoSpec from '../../specs/quorum/dynamo.ts';
import { bruteForceOrbits, expectExactSymmetry, specUnderSymmetry } from '../support/orbits.ts';
import { replayCounterexample } from '../support/replay.ts';

const abd = (options: AbdSystemOptions, maxDepth?: number) =>
  expectExactSymmetry(() => abdRegister(options), abdSymmetry(options), maxDepth === undefined ? {} : { maxDepth });

const n3 = (readQuorum: number, writeQuorum: number, readRepair = false) =>
  ({ replicas: 3, readQuorum, writeQuorum, readRepair, workload: [[write('1')], [read]] }) as const;

describe('symmetry in ABD: the replicas are interchangeable', () => {
  it('counts each orbit once, as the brute force does', () => {
    expect(abd({ replicas: 2, workload: [[write('1')], [read, read]] })).toEqual({ states: 1798, orbits: 979 });
    expect(abd({ replicas: 3, workload: [[write('1')]], crashes: 1 })).toEqual({ states: 1428, orbits: 290 });
    expect(abd({ replicas: 2, workload: [[write('1')], [read]], lose: 1 })).toEqual({ states: 1480, orbits: 767 });
    // The whole space is 160,968 states and 27,591 orbits (specs/quorum/abd.ts r3-write-read, heavy).
    expect(abd({ replicas: 3, workload: [[write('1')], [read]] }, 10)).toEqual({ states: 2676, orbits: 539 });
  });

  it('counts each orbit once with two writers, whose timestamps differ in the writer’s id', () => {
    expect(abd({ replicas: 2, workload: [[write('1'), read], [write('2')]] })).toEqual({ states: 3217, orbits: 1709 });
  });

  it('finds read-without-write-back with symmetry: a shortest trace still, which replays on the unreduced model', () => {
    const options = { replicas: 3, workload: [[write('1')], [read, read]], bug: 'read-without-write-back' } as const;
    const reduced = bfs(abdRegister(options), { symmetry: true });
    expect(reduced.property).toBe('Linearizable');
    expect(replayCounterexample(abdRegister(options), reduced).labels).toHaveLength(16);
  });

  it('meets every expectation of specs/quorum/abd.ts under --symmetry', () => {
    expect(specUnderSymmetry(abdSpec, 'specs/quorum/abd.ts')).toEqual({
      'r2-write-2reads': [1798, 979],
      'r2-2writers': [54_964, 28_006],
      'read-without-write-back': [37_754, 7142],
    });
  });
});

describe('symmetry in Dynamo: the replicas are interchangeable while one client writes', () => {
  it('counts each orbit once, as the brute force does, for every holding quorum', () => {
    const exact = (options: ReturnType<typeof n3>) => expectExactSymmetry(() => dynamoQuorums(options), dynamoSymmetry(options)!);
    expect(exact(n3(2, 2))).toEqual({ states: 2236, orbits: 467 });
    expect(exact(n3(1, 3))).toEqual({ states: 2116, orbits: 433 });
    expect(exact(n3(3, 1))).toEqual({ states: 2059, orbits: 421 });
    expect(exact(n3(2, 2, true))).toEqual({ states: 2530, orbits: 516 });
  });

  it('finds the stale reads of R + W <= N with symmetry: shortest traces still, which replay on the unreduced model', () => {
    for (const [r, w, length] of [
      [1, 1, 6],
      [1, 2, 8],
    ] as const) {
      const reduced = bfs(dynamoQuorums(n3(r, w)), { symmetry: true });
      expect(reduced.property).toBe('NoStaleRead');
      expect(replayCounterexample(dynamoQuorums(n3(r, w)), reduced).labels).toHaveLength(length);
    }
  });

  it('declares nothing with two writers: each numbers its own writes, and a read picks between equal versions by replica', () => {
    const workload = [[write('1')], [write('2')], [read]];
    expect(dynamoSymmetry({ ...n3(2, 2), workload })).toBeUndefined();
    // Declared anyway, renaming the replicas would lead out of the reachable states.
    const options = { replicas: 2, readQuorum: 2, writeQuorum: 1, workload };
    expect(bruteForceOrbits(dynamoQuorums(options), { groups: [[0, 1]], renameState: renameDynamoReplicas }).outside).toBeGreaterThan(0);
  });

  it('meets every expectation of specs/quorum/dynamo.ts under --symmetry', () => {
    expect(specUnderSymmetry(dynamoSpec, 'specs/quorum/dynamo.ts')).toEqual({
      'n3-r2-w2': [2236, 467],
      'n3-r1-w3': [2116, 433],
      'n3-r3-w1': [2059, 421],
      'n3-r2-w2-repair': [2530, 516],
      'n3-r1-w1': [224, 64],
      'n3-r1-w2': [731, 167],
    });
  });
});
