// Parent pointers of an exhaustive search. For each state id: the id of the state it was first
// reached from (NO_PARENT for an initial state) and the index of the action taken there (for an
// initial state, its index in `init()`). A path is rebuilt by re-running those actions, as TLC
// does, so full states need not be kept: 8 bytes a state, in arrays that grow by half.

export const NO_PARENT = -1;

export class ParentLinks {
  private parents: Int32Array;
  private vias: Int32Array;

  constructor(capacity = 1 << 12) {
    this.parents = new Int32Array(capacity);
    this.vias = new Int32Array(capacity);
  }

  set(id: number, parent: number, via: number): void {
    if (id >= this.parents.length) {
      const size = Math.max(id + 1, Math.ceil(this.parents.length * 1.5));
      const parents = new Int32Array(size);
      parents.set(this.parents);
      this.parents = parents;
      const vias = new Int32Array(size);
      vias.set(this.vias);
      this.vias = vias;
    }
    this.parents[id] = parent;
    this.vias[id] = via;
  }

  parent(id: number): number {
    return this.parents[id]!;
  }

  via(id: number): number {
    return this.vias[id]!;
  }

  /** The initial-state index and the action indices that lead to `id`. */
  chain(id: number): { init: number; steps: number[] } {
    const steps: number[] = [];
    let cur = id;
    while (this.parents[cur] !== NO_PARENT) {
      steps.push(this.vias[cur]!);
      cur = this.parents[cur]!;
    }
    return { init: this.vias[cur]!, steps: steps.reverse() };
  }
}
