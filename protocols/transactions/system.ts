// A transactional store sharded over servers (each key on one shard), clients running scripted
// transactions coordinated by two-phase commit, and the isolation properties of the clients'
// recorded history.

import { actorSystem, always, type ActorModel, type ClientHistory, type Property, type SystemState, type SystemView } from '../../checker/index.ts';
import { serializable, snapshotIsolated, strictSerializable, txnHistoryOf, type Key, type TxnInput, type TxnResult } from '../../checker/transactions.ts';
import { storeClient, type ClientState, type ScriptedTxn } from './client.ts';
import { formatStoreMsg, type StoreMsg } from './messages.ts';
import { shard, type ShardBug, type ShardState } from './shard.ts';
import { snapshotClient, type SnapshotClientState } from './snapshot-client.ts';
import { formatSnapshotMsg, type SnapshotMsg } from './snapshot-messages.ts';
import { snapshotShard, timestampOracle, type OracleState, type SnapshotBug, type SnapshotShardState } from './snapshot-shard.ts';

export interface StoreOptions {
  readonly shards: number;
  /** The keys, spread over the shards in order (key i on shard i mod shards). */
  readonly keys: readonly Key[];
  /** One script per client. */
  readonly scripts: readonly (readonly ScriptedTxn[])[];
  readonly bug?: ShardBug;
  /** The properties to check; default Serializable alone. */
  readonly properties?: readonly Property<SystemState<unknown, unknown>, SystemView | void>[];
}

export type StoreState = SystemState<ShardState | ClientState, StoreMsg>;

const transactions = (s: SystemState<unknown, unknown>) => txnHistoryOf(s.history as ClientHistory<TxnInput, TxnResult>, 'list-append');

export const Serializable = always<SystemState<unknown, unknown>>('Serializable', (s) => serializable(transactions(s)));
export const StrictSerializable = always<SystemState<unknown, unknown>>('StrictSerializable', (s) => strictSerializable(transactions(s)));
export const SnapshotIsolation = always<SystemState<unknown, unknown>>('SnapshotIsolation', (s) => snapshotIsolated(transactions(s)));

export function lockingStore(options: StoreOptions): ActorModel<ShardState | ClientState, StoreMsg> {
  return actorSystem<ShardState | ClientState, StoreMsg>({
    actors: [
      { actor: shard(options.bug), count: options.shards },
      { actor: storeClient(options.scripts, options.keys), count: options.scripts.length, client: true },
    ],
    properties: options.properties ?? [Serializable],
    formatMessage: formatStoreMsg,
  });
}

export interface SnapshotStoreOptions {
  readonly shards: number;
  readonly keys: readonly Key[];
  readonly scripts: readonly (readonly ScriptedTxn[])[];
  readonly bug?: SnapshotBug;
  /** The properties to check; default SnapshotIsolation and Serializable. */
  readonly properties?: readonly Property<SystemState<unknown, unknown>, SystemView | void>[];
}

export type SnapshotStoreState = SystemState<OracleState | SnapshotShardState | SnapshotClientState, SnapshotMsg>;

/** The multi-version store with snapshot isolation: a timestamp oracle, then the shards. */
export function snapshotStore(options: SnapshotStoreOptions): ActorModel<OracleState | SnapshotShardState | SnapshotClientState, SnapshotMsg> {
  return actorSystem<OracleState | SnapshotShardState | SnapshotClientState, SnapshotMsg>({
    actors: [
      { actor: timestampOracle(), count: 1 },
      { actor: snapshotShard(options.bug), count: options.shards },
      { actor: snapshotClient(options.scripts, options.keys), count: options.scripts.length, client: true },
    ],
    properties: options.properties ?? [SnapshotIsolation, Serializable],
    formatMessage: formatSnapshotMsg,
  });
}
