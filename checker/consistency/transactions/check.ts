// The isolation checker: from a history of transactions to the anomalies it exhibits and, for each
// consistency model asked about, whether the history is valid, invalid or unknown under it.
//
// Steps: the workload's analysis infers version orders, reports non-cycle anomalies and adds the
// ww/wr/rw dependency edges; process-order and real-time edges are added when an asked model
// rules out their cycles; strongly connected components of the graph are found; in each, a
// shortest cycle of every needed kind is searched for and explained edge by edge.

import type { Anomaly, ExplainedStep, WorkloadAnalysis } from './anomaly.ts';
import { CYCLE_BASES, CYCLE_VARIANTS, kindName, shortestCycle, type CycleKind, type CycleStep, type SearchBudget } from './cycle-search.ts';
import { DATA, EdgeList, PROCESS, REALTIME, relNames, type Rel } from './graph.ts';
import { analyseListAppend } from './list-append.ts';
import { PROHIBITED, type ConsistencyModel } from './models.ts';
import { analyseRwRegister } from './rw-register.ts';
import { stronglyConnectedComponents } from './scc.ts';
import { addProcessEdges, addRealtimeEdges } from './session-edges.ts';
import { txnName, type Key, type Txn, type TxnHistory, type Workload } from './txn.ts';

export type Validity = 'valid' | 'unknown' | 'invalid';

export interface ModelVerdict {
  readonly model: ConsistencyModel;
  readonly result: Validity;
  /** The anomaly types found that rule the model out (empty unless invalid). */
  readonly anomalies: readonly string[];
  /** Why the verdict is unknown. */
  readonly reason?: string;
}

export interface TxnCheckOptions {
  /** Models to judge; default strict-serializable (which implies every other). */
  readonly models?: readonly ConsistencyModel[];
  /** Cycle-search work budget, in (transaction, automaton state) visits; default 50 million. */
  readonly budget?: number;
  /** Anomalies kept (with explanations) per type; the rest are only counted. Default 10. */
  readonly examplesPerType?: number;
  /**
   * rw-register: infer that a transaction's write of a key follows the version it read of it
   * (Elle's `wfr-keys?`; off in Elle's library, on in most Jepsen suites). Default true.
   */
  readonly wfrKeys?: boolean;
}

export interface TxnCheckResult {
  readonly workload: Workload;
  /** The overall verdict: invalid if any model is, else unknown if any is, else valid. */
  readonly result: Validity;
  readonly models: readonly ModelVerdict[];
  /** The anomaly types found, sorted. */
  readonly anomalyTypes: readonly string[];
  /** How many of each type were found. */
  readonly counts: Readonly<Record<string, number>>;
  /** Examples, at most `examplesPerType` of each type, with explanations. */
  readonly anomalies: readonly Anomaly[];
  readonly transactions: number;
  readonly committed: number;
  /** How many ww/wr/rw dependencies between transactions the history revealed. */
  readonly dependencies: number;
  readonly unorderedKeys: readonly Key[];
  /** The history checked (explanations refer to its transactions by index). */
  readonly history: TxnHistory;
  readonly ms: number;
}

