import { describe, expect, it } from 'vitest';
import { EqualParts } from '../../checker/actor/equal-parts.ts';

describe('equal parts made one object', () => {
  it('gives back an equal state met before, whatever its key order, and a new one as it is', () => {
    const states = new EqualParts();
    const a = Object.freeze({ ballot: Object.freeze([1, 0]), decided: false });
    const sameContent = Object.freeze({ decided: false, ballot: Object.freeze([1, 0]) });
    const other = Object.freeze({ ballot: Object.freeze([2, 0]), decided: false });
    expect(states.intern(a)).toBe(a);
    expect(states.intern(sameContent)).toBe(a);
    expect(states.intern(other)).toBe(other);
    expect(states.intern(Object.freeze({ ballot: Object.freeze([2, 0]), decided: false }))).toBe(other);
  });
});
