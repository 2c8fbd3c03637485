export { registerSystem, singleCopyRegister, linearizable, valueChosen, type RegisterSystemOptions, type RegisterSystemState } from './system.ts';
export { registerClient, type ClientState } from './client.ts';
export { singleCopyServer, type SingleCopyState } from './single-copy.ts';
export { formatRegisterMsg, formatValue, isRegisterMsg, type RegisterMsg, type Value } from './messages.ts';
