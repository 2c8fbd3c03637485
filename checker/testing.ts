// `interleave/testing`: exploring a model other than exhaustively: random walks and swarm runs,
// shards, coverage, and schedules as fast-check values (generated, run, shrunk); and the
// fingerprints that identify states.

export { random } from './explore/random.ts';
export type { Strategy, WalkRecord } from './explore/options.ts';
export type { Status, Bound, Progress } from './explore/outcome.ts';
export type { RandomSummary } from './explore/random-summary.ts';
export type { Coverage, CoveragePoint } from './explore/coverage.ts';
export type { Shard } from './explore/shard.ts';
export type { SwarmOptions, ActionClass, FaultKind } from './explore/swarm.ts';
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
} from './explore/schedule.ts';
export { fingerprint, fingerprintHex, type Fingerprint } from './fingerprint/hash.ts';
