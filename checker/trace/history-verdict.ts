// Whether the clients' history in an actor-system state is linearizable, with the checker's own
// explanation when it is not (the longest linearizable prefix and the operation that cannot be
// placed, as `lincheck` prints it) and the clients whose operations cannot be ordered. Clients are
// named by their node names, as everywhere a person reads.

import { historyOf, type ClientHistory } from '../actor/client-history.ts';
import type { SystemView } from '../actor/system-view.ts';
import { renderExplanationText } from '../consistency/explain.ts';
import type { Operation } from '../consistency/history.ts';
import { checkLinearizability } from '../consistency/linearizability.ts';
import { sequentialSpecOf } from '../consistency/linearizable-property.ts';
import type { AnySpec } from '../consistency/sequential-spec.ts';
import type { AnyModel } from '../model.ts';

export interface HistoryVerdict {
  /** The linearizability property that judged it. */
  readonly property: string;
  readonly linearizable: boolean;
  /** The checker's explanation, when it is not linearizable. */
  readonly explanation?: string;
  /** The clients whose operations cannot be ordered: the blocked one and the candidates'. */
  readonly clients: readonly string[];
  /** The operation that cannot be placed: its client's node and its position among that client's operations. */
  readonly blocked?: { readonly node: number; readonly nth: number };
}

/** The model's linearizability property (one built by `linearizability`) and its specification. */
export function linearizabilityOf(model: AnyModel, name?: string): { readonly property: string; readonly spec: AnySpec } | undefined {
  for (const p of model.properties) {
    const spec = sequentialSpecOf(p);
    if (spec && (name === undefined || p.name === name)) return { property: p.name, spec };
  }
  return undefined;
}

function systemOf(model: AnyModel): SystemView | undefined {
  return (model as { system?: SystemView }).system;
}

/** The verdict on the history of `state` (a raw state of the model); undefined without one. */
export function historyVerdict(model: AnyModel, state: unknown, property?: string): HistoryVerdict | undefined {
  const lin = linearizabilityOf(model, property);
  const system = systemOf(model);
  const h = (state as { history?: ClientHistory } | null)?.history;
  if (!lin || !system || !Array.isArray(h)) return undefined;
  const history = historyOf(h, system.clients);
  const result = checkLinearizability(history, lin.spec);
  const name = (id: number): string => system.names[id] ?? `client ${id}`;
  if (result.result !== 'not-linearizable' || !result.failure) return { property: lin.property, linearizable: result.result === 'linearizable', clients: [] };
  const f = result.failure;
  const involved = new Set<number>([f.history[f.blocked]!.client, ...f.candidates.map((i) => f.history[i]!.client)]);
  const blockedOp = f.history[f.blocked]!;
  // The whole history (not only the failing part) orders each client's operations.
  const nth = history.filter((op) => op.client === blockedOp.client && op.call < blockedOp.call).length;
  return {
    blocked: { node: blockedOp.client, nth },
    property: lin.property,
    linearizable: false,
    explanation: renderExplanationText(result, lin.spec, name),
    clients: system.clients.filter((id) => involved.has(id)).map(name),
  };
}

/** An operation through the sequential spec (`write(31)`, `read() → nil`); JSON without one. */
export function operationText(spec: AnySpec | undefined, input: unknown, output: unknown, done: boolean): string {
  if (!spec) return `${JSON.stringify(input)}${done ? ` → ${JSON.stringify(output)}` : ' …'}`;
  const op: Operation<unknown, unknown> = done ? { client: 0, input, output, call: 0, ret: 1 } : { client: 0, input, call: 0 };
  const text = spec.describe(op).replace(/ -> /g, ' → ');
  // A pending operation: its input alone, marked as waiting.
  return done ? text : text.replace(/ → \?$/, '') + ' …';
}
