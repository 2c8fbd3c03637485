// The liveness API: properties, fairness, and the check itself (re-exported by checker/index.ts).

export { eventually, leadsTo, alwaysEventually, isLiveness, type LivenessProperty, type LivenessKind } from './properties.ts';
export type { Fairness, FairnessKind } from './fairness.ts';
export { checkLiveness, hasLiveness, livenessVerdicts, type LivenessOutcome, type LivenessVerdict } from './check-liveness.ts';
export { actorFairness, type GroupFairness, type FairnessSetting } from '../actor/fairness.ts';
