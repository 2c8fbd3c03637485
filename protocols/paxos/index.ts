export { singleDecreePaxos, type PaxosSystemOptions } from './system.ts';
export { agreement, validity, learnersAgree, linearizable, valueChosen, chosenValues, type PaxosState, type NodeState } from './properties.ts';
export type { Bug, PaxosOptions } from './options.ts';
export { formatMessage, type Message, type Vote } from './messages.ts';
export { writeOnceRegister, type ProposeInput, type ProposeOutput } from './write-once-spec.ts';
export { compareBallots, formatBallot, type Ballot } from './ballot.ts';
export { stateRightPaxos } from './parity/system.ts';
export { multiPaxos, logAgreement, kvLinearizable, chosenPerSlot, type MultiPaxosState, type MultiPaxosSystemOptions } from './multi/system.ts';
export type { MultiPaxosOptions } from './multi/server.ts';
