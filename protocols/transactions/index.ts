export {
  lockingStore,
  snapshotStore,
  Serializable,
  StrictSerializable,
  SnapshotIsolation,
  type SnapshotStoreOptions,
  type SnapshotStoreState,
  type StoreOptions,
  type StoreState,
  type TxnStoreProperty,
  type TxnStoreState,
} from './system.ts';
export { shardOf, type ScriptedTxn, type Votes } from './script.ts';
export { storeClient, type ClientState } from './client.ts';
export { shard, type ShardBug, type ShardState } from './shard.ts';
export { formatStoreMsg, type StoreMsg, type TxnId } from './messages.ts';
export { snapshotClient, type SnapshotClientState } from './snapshot-client.ts';
export { snapshotShard, type SnapshotBug, type SnapshotShardState } from './snapshot-shard.ts';
export { timestampOracle, type OracleState } from './timestamp-oracle.ts';
export { formatSnapshotMsg, type SnapshotMsg } from './snapshot-messages.ts';
