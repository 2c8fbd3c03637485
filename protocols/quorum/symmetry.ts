// Which replicas are interchangeable (`--symmetry`), and how a renaming reaches their ids.
//
// In both protocols every request goes to all replicas and the client waits for any quorum of
// them: no preference list, no coordinator chosen by id, no replica addressed on its own. A client
// that reads takes the newest reply, choosing between equally new ones by replica id (the first of
// its replies); that is immaterial exactly when a timestamp or version names one value, so that
// equally new replies are equal. Replica ids appear only in a client's record of who replied.

import type { Id, Rename, SymmetryOptions } from '../../checker/index.ts';
import type { Value } from '../register/messages.ts';
import type { AbdClientState } from './abd-client.ts';
import type { AbdMessage } from './abd-messages.ts';
import type { AbdReplicaState } from './abd-replica.ts';
import type { DynamoClientState } from './dynamo-client.ts';
import type { DynamoMessage } from './dynamo-messages.ts';
import type { DynamoReplicaState } from './dynamo-replica.ts';
import type { AbdOptions, DynamoOptions } from './options.ts';
import { compareTimestamps, type Timestamp } from './timestamp.ts';

const replicaIds = (replicas: number): Id[] => Array.from({ length: replicas }, (_, i) => i);

// Replies are sorted by replica and then by content: the canonical form blurs the ids of a group
// into one placeholder, and the order of the replies must not then depend on the ids they had.

/**
 * ABD: a client's replies and acks name replicas. A timestamp names the client that wrote it (the
 * initial [0, 0] names no one) and messages carry only timestamps and values, so they stay.
 */
export function renameAbdReplicas(s: AbdReplicaState | AbdClientState, rename: Rename): AbdReplicaState | AbdClientState {
  if (!('replies' in s)) return s;
  const replies = s.replies
    .map(([r, ts, value]): readonly [Id, Timestamp, Value] => [rename(r), ts, value])
    .sort((a, b) => a[0] - b[0] || compareTimestamps(a[1], b[1]) || compareValues(a[2], b[2]));
  const acks = s.acks.map(rename).sort((a, b) => a - b);
  return { ...s, replies, acks };
}

/** ABD's replicas are one group: a timestamp carries its writer's id, so no two writes share one. */
export function abdSymmetry(options: AbdOptions): SymmetryOptions<AbdReplicaState | AbdClientState, AbdMessage> {
  return { groups: [replicaIds(options.replicas)], renameState: renameAbdReplicas };
}

/** Dynamo: a client's replies (or acks) name replicas; messages carry only versions and values. */
export function renameDynamoReplicas(s: DynamoReplicaState | DynamoClientState, rename: Rename): DynamoReplicaState | DynamoClientState {
  if (!('replies' in s)) return s;
  const replies = s.replies
    .map(([r, version, value]): readonly [Id, number, Value] => [rename(r), version, value])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || compareValues(a[2], b[2]));
  return { ...s, replies };
}

/**
 * Dynamo's replicas are one group while at most one client writes: each writer numbers its own
 * writes, so two writers would give one version two values, and a read would pick between them by
 * replica id.
 */
export function dynamoSymmetry(options: DynamoOptions): SymmetryOptions<DynamoReplicaState | DynamoClientState, DynamoMessage> | undefined {
  const writers = options.workload.filter((ops) => ops.some((op) => op.f === 'write')).length;
  return writers > 1 ? undefined : { groups: [replicaIds(options.replicas)], renameState: renameDynamoReplicas };
}

function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
  return a < b ? -1 : a > b ? 1 : 0;
}
