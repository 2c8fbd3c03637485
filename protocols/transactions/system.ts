// A transactional store sharded over servers (each key on one shard), clients running scripted
// transactions coordinated by two-phase commit, and the isolation properties of the clients'
// recorded history.

import { actorSystem, always, type ActorModel, type SystemProperty, type SystemState } from '../../checker/index.ts';
import { serializable, snapshotIsolated, strictSerializable, txnHistoryOf, type Key, type TxnInput, type TxnResult } from '../../checker/transactions.ts';
import { storeClient, type ClientState } from './client.ts';
import { formatStoreMsg, type StoreMsg } from './messages.ts';
import type { ScriptedTxn } from './script.ts';
import { shard, type ShardBug, type ShardState } from './shard.ts';
import { snapshotClient, type SnapshotClientState } from './snapshot-client.ts';
import { formatSnapshotMsg, type SnapshotMsg } from './snapshot-messages.ts';
import { snapshotShard, type SnapshotBug, type SnapshotShardState } from './snapshot-shard.ts';
import { timestampOracle, type OracleState } from './timestamp-oracle.ts';

/** A state of either store as its isolation properties see it: the clients' transactions. */
export type TxnStoreState = SystemState<unknown, unknown, TxnInput, TxnResult>;
/** A property of either store. */
export type TxnStoreProperty = SystemProperty<unknown, unknown, TxnInput, TxnResult>;

const transactions = (s: TxnStoreState) => txnHistoryOf(s.history, 'list-append');

export const Serializable = always<TxnStoreState>('Serializable', (s) => serializable(transactions(s)));
export const StrictSerializable = always<TxnStoreState>('StrictSerializable', (s) => strictSerializable(transactions(s)));
export const SnapshotIsolation = always<TxnStoreState>('SnapshotIsolation', (s) => snapshotIsolated(transactions(s)));

/** What both stores are made of: shards, the keys spread over them, and the clients' scripts. */
export interface StoreLayout {
  readonly shards: number;
  /** The keys, spread over the shards in order (key i on shard i mod shards). */
  readonly keys: readonly Key[];
  /** One script per client. */
  readonly scripts: readonly (readonly ScriptedTxn[])[];
}

export interface StoreOptions extends StoreLayout {
  readonly bug?: ShardBug;
  /** The properties to check; default Serializable alone. */
  readonly properties?: readonly TxnStoreProperty[];
}

export type StoreState = SystemState<ShardState | ClientState, StoreMsg, TxnInput, TxnResult>;

/** The store under strict two-phase locking: the shards, then the clients. */
export function lockingStore(options: StoreOptions): ActorModel<ShardState | ClientState, StoreMsg, TxnInput, TxnResult> {
  return actorSystem<ShardState | ClientState, StoreMsg, TxnInput, TxnResult>({
    actors: [
      { actor: shard(options.bug), count: options.shards },
      { actor: storeClient(options.scripts, options.keys), count: options.scripts.length, client: true },
    ],
    properties: options.properties ?? [Serializable],
    formatMessage: formatStoreMsg,
  });
}

export interface SnapshotStoreOptions extends StoreLayout {
  readonly bug?: SnapshotBug;
  /** The properties to check; default SnapshotIsolation and Serializable. */
  readonly properties?: readonly TxnStoreProperty[];
}

export type SnapshotStoreState = SystemState<OracleState | SnapshotShardState | SnapshotClientState, SnapshotMsg, TxnInput, TxnResult>;

/** The multi-version store with snapshot isolation: a timestamp oracle, the shards, the clients. */
export function snapshotStore(options: SnapshotStoreOptions): ActorModel<OracleState | SnapshotShardState | SnapshotClientState, SnapshotMsg, TxnInput, TxnResult> {
  return actorSystem<OracleState | SnapshotShardState | SnapshotClientState, SnapshotMsg, TxnInput, TxnResult>({
    actors: [
      { actor: timestampOracle(), count: 1 },
      { actor: snapshotShard(options.bug), count: options.shards },
      { actor: snapshotClient(options.scripts, options.keys), count: options.scripts.length, client: true },
    ],
    properties: options.properties ?? [SnapshotIsolation, Serializable],
    formatMessage: formatSnapshotMsg,
  });
}
