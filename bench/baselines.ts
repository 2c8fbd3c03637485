// The figures of shared/BASELINES.md the benchmarks use: TLC's answers (distinct states, depth in
// TLC's convention, states on the path) that a run must reproduce, and TLC's throughput on this
// machine that a run is set beside.

/** What TLC finds: distinct states, and depth where TLC reports it. */
export interface Known {
  readonly states: number;
  readonly depth?: number;
}

/** TwoPhase by RMs (BASELINES §1). */
export const TWOPHASE: Record<number, Known> = {
  5: { states: 8832, depth: 17 },
  6: { states: 50816, depth: 20 },
  7: { states: 296448, depth: 23 },
  8: { states: 1745408 },
  9: { states: 10340352 },
  10: { states: 61515776 },
};
/** TwoPhase with symmetry over RMs: one state an orbit, at the unreduced depth (BASELINES §1). */
export const TWOPHASE_SYMMETRIC: Record<number, Known> = {
  5: { states: 314, depth: 17 },
  6: { states: 553, depth: 20 },
  7: { states: 920, depth: 23 },
};
export const MC_PAXOS_TINY: Known = { states: 3921, depth: 17 };
export const MC_PAXOS_SMALL: Known = { states: 185369 };
/** PaxosCommit.cfg: 2 RMs, 3 acceptors, ballots {0, 1}. */
export const PAXOS_COMMIT: Known = { states: 1321761, depth: 28 };

/** TLC 2.20's distinct states per second (BASELINES §4), keyed `rms/workers`. */
export const TLC_TWOPHASE_RATE: Record<string, number> = { '5/1': 7100, '6/1': 24500, '7/1': 41000, '7/2': 53000, '8/1': 43000, '8/2': 67000, '9/2': 64000 };
/** TLC on PaxosCommit.cfg, by workers. */
export const TLC_PAXOS_COMMIT_RATE: Record<number, number> = { 1: 8600, 2: 15400 };
export const TLC_MC_PAXOS_TINY_RATE = 2200;
export const TLC_MC_PAXOS_SMALL_RATE = 14000;

/**
 * How a run that should hold differs from TLC's answer (or, without one, from holding), or
 * undefined when it does not. The explorer's depth counts steps, one less than TLC's.
 */
export function differsFromTlc(o: { readonly status: string; readonly distinctStates: number; readonly maxDepth: number }, known: Known | undefined): string | undefined {
  if (o.status !== 'holds') return `expected holds, got ${o.status}`;
  if (known === undefined) return undefined;
  if (o.distinctStates !== known.states) return `${o.distinctStates} distinct states, TLC finds ${known.states}`;
  if (known.depth !== undefined && o.maxDepth + 1 !== known.depth) return `depth ${o.maxDepth + 1} in TLC's convention, TLC finds ${known.depth}`;
  return undefined;
}
