// Breadth-first search, one level at a time, with the way steps are taken out of a state left to
// a `Successors` policy: every enabled action (search.ts) or those outside a sleep set (por.ts).

import { DEADLOCK } from '../properties.ts';
import type { EdgeSink } from './edge-sink.ts';
import type { Exploration, Violation } from './exploration.ts';
import { Frontier, frontierCodec } from './frontier.ts';
import type { Outcome, Path } from './outcome.ts';
import { canStep, expandable } from './steps.ts';

/** `Successors.expand`: the state was expanded and at least one action was enabled. */
export const EXPANDED = -1;
/** `Successors.expand`: no action was enabled (a deadlock, if the model checks for those). */
export const DEAD_END = -2;
/** `Successors.expand`: a new state breaks an invariant (`Successors.violation` says which). */
export const VIOLATED = -3;

/** How a breadth-first search takes the steps out of a state: the part that varies. */
export interface Successors<S, A> {
  /** Distinct states found so far. */
  readonly size: number;
  /** Set when `expand` returns VIOLATED. */
  readonly violation: Violation | undefined;
  /** Records initial state `index` of `model.init()`; its id, or a negative number when seen. */
  addInitial(s: S, index: number): number;
  /** Whether state `id`, next in the frontier, is to be expanded (a state may be queued twice). */
  due(id: number): boolean;
  /** Expands `s`, state `id`: the states to expand next go to `next`. */
  expand(s: S, id: number, next: Frontier<S>): typeof EXPANDED | typeof DEAD_END | typeof VIOLATED;
  /** The path from an initial state to state `id`. */
  path(id: number): Path<S, A>;
}

/**
 * Breadth-first, one level at a time: every state at depth d is expanded before any at d + 1, so
 * the first violation found is at the least depth. `maxDepth` is the depth of the last level
 * started (of the violating state, if one is found).
 */
export function levelSearch<S, A>(run: Exploration<S, A>, successors: Successors<S, A>): Outcome<S, A> {
  const { model, options } = run;
  const edges = options.edges;
  const violated = (v: Violation): Outcome<S, A> => run.outcome(successors.size, { property: v.property, path: successors.path(v.id) });
  const first = run.initial((s, i) => successors.addInitial(s, i));
  if (first.violation) return violated(first.violation);
  const maxDepth = options.maxDepth ?? Infinity;
  const codec = frontierCodec(first.states);
  let level = Frontier.of(codec, first.states, first.ids);
  for (let depth = 0; level.length > 0; depth++) {
    run.maxDepth = depth;
    if (depth >= maxDepth) {
      let more = false;
      for (let i = 0; i < level.length && !more; i++) more = canStep(model, level.state(i));
      if (more) run.boundsHit.add('maxDepth');
      // A state at the bound with no step at all is a known dead end; any other is unexplored.
      if (edges) {
        for (let i = 0; i < level.length; i++) {
          const s = level.state(i);
          if (!expandable(model, s) || canStep(model, s)) edges.unexpanded(level.id(i));
        }
      }
      break;
    }
    const next = new Frontier<S>(codec);
    for (let i = 0; i < level.length; i++) {
      const id = level.id(i);
      if (!successors.due(id)) continue;
      // Let the frontier drop states as they are expanded.
      const s = level.take(i);
      if (!expandable(model, s)) {
        edges?.unexpanded(id);
        continue;
      }
      const r = successors.expand(s, id, next);
      let stop: Violation | undefined;
      if (r === VIOLATED) {
        run.maxDepth = depth + 1;
        stop = successors.violation!;
        edges?.unexpanded(stop.id);
      } else if (r === DEAD_END && model.checkDeadlock) stop = { property: DEADLOCK, id };
      else if (!run.outOfBudget(successors.size, depth, level.length - i + next.length)) continue;
      if (edges) leftUnexpanded(edges, level, i + 1, next);
      return stop ? violated(stop) : run.outcome(successors.size);
    }
    level.release();
    level = next;
  }
  return run.outcome(successors.size);
}

/** The search stopped early: the rest of this level and the next one are not expanded. */
function leftUnexpanded<S, A>(edges: EdgeSink<S, A>, level: Frontier<S>, from: number, next: Frontier<S>): void {
  for (let i = from; i < level.length; i++) edges.unexpanded(level.id(i));
  for (let i = 0; i < next.length; i++) edges.unexpanded(next.id(i));
}

