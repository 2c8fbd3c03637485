export { twoPhaseCommit, renameParticipants, atomicity, validity, type TwoPhaseState, type TwoPhaseSystemOptions, type NodeState } from './system.ts';
export type { Bug, TwoPhaseOptions } from './options.ts';
export type { Message, Decision } from './messages.ts';
