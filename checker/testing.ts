// `interleave/testing`: exploring a model other than exhaustively: random walks and swarm runs,
// shards, coverage, and schedules as fast-check values (generated, run, shrunk); and the
// fingerprints that identify states; liveness verdicts one property at a time.

export { random } from './explore/random/walks.ts';
export type { Strategy, WalkRecord } from './explore/options.ts';
export type { Status, Bound, Progress } from './explore/outcome.ts';
export type { RandomSummary } from './explore/random/summary.ts';
export type { Coverage, CoveragePoint } from './explore/random/coverage.ts';
export type { Shard } from './explore/random/shard.ts';
export type { SwarmOptions, ActionClass, FaultKind } from './explore/random/swarm.ts';
export {
  scheduleArbitrary,
  modelProperty,
  runSchedule,
  shrinkSchedule,
  scheduleOf,
  ScheduleViolation,
  type Schedule,
  type ScheduleOptions,
  type ScheduleRun,
} from './explore/random/schedule.ts';
export { fingerprint, fingerprintHex, type Fingerprint } from './fingerprint/hash.ts';
export { checkLiveness, livenessVerdicts, hasLiveness, type LivenessOutcome, type LivenessVerdict } from './liveness/check-liveness.ts';
