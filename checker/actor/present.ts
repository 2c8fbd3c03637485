// A system state as people read it (traces, diagrams, `--full`): nodes by name, timers and the
// network in words, the faults spent, and the history and causal log when there are any.

import type { Id } from './actor.ts';
import { presentLog } from './causality.ts';
import type { SystemConfig } from './system-config.ts';
import type { SystemState } from './system-state.ts';

export function present<S, M>(sys: SystemConfig<S, M>, s: SystemState<S, M>): unknown {
  const byNode = <T>(f: (id: Id) => T | undefined): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const node of sys.nodes) {
      const v = f(node.id);
      if (v !== undefined) out[node.name] = v;
    }
    return out;
  };
  const names = sys.nodeNames;
  return {
    nodes: byNode((id) => s.actors[id]),
    crashed: sys.nodes.filter((n) => s.crashed[n.id]).map((n) => n.name),
    timers: byNode((id) => (s.timers[id]!.length > 0 ? s.timers[id] : undefined)),
    network: s.network.map((e) => `${names[e.from]} → ${names[e.to]}: ${sys.formatMessage(e.msg)}`),
    ...(sys.clientCount > 0 ? { history: s.history } : {}),
    faults: s.faults,
    partition: s.partition === null ? null : s.partition.map((id) => names[id]),
    ...(s.causality ? { causality: presentLog(s.causality, names) } : {}),
  };
}
