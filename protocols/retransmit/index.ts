export { lossyLink, answered, type RetransmitState, type NodeState } from './system.ts';
export type { Bug, RetransmitOptions } from './options.ts';
export type { Message } from './messages.ts';
