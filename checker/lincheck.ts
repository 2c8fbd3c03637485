// `interleave/lincheck`: the linearizability checker on its own, for histories recorded anywhere
// (the `lincheck` command): checking, explaining a failure, reading history files, and writing
// sequential specifications beyond the built-in ones.

export {
  checkLinearizability,
  type CheckOptions as LinearizabilityOptions,
  type LinearizabilityResult,
  type LinearizationFailure,
  type Verdict,
} from './consistency/linearizability.ts';
export { defineSequentialSpec, partitionBy, type AnySpec, type SpecDefinition } from './consistency/sequential-spec.ts';
export { historyFault, isPending } from './consistency/history.ts';
export { explainFailure, renderExplanationHtml, renderExplanationText, type CandidateVerdict, type Explanation } from './consistency/explain.ts';
export type { HistoryFormat, ParsedHistory } from './consistency/parse/parsed-history.ts';
export { detectFormat, historyFormats, parseHistory } from './consistency/parse/detect.ts';
export { parseJepsenLog } from './consistency/parse/jepsen-log.ts';
export { parseKvLog } from './consistency/parse/kv-log.ts';
export { parseJsonHistory } from './consistency/parse/json-history.ts';
export type { LinearizablePredicateOptions } from './consistency/linearizable-property.ts';
