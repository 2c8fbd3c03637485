import { describe, expect, it } from 'vitest';
import { Frontier, frontierCodec, SharedParts } from '../../checker/explore/frontier.ts';
import { Arena, StateCodec } from '../../checker/explore/state-codec.ts';
import { fingerprint } from '../../checker/fingerprint/hash.ts';

describe('a breadth-first level held as bytes', () => {
  const codec = new StateCodec();
  const roundTrip = (v: unknown): unknown => {
    const arena = new Arena(4);
    codec.encode(arena, 'first'); // another value before it
    const at = codec.encode(arena, v);
    expect(at).toBeGreaterThan(0);
    expect(codec.decode(arena, 0)).toBe('first');
    return codec.decode(arena, at);
  };

  it('gives back plain data equal to what was encoded, key and insertion order kept', () => {
    const state = {
      n: 7,
      neg: -123456,
      big: 2 ** 40,
      min: -(2 ** 31),
      half: 0.5,
      nan: Number.NaN,
      negZero: -0,
      s: 'héllo',
      flags: [true, false, null, undefined],
      nested: { b: [1, [2, [3]]], a: {} },
      set: new Set(['x', 1, { k: 'v' }]),
      map: new Map<unknown, unknown>([
        ['one', 1],
        [2, ['two']],
      ]),
      id: 12345678901234567890n,
      gone: undefined,
    };
    const back = roundTrip(state) as typeof state;
    expect(back).toEqual(state);
    expect(Object.keys(back)).toEqual(Object.keys(state));
    expect([...back.set]).toEqual([...state.set]);
    expect([...back.map.keys()]).toEqual([...state.map.keys()]);
    expect(Object.is(back.negZero, -0)).toBe(true);
    expect(fingerprint(back)).toEqual(fingerprint(state));
    const bare = Object.assign(Object.create(null) as Record<string, number>, { a: 1 });
    expect(Object.getPrototypeOf(roundTrip(bare))).toBe(null);
  });

  it('keeps as objects the states it cannot encode', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const f = new Frontier<unknown>(new StateCodec());
    const odd = { p: new Point(1) };
    f.push({ a: 1 }, 10);
    f.push(odd, 11);
    f.push({ f: () => 1 }, 12);
    f.push([1, 2], 13);
    expect(f.length).toBe(4);
    expect(f.state(0)).toEqual({ a: 1 });
    expect(f.take(1)).toBe(odd);
    expect(f.state(3)).toEqual([1, 2]);
    expect([0, 1, 2, 3].map((i) => f.id(i))).toEqual([10, 11, 12, 13]);
    expect(frontierCodec([{ a: 1 }])).toBeInstanceOf(StateCodec);
  });

  it('writes a part shared by states pushed one after another once, and gives it back as one object', () => {
    const codec = new StateCodec();
    const arena = new Arena(1 << 12);
    const flags = [true, false, true];
    const names = ['working', 'prepared'];
    const first = { names, flags, n: 1 };
    const second = { names: ['working', 'aborted'], flags, n: 2 };
    const at1 = codec.encode(arena, first);
    const size1 = arena.length;
    const at2 = codec.encode(arena, second);
    // The second state's flags are a reference back: fewer bytes than the first's.
    expect(arena.length - size1).toBeLessThan(size1);
    const back1 = codec.decode(arena, at1) as typeof first;
    const back2 = codec.decode(arena, at2) as typeof second;
    expect(back1).toEqual(first);
    expect(back2).toEqual(second);
    expect(back2.flags).toBe(back1.flags);
    expect(back2.names).not.toBe(back1.names);
    // Read first (after another level's state), a reference is decoded from the bytes it refers to.
    const other = new Arena(64);
    codec.decode(other, codec.encode(other, 'x'));
    const alone = codec.decode(arena, at2) as typeof second;
    expect(alone).toEqual(second);
    expect(alone.flags).not.toBe(back1.flags);
  });

  it('keeps references within a chunk: states sharing parts across chunk boundaries come back equal', () => {
    const f = new Frontier<{ big: number[]; small: string[]; i: number }>(new StateCodec(), 2);
    const bigs = [0, 1, 2].map((k) => Array.from({ length: 50 + k * 30 }, (_, j) => j * k));
    const smalls = [['a'], ['b', 'c'], []];
    const state = (i: number) => ({ big: bigs[(i >> 3) % 3]!, small: smalls[i % 3]!, i });
    for (let i = 0; i < 3000; i++) f.push(state(i), i);
    for (let i = 0; i < 3000; i++) expect(f.take(i)).toEqual(state(i));
  });
});

