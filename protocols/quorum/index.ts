export { abdRegister, abdLinearizable, type AbdState, type AbdSystemOptions } from './abd-system.ts';
export { dynamoQuorums, noStaleRead, type DynamoState } from './dynamo-system.ts';
export { abdSymmetry, dynamoSymmetry, renameAbdReplicas, renameDynamoReplicas } from './symmetry.ts';
export type { AbdBug, AbdOptions, DynamoOptions } from './options.ts';
export { read, write, formatOp, type Op, type Workload } from './workload.ts';
export { stateRightAbd } from './parity/system.ts';
