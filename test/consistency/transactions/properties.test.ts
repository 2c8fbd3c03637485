// Property-based: serial executions are valid under every model; a known cycle injected into a
// valid history is reported with its type.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTransactions } from '../../../checker/consistency/transactions/check.ts';
import type { TxnEvent } from '../../../checker/consistency/transactions/history-events.ts';
import { MODELS, type ConsistencyModel } from '../../../checker/consistency/transactions/models.ts';
import { EdgeList } from '../../../checker/consistency/transactions/graph.ts';
import { addRealtimeEdges } from '../../../checker/consistency/transactions/session-edges.ts';
import type { MicroOp, Txn, Value, Workload } from '../../../checker/consistency/transactions/txn.ts';
import { historyOf, ok, type Op } from './histories.ts';

interface Planned {
  readonly ops: readonly (readonly ['write' | 'read', string])[];
  readonly outcome: 'ok' | 'fail' | 'info-applied' | 'info-lost';
  readonly process: number;
}

const plannedArb = fc.record({
  ops: fc.array(fc.tuple(fc.constantFrom('write' as const, 'read' as const), fc.constantFrom('x', 'y', 'z')), { minLength: 1, maxLength: 4 }),
  outcome: fc.constantFrom('ok' as const, 'ok' as const, 'ok' as const, 'fail' as const, 'info-applied' as const, 'info-lost' as const),
  process: fc.nat(3),
});

/** Runs the planned transactions one at a time against a store; returns the history's events. */
function serialExecution(workload: Workload, plan: readonly Planned[], paired: boolean): TxnEvent[] {
  const lists = new Map<string, Value[]>();
  const registers = new Map<string, Value>();
  let next = 1;
  const events: TxnEvent[] = [];
  for (const p of plan) {
    const applies = p.outcome === 'ok' || p.outcome === 'info-applied';
    const localLists = new Map([...lists].map(([k, v]) => [k, [...v]]));
    const localRegisters = new Map(registers);
    const done: MicroOp[] = [];
    const invoked: MicroOp[] = [];
    for (const [what, key] of p.ops) {
      if (what === 'write') {
        const value = next++;
        const op: MicroOp = workload === 'list-append' ? { f: 'append', key, value } : { f: 'w', key, value };
        done.push(op);
        invoked.push(op);
        if (workload === 'list-append') localLists.set(key, [...(localLists.get(key) ?? []), value]);
        else localRegisters.set(key, value);
      } else {
        const value = workload === 'list-append' ? (localLists.get(key) ?? null) : (localRegisters.get(key) ?? null);
        done.push({ f: 'r', key, value: value === null ? null : Array.isArray(value) ? [...value] : value });
        invoked.push({ f: 'r', key, value: null });
      }
    }
    if (applies) {
      for (const [k, v] of localLists) lists.set(k, v);
      for (const [k, v] of localRegisters) registers.set(k, v);
    }
    const type = p.outcome === 'ok' ? 'ok' : p.outcome === 'fail' ? 'fail' : 'info';
    if (paired) events.push({ type: 'invoke', process: p.process, ops: invoked, where: 'generated' });
    events.push({ type, process: p.process, ops: type === 'ok' ? done : invoked, where: 'generated' });
  }
  return events;
}

describe('serial executions', () => {
  for (const workload of ['list-append', 'rw-register'] as const) {
    it(`are valid under every model (${workload})`, () => {
      fc.assert(
        fc.property(fc.array(plannedArb, { maxLength: 14 }), fc.boolean(), (plan, paired) => {
          const r = checkTransactions(historyOf(workload, serialExecution(workload, plan, paired)), { models: MODELS });
          expect(r.anomalyTypes).toEqual([]);
          const expected = r.committed === 0 || r.dependencies === 0 ? 'unknown' : 'valid';
          for (const m of r.models) expect(m.result).toBe(expected);
        }),
        { numRuns: 150 },
      );
    });
  }
});

/** Known anomalies on their own keys (a, b), as completions; each list is in real-time order. */
const PATTERNS: Record<string, (a: string, b: string) => Op[][]> = {
  G0: (a, b) => [
    [['append', a, 1], ['append', b, 2]],
    [['append', a, 2], ['append', b, 1]],
    [['r', a, [1, 2]], ['r', b, [1, 2]]],
  ],
  G1c: (a, b) => [
    [['append', a, 1], ['r', b, [1]]],
    [['append', b, 1], ['r', a, [1]]],
  ],
  'G-single': (a, b) => [
    [['append', a, 1], ['append', b, 1]],
    [['r', a, [1]], ['r', b, []]],
    [['r', b, [1]]],
  ],
  'G-nonadjacent': (a, b) => [
    [['r', a, []], ['r', b, [1]]],
    [['append', a, 1]],
    [['r', a, [1]], ['r', b, []]],
    [['append', b, 1]],
  ],
  'G2-item': (a, b) => [
    [['r', a, []], ['r', b, []], ['append', a, 1]],
    [['r', a, []], ['r', b, []], ['append', b, 1]],
    [['r', a, [1]], ['r', b, [1]]],
  ],
};

