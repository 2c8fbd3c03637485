// What every renderer of a trace needs: the trace, the states along it as people read them, where
// the property first fails and which parts of the last state break it.

import type { SystemView } from '../actor/system-view.ts';
import type { AnyModel } from '../model.ts';
import { toJson, type Json } from './plain.ts';
import type { Replayed } from './replay.ts';
import type { StepRecord } from './step-record.ts';
import type { Trace } from './trace.ts';
import { historyVerdict, linearizabilityOf, operationText, type HistoryVerdict } from './history-verdict.ts';
import { culprits, firstViolation } from './verdict.ts';

export interface TraceView {
  readonly trace: Trace;
  /**
   * The presented states (`states[0]` initial, `states[i]` after step i). Shorter than the trace
   * when replay diverged; empty when the trace was not replayed.
   */
  readonly states: readonly Json[];
  /** What each replayed step did (`records[0]`: the initial state); as long as `states`. */
  readonly records: readonly StepRecord[];
  /** The index of the first state in which the property fails, when known. */
  readonly violationAt?: number;
  /** Nodes (actor systems) or fields of the last state that break the property. */
  readonly culprits: readonly string[];
  /** A linearizability violation: the checker's verdict on the history, with its explanation. */
  readonly history?: HistoryVerdict;
  /** The clients' node names, in the order of the clients' history (actor systems with clients). */
  readonly clients?: readonly string[];
  /** A client's operation as people read it (through the sequential spec, when there is one). */
  readonly operationText?: (input: Json, output: Json | undefined, done: boolean) => string;
}

/** The view of `trace` given the model and its replay. */
export function viewOf(model: AnyModel, trace: Trace, { states, records }: Replayed): TraceView {
  const at = firstViolation(model, trace.property, states);
  const system = (model as { system?: SystemView }).system;
  // A linearizability violation is blamed on the clients whose operations cannot be ordered.
  const lin = linearizabilityOf(model);
  const verdict = at !== undefined && lin?.property === trace.property ? historyVerdict(model, states[at], trace.property) : undefined;
  const blamed =
    verdict && !verdict.linearizable
      ? [...verdict.clients, ...servedBy(verdict, records, system)]
      : at !== undefined && states.length > 0
        ? culprits(model, trace.property, states[0], states[at])
        : [];
  return {
    trace,
    states: states.map((s) => toJson(model.present ? model.present(s) : s)),
    records,
    ...(at !== undefined ? { violationAt: at } : {}),
    culprits: [...blamed],
    ...(verdict && !verdict.linearizable ? { history: verdict } : {}),
    operationText: (input, output, done) => operationText(lin?.spec, input, output, done),
    ...(system && system.clients.length > 0 ? { clients: system.clients.map((id) => system.names[id] ?? `node${id}`) } : {}),
  };
}

/**
 * The servers that answered the operation that cannot be placed, where the trace shows it: those
 * whose messages its client took while the operation was pending (the stale answer came from
 * them).
 */
function servedBy(verdict: HistoryVerdict, records: readonly StepRecord[], system: SystemView | undefined): string[] {
  if (!verdict.blocked || !system) return [];
  const { node, nth } = verdict.blocked;
  let seen = -1;
  let pending = false;
  const servers = new Set<number>();
  for (const r of records) {
    // A return comes before an invocation within one step (a client returns, then calls again).
    if (pending && r.returned.some((c) => c.node === node)) {
      if (r.kind === 'deliver' && !system.isClient(r.message.from)) servers.add(r.message.from);
      break;
    }
    if (pending && r.kind === 'deliver' && r.message.to === node && !system.isClient(r.message.from)) servers.add(r.message.from);
    if (r.invoked.some((c) => c.node === node) && ++seen === nth) pending = true;
  }
  return system.servers.filter((id) => servers.has(id)).map((id) => system.names[id] ?? `node${id}`);
}

/** A view from the trace file alone (no replay): only the final state is known. */
export function bareView(trace: Trace): TraceView {
  return { trace, states: [], records: [], culprits: [] };
}

/** The node `name`'s part of a presented actor-system state. */
export function nodeState(s: Json | undefined, name: string): Json | undefined {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return undefined;
  const nodes = s.nodes;
  if (typeof nodes !== 'object' || nodes === null || Array.isArray(nodes)) return undefined;
  return nodes[name];
}

/** The state in which the trace breaks its property: the replayed one, or the recorded one. */
export function violatingState(view: TraceView): Json {
  const { states, violationAt, trace } = view;
  if (violationAt !== undefined && states[violationAt] !== undefined) return states[violationAt]!;
  return trace.finalState;
}
