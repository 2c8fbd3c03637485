// Parent pointers of an exhaustive search. For each state id: the id of the state it was first
// reached from (NO_PARENT for an initial state) and the index of the action taken there (for an
// initial state, its index in `init()`). A path is rebuilt by re-running those actions, as TLC
// does, so full states need not be kept: 8 bytes a state, in chunks added as ids grow, so that
// growing never copies (a grown array would hold the old and the new one at once: with 61 million
// states, a third of a gigabyte more at the moment of growth).

export const NO_PARENT = -1;

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

export class ParentLinks {
  /** Per chunk of CHUNK ids: each id's parent, then its action (2 words an id). */
  private readonly chunks: Int32Array[] = [];

  set(id: number, parent: number, via: number): void {
    const c = id >>> CHUNK_BITS;
    while (this.chunks.length <= c) this.chunks.push(new Int32Array(2 * CHUNK));
    const at = (id & (CHUNK - 1)) << 1;
    const chunk = this.chunks[c]!;
    chunk[at] = parent;
    chunk[at + 1] = via;
  }

  parent(id: number): number {
    return this.chunks[id >>> CHUNK_BITS]![(id & (CHUNK - 1)) << 1]!;
  }

  via(id: number): number {
    return this.chunks[id >>> CHUNK_BITS]![((id & (CHUNK - 1)) << 1) + 1]!;
  }

  /** The initial-state index and the action indices that lead to `id`. */
  chain(id: number): { init: number; steps: number[] } {
    const steps: number[] = [];
    let cur = id;
    while (this.parent(cur) !== NO_PARENT) {
      steps.push(this.via(cur));
      cur = this.parent(cur);
    }
    return { init: this.via(cur), steps: steps.reverse() };
  }
}
