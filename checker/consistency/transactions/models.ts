// Consistency models and the anomalies each rules out, following Elle's mapping (Adya's
// definitions for the PL levels, plus Elle's non-cycle anomalies), expanded here into plain sets:
// a model lists every anomaly whose presence refutes it, including those that imply a listed one
// (e.g. G0 implies G1c, so read committed, which rules out G1, lists G0).
//
// In these workloads every anti-dependency is on an item (there are no predicate reads), so a
// G-single or G-nonadjacent cycle is also a G2-item cycle, and repeatable read rules them out.

import { CYCLE_BASES, type CycleBase } from './cycle-search.ts';

export const MODELS = [
  'read-uncommitted',
  'read-committed',
  'repeatable-read',
  'snapshot-isolation',
  'serializable',
  'strong-session-snapshot-isolation',
  'strong-snapshot-isolation',
  'strong-session-serializable',
  'strict-serializable',
] as const;
export type ConsistencyModel = (typeof MODELS)[number];

export function isConsistencyModel(s: string): s is ConsistencyModel {
  return (MODELS as readonly string[]).includes(s);
}

const variantsOf = (bases: readonly CycleBase[], suffix: '-process' | '-realtime'): string[] => bases.map((b) => `${b}${suffix}`);

const readUncommitted = ['G0', 'duplicate-elements', 'cyclic-versions'];
// A future read (a transaction observing its own later write) is a trivial G1c cycle, as Elle has it.
const readCommitted = [...readUncommitted, 'G1a', 'G1b', 'G1c', 'dirty-update', 'incompatible-order', 'future-read'];
const repeatableRead = [...readCommitted, 'G-single', 'G-nonadjacent', 'G2-item', 'lost-update'];
const snapshotIsolation = [...readCommitted, 'internal', 'G-single', 'G-nonadjacent', 'lost-update'];
const serializable = [...new Set([...repeatableRead, ...snapshotIsolation])];
const siCycles: CycleBase[] = ['G0', 'G1c', 'G-single', 'G-nonadjacent'];
const strongSessionSI = [...snapshotIsolation, ...variantsOf(siCycles, '-process')];
const strongSI = [...strongSessionSI, ...variantsOf(siCycles, '-realtime')];
const strongSessionSerializable = [...serializable, ...variantsOf(CYCLE_BASES, '-process')];
const strictSerializable = [...strongSessionSerializable, ...variantsOf(CYCLE_BASES, '-realtime')];

export const PROHIBITED: Readonly<Record<ConsistencyModel, ReadonlySet<string>>> = {
  'read-uncommitted': new Set(readUncommitted),
  'read-committed': new Set(readCommitted),
  'repeatable-read': new Set(repeatableRead),
  'snapshot-isolation': new Set(snapshotIsolation),
  serializable: new Set(serializable),
  'strong-session-snapshot-isolation': new Set(strongSessionSI),
  'strong-snapshot-isolation': new Set(strongSI),
  'strong-session-serializable': new Set(strongSessionSerializable),
  'strict-serializable': new Set(strictSerializable),
};

/** Every anomaly type the checker reports, cycle kinds first. */
export const ANOMALY_TYPES: readonly string[] = [
  ...CYCLE_BASES,
  ...variantsOf(CYCLE_BASES, '-process'),
  ...variantsOf(CYCLE_BASES, '-realtime'),
  'G1a',
  'G1b',
  'internal',
  'future-read',
  'lost-update',
  'dirty-update',
  'incompatible-order',
  'duplicate-elements',
  'cyclic-versions',
];
