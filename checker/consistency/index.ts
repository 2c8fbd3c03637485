// The public API of the consistency checkers.

export type { History, Operation } from './history.ts';
export { historyFault, isPending } from './history.ts';
export type { AnySpec, SequentialSpec, SpecDefinition } from './sequential-spec.ts';
export { defineSequentialSpec, partitionBy } from './sequential-spec.ts';
export * from './specs/index.ts';
export type { CheckOptions, LinearizabilityResult, LinearizationFailure, Verdict } from './linearizability.ts';
export { checkLinearizability } from './linearizability.ts';
export { linearizable, linearizability, type LinearizablePredicateOptions } from './linearizable-property.ts';
export type { CandidateVerdict, Explanation } from './explain.ts';
export { explainFailure, renderExplanationHtml, renderExplanationText } from './explain.ts';
export type { HistoryFormat, ParsedHistory } from './parse/parsed-history.ts';
export { detectFormat, historyFormats, parseHistory } from './parse/detect.ts';
export { parseJepsenLog } from './parse/jepsen-log.ts';
export { parseKvLog } from './parse/kv-log.ts';
export { parseJsonHistory } from './parse/json-history.ts';
