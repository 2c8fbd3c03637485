// The state graph's edges, as an exhaustive search finds them, for checks that need the whole
// graph rather than one state at a time (liveness: fair cycles, leads-to).
//
// State ids are the search's own (dense, 0, 1, 2, … in discovery order; with symmetry, the id of
// the orbit's representative). Every transition is reported, duplicates of already-visited states
// and self-loops included, so a sink can tell which actions are enabled in a state from its edges.

export interface EdgeSink<S, A> {
  /** A newly found distinct state. */
  state(id: number, s: S): void;
  /**
   * A transition `from` → `to` by `action`, the `via`-th candidate of `model.actions(from)`
   * (the index a trace and a parent pointer use).
   */
  edge(from: number, to: number, action: A, via: number): void;
  /**
   * The search did not expand this state (outside `within`, at `maxDepth`, or stopped by a budget):
   * its edges are unknown, so it is neither a dead end nor known to be on a cycle.
   */
  unexpanded(id: number): void;
}
