// The parent pointers of a parallel search (coordinator.ts), in shared memory that every explorer can
// read. Explorer e numbers the states it inserts e, e + W, e + 2W, ... and writes their parent
// pointers into chunks of its own; a chunk never moves once made, so it is handed to the other
// explorers once (through the coordinator) and read there in place.
//
// That lets an explorer rebuild any state from its id alone, by re-running the actions from an
// initial state, which is how work crosses threads: a state rebuilt by the model's own code has
// the same object shapes as the states that explorer made itself, where a structured clone's would
// not (cloning costs, and so does code that meets two shapes of every object), and a handful of
// ids is a cheaper message than the states. It also gives the coordinator every pointer of a counterexample's path.

/** Links per chunk (128 KiB a chunk: a parent pointer and an action index, 4 bytes each). */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** The id of the `init`th initial state: initial states have no parent pointer. */
export const initialId = (init: number): number => -2 - init;
/** The index in `init()` of the initial state with (negative) id `id`. */
export const initialIndex = (id: number): number => -2 - id;

export class SharedLinks {
  /** chunks[e][k]: links k·CHUNK .. (k + 1)·CHUNK − 1 of explorer e, as (parent, via) pairs. */
  private readonly chunks: Int32Array[][];

  /**
   * `own` is this thread's explorer; `made` is told of each chunk it makes, to hand on to the other
   * explorers before any of them can need it.
   */
  constructor(
    private readonly explorers: number,
    private readonly own: number,
    private readonly made: (index: number, buffer: SharedArrayBuffer) => void,
  ) {
    this.chunks = Array.from({ length: explorers }, () => []);
  }

  /** Records that this explorer's `local`th state was reached from `parent` by action `via`. */
  set(local: number, parent: number, via: number): void {
    const mine = this.chunks[this.own]!;
    const k = local >>> CHUNK_BITS;
    while (mine.length <= k) {
      const buffer = new SharedArrayBuffer(CHUNK * 8);
      mine.push(new Int32Array(buffer));
      this.made(mine.length - 1, buffer);
    }
    const at = (local & MASK) << 1;
    const c = mine[k]!;
    c[at] = parent;
    c[at + 1] = via;
  }

  /** Another explorer's chunk. */
  add(explorer: number, index: number, buffer: SharedArrayBuffer): void {
    this.chunks[explorer]![index] = new Int32Array(buffer);
  }

  /** Every chunk held here, this explorer's and the others' (for an explorer that joins late). */
  *held(): Iterable<{ explorer: number; index: number; buffer: SharedArrayBuffer }> {
    for (let explorer = 0; explorer < this.explorers; explorer++) {
      const mine = this.chunks[explorer]!;
      for (let index = 0; index < mine.length; index++) yield { explorer, index, buffer: mine[index]!.buffer as SharedArrayBuffer };
    }
  }

  /** The id of the state `id` was first reached from (negative: an initial state, see initialId). */
  parent(id: number): number {
    return this.entry(id, 0);
  }

  /** The index of the action (among the parent's `actions`) that reached `id`. */
  via(id: number): number {
    return this.entry(id, 1);
  }

  /** The initial state and the action indices that lead to `id`. */
  chain(id: number): { init: number; steps: number[] } {
    const steps: number[] = [];
    let cur = id;
    while (cur >= 0) {
      steps.push(this.via(cur));
      cur = this.parent(cur);
    }
    return { init: initialIndex(cur), steps: steps.reverse() };
  }

  private entry(id: number, field: 0 | 1): number {
    const e = id % this.explorers;
    const local = (id - e) / this.explorers;
    const c = this.chunks[e]![local >>> CHUNK_BITS];
    if (c === undefined) throw new Error(`internal: no parent pointer for state ${id} here`);
    // The writer published the chunk and the pointer before the message that names this id.
    return Atomics.load(c, ((local & MASK) << 1) + field);
  }
}
