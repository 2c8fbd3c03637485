// One level of a breadth-first search: its states, in order, each with its id. A level of a raw
// model's states is held as bytes (state-codec.ts) and decoded when the state is expanded, so a
// wide level costs tens of bytes a state rather than an object graph each. States whose parts are
// shared between states (frozen in whole or in part: actor systems) are held as references to
// those parts (shared-parts.ts): copying the parts out as bytes would cost more than it saves.
// A state neither can hold is kept as an object.

import { SharedPartsLevel } from './shared-parts.ts';
import { Arena, StateCodec } from './state-codec.ts';

/** Levels of states that are records of shared parts, with these fields. */
export class SharedParts {
  constructor(readonly keys: readonly string[]) {}
}

export type FrontierCodec = StateCodec | SharedParts;

/** How a search whose first states are `states` keeps its levels, or undefined to keep objects. */
export function frontierCodec(states: readonly unknown[]): FrontierCodec | undefined {
  const s = states[0];
  if (typeof s !== 'object' || s === null) return undefined;
  if (!sharesStructure(s)) return new StateCodec();
  return Object.getPrototypeOf(s) === Object.prototype && !Array.isArray(s) ? new SharedParts(Object.keys(s)) : undefined;
}

/**
 * Whether states are built from shared frozen parts (as an actor system's are): their unchanged
 * parts are the same objects from state to state, which costs no memory and lets fingerprints be
 * cached by identity. A decoded copy would lose both, and cost more than it saves.
 */
function sharesStructure(s: object): boolean {
  if (Object.isFrozen(s)) return true;
  for (const v of Object.values(s)) if (typeof v === 'object' && v !== null && Object.isFrozen(v)) return true;
  return false;
}

/** `offsets` entry of a state kept as an object. */
const AS_OBJECT = -1;

export class Frontier<S> {
  private arena: Arena | undefined;
  private shared: SharedPartsLevel<S> | undefined;
  private offsets: Int32Array;
  private ids: Int32Array;
  /** States kept as objects (every state, without a codec), by position. */
  private objects: (S | undefined)[] = [];
  length = 0;

  private readonly codec: StateCodec | undefined;

  constructor(codec: FrontierCodec | undefined, capacity = 1024) {
    this.codec = codec instanceof StateCodec ? codec : undefined;
    this.arena = this.codec === undefined ? undefined : new Arena(capacity * 64);
    this.shared = codec instanceof SharedParts ? new SharedPartsLevel<S>(codec.keys, capacity) : undefined;
    this.offsets = new Int32Array(codec === undefined ? 0 : capacity);
    this.ids = new Int32Array(capacity);
  }

  static of<S>(codec: FrontierCodec | undefined, states: readonly S[], ids: readonly number[]): Frontier<S> {
    const f = new Frontier<S>(codec, Math.max(16, states.length));
    for (let i = 0; i < states.length; i++) f.push(states[i]!, ids[i]!);
    return f;
  }

  push(s: S, id: number): void {
    const n = this.length;
    if (n === this.ids.length) this.grow();
    this.ids[n] = id;
    const { codec, arena, shared } = this;
    if (shared !== undefined) {
      const fits = shared.fits(s);
      this.offsets[n] = fits ? shared.push(s as object) : AS_OBJECT;
      if (!fits) this.objects[n] = s;
    } else if (codec !== undefined) {
      const at = codec.encode(arena!, s);
      this.offsets[n] = at;
      if (at === AS_OBJECT) this.objects[n] = s;
    } else this.objects[n] = s;
    this.length = n + 1;
  }

  id(i: number): number {
    return this.ids[i]!;
  }

  /** State `i` (decoded, if it was encoded: parts it shares with the states read before it may come back shared). */
  state(i: number): S {
    const { codec, shared } = this;
    if (shared !== undefined) {
      const at = this.offsets[i]!;
      if (at !== AS_OBJECT) return shared.state(at);
    } else if (codec !== undefined) {
      const at = this.offsets[i]!;
      if (at !== AS_OBJECT) return codec.decode(this.arena!, at) as S;
    }
    return this.objects[i]!;
  }

  /**
   * State `i`, no longer held here (the search expands each state once), nor any state before it:
   * a level is taken in order, and what was read is let go before the level ends.
   */
  take(i: number): S {
    const s = this.state(i);
    if (this.objects.length > i) this.objects[i] = undefined;
    const at = this.offsets.length > i ? this.offsets[i]! : AS_OBJECT;
    if (at !== AS_OBJECT) {
      this.shared?.dropBefore(at);
      this.arena?.dropBefore(at);
    }
    return s;
  }

  /** Drops the states from position `n` on (their bytes stay in the arena until it is released). */
  truncate(n: number): void {
    if (n >= this.length) return;
    this.length = n;
    if (this.objects.length > n) this.objects.length = n;
  }

  /** Bytes held by the level's encoded states (objects kept as they are not counted). */
  get heldBytes(): number {
    return (this.arena?.heldBytes ?? 0) + (this.shared?.heldBytes ?? 0);
  }

  /** The ids of the states from position `from` on. */
  idsFrom(from: number): number[] {
    return Array.from(this.ids.subarray(from, this.length));
  }

  /** Frees the level's memory (its ids stay readable). */
  release(): void {
    this.arena = undefined;
    this.shared = undefined;
    this.objects = [];
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Int32Array(cap);
    ids.set(this.ids);
    this.ids = ids;
    if (this.offsets.length > 0) {
      const offsets = new Int32Array(cap);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
  }
}
