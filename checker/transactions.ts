// The public API of the isolation checker (`interleave/transactions`): histories of transactions,
// checking them under consistency models, explaining anomalies, and isolation properties for
// explored models.

export type { Completion, Key, MicroOp, Txn, TxnHistory, Value, Workload } from './consistency/transactions/txn.ts';
export { WORKLOADS, showTxn, txnName } from './consistency/transactions/txn.ts';
export type { Anomaly, ExplainedStep } from './consistency/transactions/anomaly.ts';
export type { ModelVerdict, TxnCheckOptions, TxnCheckResult, Validity } from './consistency/transactions/check.ts';
export { checkTransactions } from './consistency/transactions/check.ts';
export type { ConsistencyModel } from './consistency/transactions/models.ts';
export { ANOMALY_TYPES, MODELS as CONSISTENCY_MODELS, PROHIBITED, isConsistencyModel } from './consistency/transactions/models.ts';
export type { TxnEvent } from './consistency/transactions/history-events.ts';
export { historyFromEvents } from './consistency/transactions/history-events.ts';
export type { TxnHistoryFormat } from './consistency/transactions/read-history.ts';
export { detectTxnFormat, readTxnHistory } from './consistency/transactions/read-history.ts';
export { parseJsonTxnHistory } from './consistency/transactions/json-history.ts';
export { parseJepsenEdnHistory } from './consistency/transactions/jepsen-edn.ts';
export { renderTxnExplanation, renderTxnHtml, renderTxnSummary } from './consistency/transactions/explain.ts';
export type { IsolationPredicateOptions, TxnInput, TxnResult } from './consistency/transactions/property.ts';
export {
  append,
  isolatedUnder,
  read,
  readCommitted,
  repeatableRead,
  serializable,
  snapshotIsolated,
  strictSerializable,
  txnHistoryOf,
  write,
} from './consistency/transactions/property.ts';