export function checkTransactions(history: TxnHistory, options: TxnCheckOptions = {}): TxnCheckResult {
  const started = performance.now();
  const models = options.models ?? ['strict-serializable'];
  const perType = options.examplesPerType ?? 10;
  const { txns } = history;
  const edges = new EdgeList();
  const analysis = history.workload === 'list-append' ? analyseListAppend(txns, edges) : analyseRwRegister(txns, edges, { wfrKeys: options.wfrKeys ?? true });
  const dependencies = edges.size;

  const prohibited = new Set<string>();
  for (const m of models) for (const a of PROHIBITED[m]) prohibited.add(a);
  const kinds: CycleKind[] = [];
  for (const base of CYCLE_BASES) for (const variant of CYCLE_VARIANTS) if (prohibited.has(`${base}${variant}`)) kinds.push({ base, variant });
  const needsProcess = kinds.some((k) => k.variant !== '');
  const needsRealtime = kinds.some((k) => k.variant === '-realtime');
  if (needsProcess) addProcessEdges(txns, edges);
  if (needsRealtime) addRealtimeEdges(txns, edges);
  const graph = edges.toGraph(txns.length);
  const mask = DATA | (needsProcess ? PROCESS : 0) | (needsRealtime ? REALTIME : 0);

  const found: Anomaly[] = [];
  const counts: Record<string, number> = {};
  const keep = (a: Anomaly): void => {
    const c = (counts[a.type] ?? 0) + 1;
    counts[a.type] = c;
    if (c <= perType) found.push(a);
  };
  for (const a of analysis.anomalies) keep(a);

  const budget: SearchBudget = { remaining: options.budget ?? 50_000_000 };
  const unfinished = new Set<string>();
  const inComponent = new Int32Array(txns.length).fill(-1);
  const components = stronglyConnectedComponents(graph, mask);
  components.forEach((members, id) => {
    for (const v of members) inComponent[v] = id;
    for (const base of CYCLE_BASES) {
      for (const variant of CYCLE_VARIANTS) {
        const kind = { base, variant };
        if (!prohibited.has(kindName(kind))) continue;
        const cycle = shortestCycle(graph, members, inComponent, id, kind, budget);
        if (cycle === undefined) {
          if (budget.remaining <= 0) unfinished.add(kindName(kind));
          continue;
        }
        const name = kindName(kind);
        const c = (counts[name] ?? 0) + 1;
        counts[name] = c;
        if (c <= perType) found.push(explainCycle(txns, analysis, name, cycle.steps, cycle.exhaustive));
        // A cycle of this base without process/real-time edges implies the variants: skip them here.
        break;
      }
    }
  });

  const anomalyTypes = Object.keys(counts).sort();
  const committed = txns.reduce((n, t) => n + (t.type === 'ok' ? 1 : 0), 0);
  const verdicts = models.map((model): ModelVerdict => {
    const ruledOut = anomalyTypes.filter((a) => PROHIBITED[model].has(a));
    if (ruledOut.length > 0) return { model, result: 'invalid', anomalies: ruledOut };
    const reason =
      committed === 0
        ? 'no transaction committed, so nothing was observed'
        : dependencies === 0
          ? 'no dependency between transactions was observed, so there was nothing to order'
          : analysis.unorderedKeys.length > 0
            ? `the version order of ${analysis.unorderedKeys.length} key(s) could not be inferred with certainty, so cycles through them may be missed`
            : [...unfinished].some((k) => PROHIBITED[model].has(k))
              ? `the cycle search ran out of budget before finishing (${[...unfinished].join(', ')})`
              : undefined;
    return reason === undefined ? { model, result: 'valid', anomalies: [] } : { model, result: 'unknown', anomalies: [], reason };
  });
  const result: Validity = verdicts.some((v) => v.result === 'invalid') ? 'invalid' : verdicts.some((v) => v.result === 'unknown') ? 'unknown' : 'valid';
  return {
    workload: history.workload,
    result,
    models: verdicts,
    anomalyTypes,
    counts,
    anomalies: found,
    transactions: txns.length,
    committed,
    dependencies,
    unorderedKeys: analysis.unorderedKeys,
    history,
    ms: performance.now() - started,
  };
}

const ARROW: Readonly<Record<Rel, string>> = { ww: 'ww', wr: 'wr', rw: 'rw', process: 'process', realtime: 'rt' };

function explainCycle(txns: readonly Txn[], analysis: WorkloadAnalysis, type: string, cycle: readonly CycleStep[], minimal: boolean): Anomaly {
  const steps: ExplainedStep[] = cycle.map((s) => {
    const rel = relNames(s.rel)[0]!;
    const a = txns[s.from]!;
    const b = txns[s.to]!;
    let evidence: string;
    if (rel === 'process') evidence = `${txnName(a)} and ${txnName(b)} ran on process ${String(a.process)}, ${txnName(a)} first`;
    else if (rel === 'realtime') evidence = `${txnName(a)} completed before ${txnName(b)} was invoked`;
    else evidence = analysis.explain(s.from, s.to, rel);
    return { from: s.from, to: s.to, rel, evidence };
  });
  const path = [txnName(txns[cycle[0]!.from]!), ...steps.map((s) => `${ARROW[s.rel]}→ ${txnName(txns[s.to]!)}`)].join(' ');
  return { type, txns: cycle.map((s) => s.from), explanation: `a cycle of ${cycle.length} transactions: ${path}`, steps, minimal };
}

export function arrowOf(rel: Rel): string {
  return `${ARROW[rel]}→`;
}
