export { lockingStore, snapshotStore, type SnapshotStoreOptions, type SnapshotStoreState, Serializable, StrictSerializable, SnapshotIsolation, type StoreOptions, type StoreState } from './system.ts';
export { storeClient, type ClientState, type ScriptedTxn } from './client.ts';
export { shard, shardOf, type ShardBug, type ShardState } from './shard.ts';
export { formatStoreMsg, type StoreMsg, type TxnId } from './messages.ts';
export { snapshotClient, type SnapshotClientState } from './snapshot-client.ts';
export { snapshotShard, timestampOracle, type OracleState, type SnapshotBug, type SnapshotShardState } from './snapshot-shard.ts';
export { formatSnapshotMsg, type SnapshotMsg } from './snapshot-messages.ts';
