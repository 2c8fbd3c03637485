export {
  singleDecreePaxos,
  server,
  client,
  clientValue,
  agreement,
  validity,
  learnersAgree,
  linearizable,
  valueChosen,
  allLearned,
  chosenValues,
  paxosSymmetry,
  pureAcceptors,
  renameAcceptors,
  formatMessage,
  writeOnceRegister,
  type Bug,
  type PaxosOptions,
  type PaxosSystemOptions,
  type PaxosState,
  type NodeState,
  type ServerState,
  type ClientState,
  type Message,
  type Vote,
  type ProposeInput,
  type ProposeOutput,
} from './single-decree.ts';
export { compareBallots, formatBallot, type Ballot } from './ballot.ts';
export { stateRightPaxos } from './parity/system.ts';
export { multiPaxos, logAgreement, kvLinearizable, chosenPerSlot, type MultiPaxosState, type MultiPaxosSystemOptions } from './multi/system.ts';
export type { MultiPaxosOptions } from './multi/server.ts';
