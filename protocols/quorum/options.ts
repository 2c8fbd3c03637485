// Quorum replication: ABD's atomic register and Dynamo-style N/R/W quorums, with named bugs.

import type { Workload } from './workload.ts';

export type AbdBug =
  /** A read returns the value it queried without writing it back to a majority. */
  'read-without-write-back';

export interface AbdOptions {
  readonly replicas: number;
  /** Client k runs workload[k]. */
  readonly workload: Workload;
  readonly bug?: AbdBug;
}

export interface DynamoOptions {
  /** N: the replicas each key is stored on. */
  readonly replicas: number;
  /** R: replies a read waits for. */
  readonly readQuorum: number;
  /** W: acknowledgements a write waits for. */
  readonly writeQuorum: number;
  /** Client 0 is the (only) writer; the others read. */
  readonly workload: Workload;
  /** After a read, send the newest value to the replicas that replied with an older one. */
  readonly readRepair?: boolean;
}
