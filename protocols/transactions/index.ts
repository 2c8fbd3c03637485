export { lockingStore, Serializable, StrictSerializable, SnapshotIsolation, type StoreOptions, type StoreState } from './system.ts';
export { storeClient, type ClientState, type ScriptedTxn } from './client.ts';
export { shard, shardOf, type ShardBug, type ShardState } from './shard.ts';
export { formatStoreMsg, type StoreMsg, type TxnId } from './messages.ts';
