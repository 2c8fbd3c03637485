import { describe, expect, it } from 'vitest';
import { SharedLinks, initialId } from '../../checker/explore/parallel/shared-links.ts';

// Three explorers; explorer e's kth state has id k·3 + e. Each explorer hands its chunks to the
// others as it makes them, as the coordinator does.
function explorers(n: number): SharedLinks[] {
  const all: SharedLinks[] = [];
  for (let e = 0; e < n; e++) {
    all.push(
      new SharedLinks(n, e, (index, buffer) => {
        for (const other of all) if (other !== all[e]) other.add(e, index, buffer);
      }),
    );
  }
  return all;
}

describe('shared parent pointers of a parallel search', () => {
  it('follows a chain through every explorer’s chunks, past a chunk boundary, to its initial state', () => {
    const [a, b, c] = explorers(3) as [SharedLinks, SharedLinks, SharedLinks];
    // A path of 40,000 steps from initial state 1, its states inserted by a, b, c in turn, each
    // after two filler states: every explorer writes 40,000 links, more than two chunks hold.
    const byExplorer = [a, b, c];
    const local = [0, 0, 0];
    let parent = initialId(1);
    const ids: number[] = [];
    for (let step = 0; step < 40_000; step++) {
      const e = step % 3;
      const k = local[e]!++;
      for (let f = 0; f < 2; f++) byExplorer[e]!.set(local[e]!++, initialId(0), 0);
      byExplorer[e]!.set(k, parent, step % 7);
      parent = k * 3 + e;
      ids.push(parent);
    }
    const end = ids.at(-1)!;
    for (const reader of [a, b, c]) {
      const { init, steps } = reader.chain(end);
      expect(init).toBe(1);
      expect(steps).toHaveLength(40_000);
      expect(steps.every((v, i) => v === i % 7)).toBe(true);
      expect(reader.parent(ids[0]!)).toBe(initialId(1));
    }
  });

  it('lists every chunk it holds, its own and those handed to it, for an explorer that joins late', () => {
    const [a, b] = explorers(2) as [SharedLinks, SharedLinks];
    a.set(0, initialId(0), 1);
    b.set(40_000, initialId(0), 2); // its third chunk: the first two are made on the way
    const late = new SharedLinks(2, 1, () => undefined);
    for (const c of a.held()) late.add(c.explorer, c.index, c.buffer);
    expect([...a.held()].map((c) => [c.explorer, c.index])).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(late.via(0)).toBe(1);
    expect(late.via(40_000 * 2 + 1)).toBe(2);
  });

  it('says so when asked for a pointer it has not been handed', () => {
    const lonely = new SharedLinks(2, 0, () => undefined);
    lonely.set(0, initialId(0), 3);
    expect(lonely.via(0)).toBe(3);
    expect(() => lonely.parent(1)).toThrow(/no parent pointer for state 1/);
  });
});
