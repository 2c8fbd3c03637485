// The replicated log. Indexes are 1-based as in the paper: log[i - 1] is the entry at index i, and
// index 0 (before the first entry) has term 0.

import type { Id } from '../../checker/index.ts';
import { formatOp, type KvOp } from './state-machine.ts';

/** A log entry: the command for the state machine and the term when the leader received it. */
export interface Entry {
  readonly term: number;
  /** Who asked, and their request number: the leader replies once the entry is applied. */
  readonly client: Id;
  readonly seq: number;
  readonly op: KvOp;
}

export type Log = readonly Entry[];

export const lastLogIndex = (log: Log): number => log.length;

/** The term of the entry at `index`, 0 at index 0, undefined past the end. */
export function termAt(log: Log, index: number): number | undefined {
  if (index === 0) return 0;
  return log[index - 1]?.term;
}

export const lastLogTerm = (log: Log): number => termAt(log, log.length)!;

/**
 * §5.4.1: a log with last entry (lastTerm, lastIndex) is at least as up-to-date as `log` if its last
 * term is later, or the terms are equal and it is at least as long.
 */
export function atLeastAsUpToDate(lastTerm: number, lastIndex: number, log: Log): boolean {
  const myTerm = lastLogTerm(log);
  return lastTerm > myTerm || (lastTerm === myTerm && lastIndex >= lastLogIndex(log));
}

/** Two entries are the same entry: same term and same command. */
export function sameEntry(a: Entry, b: Entry): boolean {
  return a.term === b.term && a.client === b.client && a.seq === b.seq;
}

export function formatEntry(e: Entry): string {
  return `${formatOp(e.op)}@t${e.term}`;
}
