// What the checker reports: anomalies, each with the transactions involved and an explanation in
// words a person can check against the history.

import type { Rel } from './graph.ts';
import type { Key } from './txn.ts';

/** One edge of a witness cycle and why it is there. */
export interface ExplainedStep {
  /** Transaction indexes into the history's `txns`. */
  readonly from: number;
  readonly to: number;
  readonly rel: Rel;
  /** E.g. "T2 read x = [1 2], which does not include 3, appended by T5". */
  readonly evidence: string;
}

export interface Anomaly {
  /** Elle's name: G0, G1c, G-single-realtime, G1a, internal, lost-update, … */
  readonly type: string;
  /** Transaction indexes into the history's `txns`, in the order the explanation names them. */
  readonly txns: readonly number[];
  readonly key?: Key;
  /** The finding in one or two sentences. */
  readonly explanation: string;
  /** For cycle anomalies: the witness cycle, each step with its evidence. */
  readonly steps?: readonly ExplainedStep[];
  /** For cycle anomalies: true when no shorter cycle of this type exists in its component. */
  readonly minimal?: boolean;
}

/** What a workload's analysis hands the cycle search. */
export interface WorkloadAnalysis {
  /** Non-cycle anomalies found while inferring version orders. */
  readonly anomalies: Anomaly[];
  /** Keys whose version order could not be inferred with certainty (cycles through them may be missed). */
  readonly unorderedKeys: Key[];
  /** Why `from` → `to` has relation `rel` (one of ww, wr, rw), in words. */
  explain(from: number, to: number, rel: 'ww' | 'wr' | 'rw'): string;
}
