// The timestamp oracle of the multi-version store: one counter that orders commits. A start
// timestamp is the last commit's, so a snapshot holds every transaction committed before it began.

import type { Actor } from '../../checker/index.ts';
import type { SnapshotMsg } from './snapshot-messages.ts';

export interface OracleState {
  /** The last commit timestamp handed out. */
  readonly clock: number;
}

/** The timestamp oracle: a start timestamp is the last commit's; a commit gets the next one. */
export function timestampOracle(): Actor<OracleState, SnapshotMsg> {
  return {
    name: 'oracle',
    init: () => ({ clock: 0 }),
    onMessage(s, from, msg, ctx) {
      if (msg.type === 'Begin') ctx.send(from, { type: 'Began', txn: msg.txn, ts: s.clock });
      else if (msg.type === 'GetCommitTs') {
        s.clock += 1;
        ctx.send(from, { type: 'CommitTs', txn: msg.txn, ts: s.clock });
      }
    },
  };
}