describe('injected cycles', () => {
  const positions = (n: number, base: number) => fc.array(fc.nat(base), { minLength: n, maxLength: n }).map((xs) => xs.sort((p, q) => p - q));
  it('are reported with their type under serializable', () => {
    fc.assert(
      fc.property(
        fc.array(plannedArb, { maxLength: 12 }),
        fc.constantFrom(...Object.keys(PATTERNS)),
        fc.nat(),
        (plan, type, seed) => {
          const base = serialExecution('list-append', plan, false);
          const pattern = PATTERNS[type]!('a', 'b');
          const at = fc.sample(positions(pattern.length, base.length), { seed, numRuns: 1 })[0]!;
          const events = [...base];
          at.forEach((p, i) => events.splice(p + i, 0, ok(100 + i, ...pattern[i]!)));
          const r = checkTransactions(historyOf('list-append', events), { models: ['serializable'] });
          expect(r.anomalyTypes).toEqual([type]);
          const witness = r.anomalies.find((x) => x.type === type)!;
          expect(witness.minimal).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('a stale read injected into a valid history is G-single-realtime under strict serializability', () => {
    fc.assert(
      fc.property(fc.array(plannedArb, { maxLength: 12 }), fc.nat(), (plan, seed) => {
        const base = serialExecution('list-append', plan, false);
        const stale: Op[][] = [[['append', 's', 1]], [['r', 's', []]], [['r', 's', [1]]]];
        const at = fc.sample(positions(stale.length, base.length), { seed, numRuns: 1 })[0]!;
        const events = [...base];
        at.forEach((p, i) => events.splice(p + i, 0, ok(100 + i, ...stale[i]!)));
        const models: ConsistencyModel[] = ['serializable', 'strict-serializable'];
        const r = checkTransactions(historyOf('list-append', events), { models });
        // The stale read's cycle; longer ones through it and the base's own rw edges may exist too.
        expect(r.anomalyTypes).toContain('G-single-realtime');
        for (const t of r.anomalyTypes) expect(t).toMatch(/-realtime$/);
        expect(r.models.map((m) => m.result)).toEqual(['valid', 'invalid']);
      }),
      { numRuns: 100 },
    );
  });
});

describe('concurrent executions of an atomic store', () => {
  // Clients run transactions concurrently; each takes effect atomically at some instant between
  // its invocation and its completion (here: at the completion), so the history is strictly
  // serializable and every model must accept it.
  const stepArb = fc.array(fc.tuple(fc.nat(2), fc.boolean(), plannedArb), { maxLength: 30 });
  it('are valid under every model', () => {
    fc.assert(
      fc.property(stepArb, (steps) => {
        const lists = new Map<string, Value[]>();
        let next = 1;
        const open = new Map<number, { ops: MicroOp[]; fails: boolean }>();
        const events: TxnEvent[] = [];
        for (const [process, fails, p] of steps) {
          const pending = open.get(process);
          if (pending === undefined) {
            const ops: MicroOp[] = p.ops.map(([what, key]) => (what === 'write' ? { f: 'append', key, value: next++ } : { f: 'r', key, value: null }));
            open.set(process, { ops, fails });
            events.push({ type: 'invoke', process, ops, where: 'generated' });
            continue;
          }
          open.delete(process);
          if (pending.fails) {
            events.push({ type: 'fail', process, ops: pending.ops, where: 'generated' });
            continue;
          }
          const done = pending.ops.map((op): MicroOp => {
            const list = lists.get(String(op.key)) ?? [];
            if (op.f === 'append') {
              lists.set(String(op.key), [...list, op.value]);
              return op;
            }
            return { f: 'r', key: op.key, value: [...list] };
          });
          events.push({ type: 'ok', process, ops: done, where: 'generated' });
        }
        const r = checkTransactions(historyOf('list-append', events), { models: MODELS });
        expect(r.anomalyTypes).toEqual([]);
        for (const m of r.models) expect(m.result).not.toBe('invalid');
      }),
      { numRuns: 150 },
    );
  });
});

describe('real-time edges', () => {
  it('their transitive closure is exactly "completed before invoked"', () => {
    const intervalArb = fc.array(fc.tuple(fc.nat(20), fc.option(fc.nat(10), { nil: undefined })), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(intervalArb, (intervals) => {
        const txns: Txn[] = intervals.map(([invoke, length], i) =>
          length === undefined ? { id: i, process: i, type: 'info', ops: [], invoke } : { id: i, process: i, type: 'ok', ops: [], invoke, complete: invoke + length },
        );
        const edges = new EdgeList();
        addRealtimeEdges(txns, edges);
        const g = edges.toGraph(txns.length);
        for (let a = 0; a < txns.length; a++) {
          const reach = new Set<number>();
          const stack = [a];
          while (stack.length > 0) {
            const v = stack.pop()!;
            for (let e = g.start[v]!; e < g.start[v + 1]!; e++) {
              if (!reach.has(g.to[e]!)) {
                reach.add(g.to[e]!);
                stack.push(g.to[e]!);
              }
            }
          }
          for (let b = 0; b < txns.length; b++) {
            const precedes = txns[a]!.complete !== undefined && txns[a]!.complete! < txns[b]!.invoke;
            expect(reach.has(b), `T${a} → T${b}`).toBe(precedes);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
