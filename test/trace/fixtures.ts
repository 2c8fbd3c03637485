// Counterexamples to draw and shrink: two-phase commit's bug variants found by the explorer.

import { explore, type AnyModel, type ExploreOptions } from '../../checker/index.ts';
import { toJson } from '../../checker/trace/plain.ts';
import { replay } from '../../checker/trace/replay.ts';
import type { Trace } from '../../checker/trace/trace.ts';
import { viewOf, type TraceView } from '../../checker/trace/view.ts';
import { twoPhaseCommit, type Bug } from '../../protocols/twopc/index.ts';

export function twoPcModel(bug: Bug, participants = 2): AnyModel {
  const crashes = bug === 'presume-commit-on-timeout' ? 0 : 1;
  return twoPhaseCommit({ participants, crashes, bug });
}

/** A trace of `actions` (JSON) from the first initial state, checked against `property`. */
export function traceOf(model: AnyModel, property: string, actions: readonly unknown[], config = 'test'): Trace {
  const nodes = (model as { nodeNames?: readonly string[] }).nodeNames;
  return {
    format: 'interleave-trace',
    version: 1,
    spec: 'TwoPhaseCommit',
    config,
    file: 'specs/twopc/two-phase-commit.ts',
    property,
    expected: { violates: property },
    strategy: 'test',
    ...(nodes ? { nodes } : {}),
    init: 0,
    steps: actions.map((a) => ({ action: toJson(a), label: model.formatAction ? model.formatAction(a) : JSON.stringify(a) })),
    finalState: null,
  };
}

/** The explorer's counterexample for a bug variant, as a trace. */
export function foundTrace(model: AnyModel, options: ExploreOptions = {}, config = 'test'): Trace {
  const o = explore(model, options);
  if (o.status !== 'violated' || !o.path || !o.property) throw new Error(`expected a violation, got ${o.status}`);
  return traceOf(model, o.property, o.path.actions, config);
}

export function viewOfTrace(model: AnyModel, trace: Trace): TraceView {
  return viewOf(model, trace, replay(model, trace));
}

/** Whether `trace` replays and ends in a violation of its property. */
export function reproduces(model: AnyModel, trace: Trace): boolean {
  return replay(model, trace).status === 'reproduced';
}
