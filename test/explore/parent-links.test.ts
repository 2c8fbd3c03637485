import { describe, expect, it } from 'vitest';
import { NO_PARENT, ParentLinks } from '../../checker/explore/parent-links.ts';

describe('parent links', () => {
  it('rebuild the chain of actions to any state, across the chunks ids are kept in', () => {
    const links = new ParentLinks();
    // A chain 0 <- 1 <- ... where state id's parent is id - 1 (reached by action id % 5), and
    // initial state 0 is init() index 3: 200,000 ids span several chunks.
    links.set(0, NO_PARENT, 3);
    for (let id = 1; id < 200_000; id++) links.set(id, id - 1, id % 5);
    expect(links.parent(131_072)).toBe(131_071);
    expect(links.via(131_072)).toBe(131_072 % 5);
    const { init, steps } = links.chain(150_000);
    expect(init).toBe(3);
    expect(steps).toHaveLength(150_000);
    expect(steps.slice(0, 6)).toEqual([1, 2, 3, 4, 0, 1]);
    expect(steps.at(-1)).toBe(150_000 % 5);
  });

  it('take ids set out of order (a state found by a far part of a search)', () => {
    const links = new ParentLinks();
    links.set(70_000, 5, 1);
    links.set(5, NO_PARENT, 0);
    expect(links.chain(70_000)).toEqual({ init: 0, steps: [1] });
  });
});
