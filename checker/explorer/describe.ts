// The state at the end of a path as the explorer page shows it: the state as `present` gives it
// (per node for actor systems: role, fields, timers, what is in flight to it, crashed), what the
// last step changed, every candidate step labelled as the trace views label it and whether it is
// enabled, every property's status, the clients' history verdict, and the page document the
// trace views draw their diagram from.

import type { Envelope } from '../actor/network.ts';
import type { SystemView } from '../actor/system-view.ts';
import { describeAction } from '../model.ts';
import type { PropertyKind } from '../properties.ts';
import { pageData } from '../trace/html.ts';
import type { PageData } from '../trace/html-viewer/page-data.ts';
import { historyVerdict, type HistoryVerdict } from '../trace/history-verdict.ts';
import type { Change, Json } from '../trace/plain.ts';
import { viewOf } from '../trace/view.ts';
import { holdsSafely, type Session, type Walked } from './session.ts';

export interface NodeView {
  readonly name: string;
  readonly role: string;
  readonly fields: Json;
  readonly timers: readonly string[];
  /** Messages in flight to this node, as people read them. */
  readonly inFlight: readonly string[];
  readonly crashed: boolean;
  /** The last step acted on this node. */
  readonly acted: boolean;
}

export interface CandidateStep {
  /** The index among the state's candidate actions (what a path stores). */
  readonly index: number;
  readonly label: string;
  readonly enabled: boolean;
  /** The kind of an actor system's action (deliver, timeout, crash…); `step` for a raw model. */
  readonly kind: string;
}

export type PropertyStatus = 'holds' | 'violated' | 'reached' | 'not reached' | 'liveness';

export interface PropertyView {
  readonly name: string;
  readonly kind: PropertyKind;
  /**
   * `always`: holds or violated in this state; `sometimes`: reached (on this path) or not reached;
   * liveness properties are about whole runs and are judged by `check`, not in one state.
   */
  readonly status: PropertyStatus;
  /** `always`: whether it holds in this state; `sometimes`: whether this state satisfies it. */
  readonly here?: boolean;
  /** The first state on the path where an invariant fails, or a `sometimes` goal holds (0: initial). */
  readonly at?: number;
}

export interface StateView {
  readonly spec: string;
  readonly config: string;
  readonly init: number;
  readonly path: readonly number[];
  readonly state: Json;
  /** Actor systems: each node. */
  readonly nodes: readonly NodeView[] | null;
  /** What the last step did (its label) and changed. */
  readonly last: { readonly label: string; readonly changes: readonly Change[] } | null;
  readonly steps: readonly CandidateStep[];
  readonly properties: readonly PropertyView[];
  /** The first invariant violated on the path, with where. */
  readonly violated: { readonly property: string; readonly at: number } | null;
  /** Systems with a linearizability property: the verdict on the history so far. */
  readonly history: HistoryVerdict | null;
  /** The path drawn as the trace views draw a trace (diagram, client operations). */
  readonly page: PageData;
}

export function describeState(session: Session, w: Walked): StateView {
  const { model } = session;
  const s = w.states[w.states.length - 1];
  const properties = model.properties.map((p): PropertyView => {
    const judge = (x: unknown): boolean => holdsSafely(p.holds, x);
    if (p.kind === 'always') {
      const at = w.states.findIndex((x) => !judge(x));
      return { name: p.name, kind: p.kind, status: judge(s) ? 'holds' : 'violated', here: judge(s), ...(at >= 0 ? { at } : {}) };
    }
    if (p.kind === 'sometimes') {
      const at = w.states.findIndex(judge);
      return { name: p.name, kind: p.kind, status: at >= 0 ? 'reached' : 'not reached', here: judge(s), ...(at >= 0 ? { at } : {}) };
    }
    return { name: p.name, kind: p.kind, status: 'liveness' };
  });
  const violated = session.firstViolated(w) ?? null;
  const trace = session.traceOf(w);
  const view = viewOf(model, trace, w);
  const lastRecord = w.records.length > 1 ? w.records[w.records.length - 1]! : null;
  return {
    spec: session.open.spec,
    config: session.open.config,
    init: w.path.init,
    path: w.path.steps,
    state: session.present(s),
    nodes: nodesOf(session, s, lastRecord?.node),
    last: lastRecord ? { label: lastRecord.label, changes: lastRecord.changes } : null,
    steps: model.actions(s).map((a: unknown, index: number): CandidateStep => ({
      index,
      label: describeAction(model, a),
      enabled: model.next(s, a) !== undefined,
      kind: typeof a === 'object' && a !== null && typeof (a as { kind?: unknown }).kind === 'string' && session.nodes ? (a as { kind: string }).kind : 'step',
    })),
    properties,
    violated,
    history: historyVerdict(model, s) ?? null,
    page: pageData(view),
  };
}

interface RawSystemState {
  readonly actors: readonly unknown[];
  readonly crashed: readonly boolean[];
  readonly timers: readonly (readonly string[])[];
  readonly network: readonly Envelope<unknown>[];
}

/** Per node, for an actor system: the presented state's parts, and the raw state's addressing. */
function nodesOf(session: Session, s: unknown, acted: number | undefined): NodeView[] | null {
  const system = (session.model as { system?: SystemView }).system;
  if (!session.nodes || !system) return null;
  const raw = s as RawSystemState;
  const shown = session.present(s) as { nodes?: Record<string, Json>; network?: string[] };
  return session.nodes.map((name, id) => ({
    name,
    role: system.roles[id] ?? '',
    fields: shown.nodes?.[name] ?? null,
    timers: raw.timers[id] ?? [],
    // The presented network lists the raw network's envelopes in order.
    inFlight: raw.network.flatMap((e, i) => (e.to === id && shown.network?.[i] !== undefined ? [shown.network[i]!] : [])),
    crashed: raw.crashed[id] === true,
    acted: acted === id,
  }));
}
