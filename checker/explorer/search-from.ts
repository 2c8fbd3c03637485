// What "search from here" computes: the engine's breadth-first search (`explore`) from the state at
// the end of an explorer path, on the model with that state as its only initial state, to the
// nearest state that breaks an invariant or reaches a `sometimes` goal. The answer is a path of
// candidate-action indices from there, the form the explorer's URL carries. It runs in a worker
// thread (search-worker.ts) so that the server keeps answering meanwhile; where there is no spec
// file for a worker to load, in the server's own thread (search.ts).

import { InputError } from '../errors.ts';
import { explore } from '../explore/search.ts';
import { replayChain } from '../explore/state-store.ts';
import type { Path } from '../explore/outcome.ts';
import type { AnyModel } from '../model.ts';
import { always, type Property } from '../properties.ts';
import type { SearchGoal, SearchStatus } from './search.ts';
import { holdsSafely, type ExplorerPath } from './session.ts';

export interface SearchRequest {
  /** Where the search starts: the state at the end of this path. */
  readonly from: ExplorerPath;
  readonly goal: SearchGoal;
  readonly maxStates: number;
  readonly timeoutMs: number;
}

/** How a search ended, without its time (the caller's clock counts that). */
export interface SearchEnd {
  readonly status: Exclude<SearchStatus, 'running' | 'cancelled'>;
  readonly states: number;
  readonly depth: number;
  readonly steps?: readonly number[];
  readonly property?: string;
}

/**
 * What the search looks for, as invariants: every invariant of the model (`violation`), or one that
 * fails where the `sometimes` property holds. A predicate that throws counts as not holding, as the
 * page shows it. A goal the spec does not have is bad input.
 */
export function goalInvariants(model: AnyModel, goal: SearchGoal): Property<unknown>[] {
  if (goal === 'violation') {
    return model.properties.filter((p) => p.kind === 'always').map((p) => always(p.name, (s: unknown) => holdsSafely(p.holds, s)));
  }
  const name = goal.slice('sometimes:'.length);
  const target = model.properties.find((p) => p.kind === 'sometimes' && p.name === name);
  if (target === undefined) throw new InputError(`the spec has no sometimes property named ${name}`);
  return [always(`not yet ${name}`, (s: unknown) => !holdsSafely(target.holds, s))];
}

/** Runs the search; `onProgress` is told the distinct states and the depth about once a second. */
export function searchFrom(model: AnyModel, request: SearchRequest, onProgress?: (states: number, depth: number) => void): SearchEnd {
  const { from, goal, maxStates, timeoutMs } = request;
  const start = replayChain(model, from.init, from.steps).states[from.steps.length];
  // The model itself, seen through an object that overrides only where the search starts and what
  // it looks for (a model may be a class instance: its methods stay its own).
  const here = Object.create(model, {
    init: { value: () => [start] },
    properties: { value: goalInvariants(model, goal) },
    checkDeadlock: { value: false },
  }) as AnyModel;
  const o = explore(here, { maxStates, timeoutMs, ...(onProgress ? { onProgress: (p) => onProgress(p.distinctStates, p.depth) } : {}) });
  const counts = { states: o.distinctStates, depth: o.maxDepth };
  if (o.status === 'violated') {
    return { status: 'found', ...counts, steps: candidateIndices(model, o.path!), property: goal === 'violation' ? o.property! : goal.slice('sometimes:'.length) };
  }
  return { status: o.status === 'incomplete' ? 'bound reached' : 'not found', ...counts };
}

/** Each action of `path` as its index among the candidate actions of the state it is taken in. */
function candidateIndices(model: AnyModel, path: Path<unknown, unknown>): number[] {
  return path.actions.map((a, i) => {
    const key = JSON.stringify(a);
    const k = model.actions(path.states[i]).findIndex((c: unknown) => c === a || JSON.stringify(c) === key);
    if (k < 0) throw new Error(`internal: step ${i + 1} of the search's path is not among the candidate actions`);
    return k;
  });
}
