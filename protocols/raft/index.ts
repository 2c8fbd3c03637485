export { raft, type RaftSystemOptions, type RaftModel } from './system.ts';
export {
  raftProperties,
  electionSafety,
  leaderAppendOnly,
  logMatching,
  leaderCompleteness,
  stateMachineSafety,
  linearizability,
  leaderElected,
  entryCommitted,
  type RaftState,
  type NodeState,
} from './properties.ts';
export type { Bug, RaftOptions } from './options.ts';
export type { Message } from './messages.ts';
export type { ServerState, DurableServerState, Ghost, Role } from './server-state.ts';
export type { ClientState } from './client.ts';
export type { Entry, Log } from './log.ts';
export type { KvOp, KvResult } from './state-machine.ts';