describe('a breadth-first level of states built from shared parts (an actor system)', () => {
  const node = (n: number) => Object.freeze({ n });
  const envelope = (m: string) => Object.freeze({ m });
  const a = node(1);
  const b = node(2);
  const e = envelope('x');
  const crashed = [false, false];
  const state = (nodes: object[], network: object[]) => ({ actors: nodes, crashed, network, faults: Object.freeze({ lost: 0 }) });

  it('is held as references to those parts: a state comes back equal, around the very same parts', () => {
    const codec = frontierCodec([state([a, b], [])]);
    expect(codec).toBeInstanceOf(SharedParts);
    const f = new Frontier<ReturnType<typeof state>>(codec, 2);
    const states = Array.from({ length: 500 }, (_, i) => state(i % 2 ? [a, node(i)] : [b, a], i % 3 ? [e, envelope(`m${i}`)] : []));
    states.forEach((s, i) => f.push(s, i));
    for (let i = 499; i >= 0; i--) {
      const back = f.state(i);
      expect(back).toEqual(states[i]);
      expect(Object.keys(back)).toEqual(['actors', 'crashed', 'network', 'faults']);
      expect(back.actors[0]).toBe(states[i]!.actors[0]);
      expect(back.network[0]).toBe(states[i]!.network[0]);
      expect(back.faults).toBe(states[i]!.faults);
      expect(fingerprint(back)).toEqual(fingerprint(states[i]));
    }
  });

  it('keeps as objects the states with other fields', () => {
    const f = new Frontier<object>(frontierCodec([state([a], [])]), 4);
    const other = { actors: [a], crashed };
    f.push(other, 1);
    f.push(state([a], [e]), 2);
    expect(f.take(0)).toBe(other);
    expect(f.take(1)).toEqual(state([a], [e]));
  });

  it('grows past its first capacity, a state moving whole to the next chunk', () => {
    const f = new Frontier<{ i: number; tag: string; pad: number[] }>(new StateCodec(), 2);
    const state = (i: number) => ({ i, tag: `t${i % 7}`, pad: new Array<number>(i % 20).fill(i) });
    for (let i = 0; i < 4000; i++) f.push(state(i), i * 3);
    for (let i = 0; i < 4000; i++) {
      expect(f.id(i)).toBe(i * 3);
      expect(f.take(i)).toEqual(state(i));
    }
  });
});

describe('a breadth-first level taken in order', () => {
  /** Takes all but the last of n states in order; the bytes held before and after. */
  const taking = <S>(f: Frontier<S>, n: number, state: (i: number) => S) => {
    for (let i = 0; i < n; i++) f.push(state(i), i);
    const full = f.heldBytes;
    for (let i = 0; i < n - 1; i++) {
      const back = f.take(i);
      if (i % 101 === 0) expect(back).toEqual(state(i));
    }
    const left = f.heldBytes;
    expect(f.state(n - 1)).toEqual(state(n - 1));
    return { full, left };
  };

  it('lets go of the bytes it has read before the level ends: only the last chunk is left', () => {
    const state = (i: number) => ({ i, tag: `t${i % 7}`, pad: new Array<number>(i % 20).fill(i) });
    const { full, left } = taking(new Frontier<ReturnType<typeof state>>(new StateCodec(), 2), 100_000, state);
    expect(left).toBeLessThan(full * 0.6);
  });

  it('lets go of the words of the shared-part states it has read: only the last chunk is left', () => {
    const parts = Array.from({ length: 64 }, (_, n) => Object.freeze({ n }));
    // 40 parts a state, in its own array: ~42 words, so 20,000 states fill several chunks.
    const state = (i: number) => ({ nodes: Array.from({ length: 40 }, (_, j) => parts[(i + j) % 64]!), step: i });
    const { full, left } = taking(new Frontier<ReturnType<typeof state>>(frontierCodec([state(0)]), 2), 20_000, state);
    expect(left).toBeLessThan(full * 0.6);
  });
});
