// Symmetry reduction for actor systems: groups of interchangeable nodes (the participants of 2PC,
// the acceptors of Paxos). Two system states that differ only by a renaming of the nodes within
// each group are the same state up to symmetry; with `--symmetry` each orbit is counted once.
//
// Canonical form, exactly (each orbit gets one representative):
// 1. Each node of a group gets a signature that no renaming of the group changes: its crashed flag,
//    its timers, its state and the messages it sends and receives, with every node id of a group
//    in them replaced by a placeholder.
// 2. The candidate renamings are those that sort each group by signature (ties in any order).
// 3. The representative is the renamed state with the least fingerprint among the candidates.
// If s and t = π(s) are in one orbit, the candidates for t are exactly the candidates for s
// composed with π⁻¹, so both reach the same set of renamed states and the same least one.
//
// Node ids inside actor states and messages are renamed by the protocol's hooks. A protocol whose
// states or messages mention node ids must provide them: without, renaming would leave stale ids
// behind and merge states that are not symmetric.
//
// Traces stay concrete: the explorer keeps the states it found and only fingerprints their
// representatives, so a counterexample replays on the model without symmetry.

import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import type { Id } from './actor.ts';
import { envelope, insert, type Envelope } from './network.ts';
import { systemState, type SystemState } from './system-state.ts';

/** Renames node ids: `rename(id)` is the id of the node that plays `id`'s part. */
export type Rename = (id: Id) => Id;

export interface SymmetryOptions<S, M> {
  /** Groups of interchangeable node ids (servers; each id in at most one group). */
  readonly groups: readonly (readonly Id[])[];
  /** Renames the node ids inside an actor's state (every actor's, clients' too). */
  readonly renameState?: (state: S, rename: Rename) => S;
  /** Renames the node ids inside a message. */
  readonly renameMessage?: (msg: M, rename: Rename) => M;
}

/** Too many tied candidates to try them all: fall back to the first (sound, less reduction). */
const MAX_CANDIDATES = 5040;

/** The groups resolved, with what renaming needs. */
interface Symmetry<S, M> {
  readonly groups: readonly (readonly Id[])[];
  readonly nodes: number;
  readonly servers: readonly Id[];
  readonly ordered: boolean;
  readonly renameState: SymmetryOptions<S, M>['renameState'];
  readonly renameMessage: SymmetryOptions<S, M>['renameMessage'];
  /** Every group member mapped to a placeholder: what a signature may see of node ids. */
  readonly blur: Rename;
}

/** A group's members sorted by signature: runs of equal signatures are ties. */
interface Tie {
  readonly slots: Id[];
  readonly members: Id[];
}

export function symmetryCanonicaliser<S, M>(
  options: SymmetryOptions<S, M>,
  nodes: number,
  servers: readonly Id[],
  ordered: boolean,
): (s: SystemState<S, M>) => SystemState<S, M> {
  const groups = options.groups.map((g) => [...g].sort((a, b) => a - b)).filter((g) => g.length > 1);
  const inGroup = new Int32Array(nodes).fill(-1);
  groups.forEach((g, k) => {
    for (const id of g) {
      if (!Number.isInteger(id) || id < 0 || id >= nodes) throw new Error(`symmetry: no node ${String(id)}`);
      if (inGroup[id] !== -1) throw new Error(`symmetry: node ${id} is in two groups`);
      if (!servers.includes(id)) throw new Error(`symmetry: node ${id} is a client; only servers may be interchangeable`);
      inGroup[id] = k;
    }
  });
  const sym: Symmetry<S, M> = {
    groups,
    nodes,
    servers,
    ordered,
    renameState: options.renameState,
    renameMessage: options.renameMessage,
    blur: (id) => (inGroup[id] !== undefined && inGroup[id] !== -1 ? -1 - inGroup[id]! : id),
  };
  return (s) => canonical(sym, s);
}

/** The representative of `s`'s orbit. */
function canonical<S, M>(sym: Symmetry<S, M>, s: SystemState<S, M>): SystemState<S, M> {
  const perm = new Int32Array(sym.nodes);
  for (let i = 0; i < sym.nodes; i++) perm[i] = i;
  const ties: Tie[] = [];
  let candidates = 1;
  for (const g of sym.groups) candidates *= sortGroup(sym, s, g, perm, ties);
  const identity = perm.every((v, i) => v === i);
  if (ties.length === 0 || candidates > MAX_CANDIDATES) return identity ? s : renamed(sym, s, perm);
  // Try every assignment of tied members to their slots; keep the least fingerprint.
  let best: SystemState<S, M> | undefined;
  let bestHi = 0;
  let bestLo = 0;
  const visit = (t: number): void => {
    if (t === ties.length) {
      const candidate = renamed(sym, s, perm);
      fingerprintState(candidate);
      const hi = fingerprintOut[0]!;
      const lo = fingerprintOut[1]!;
      if (best === undefined || hi < bestHi || (hi === bestHi && lo < bestLo)) {
        best = candidate;
        bestHi = hi;
        bestLo = lo;
      }
      return;
    }
    const { slots, members } = ties[t]!;
    permute(members, (order) => {
      for (let x = 0; x < order.length; x++) perm[order[x]!] = slots[x]!;
      visit(t + 1);
    });
  };
  visit(0);
  return best!;
}

/**
 * Sorts group `g` by signature into `perm` (the member with the k-th least signature takes the
 * k-th least id), adds its ties to `ties`, and returns how many orderings the ties allow.
 */
function sortGroup<S, M>(sym: Symmetry<S, M>, s: SystemState<S, M>, g: readonly Id[], perm: Int32Array, ties: Tie[]): number {
  const sigs = g.map((id) => ({ id, sig: signature(sym, s, id) }));
  sigs.sort((a, b) => a.sig[0]! - b.sig[0]! || a.sig[1]! - b.sig[1]!);
  let orderings = 1;
  for (let k = 0; k < g.length; ) {
    let end = k + 1;
    while (end < g.length && sigs[end]!.sig[0] === sigs[k]!.sig[0] && sigs[end]!.sig[1] === sigs[k]!.sig[1]) end++;
    for (let x = k; x < end; x++) perm[sigs[x]!.id] = g[x]!;
    if (end - k > 1) {
      ties.push({ slots: g.slice(k, end), members: sigs.slice(k, end).map((x) => x.id) });
      orderings *= factorial(end - k);
    }
    k = end;
  }
  return orderings;
}

/** What no renaming within the groups changes about node `id` in `s`. */
function signature<S, M>(sym: Symmetry<S, M>, s: SystemState<S, M>, id: Id): number[] {
  const { renameState, renameMessage, blur } = sym;
  const state = renameState ? renameState(s.actors[id]!, blur) : s.actors[id]!;
  const sent: number[] = [];
  const received: number[] = [];
  for (const e of s.network) {
    if (e.from !== id && e.to !== id) continue;
    const msg = renameMessage ? renameMessage(e.msg, blur) : e.msg;
    fingerprintState([e.from === id ? 'self' : blur(e.from), e.to === id ? 'self' : blur(e.to), msg]);
    (e.from === id ? sent : received).push(fingerprintOut[0]!, fingerprintOut[1]!);
  }
  fingerprintState([state, s.crashed[id], s.timers[id], sortPairs(sent), sortPairs(received)]);
  return [fingerprintOut[0]!, fingerprintOut[1]!];
}

/** `s` with node i playing the part of node perm[i]. */
function renamed<S, M>(sym: Symmetry<S, M>, s: SystemState<S, M>, perm: Int32Array): SystemState<S, M> {
  const { nodes, servers, renameState, renameMessage } = sym;
  const rename: Rename = (id) => perm[id]!;
  const actors = new Array<S>(nodes);
  const crashed = new Array<boolean>(nodes);
  const timers = new Array<readonly string[]>(nodes);
  for (let i = 0; i < nodes; i++) {
    const j = perm[i]!;
    actors[j] = renameState ? renameState(s.actors[i]!, rename) : s.actors[i]!;
    crashed[j] = s.crashed[i]!;
    timers[j] = s.timers[i]!;
  }
  let network: Envelope<M>[] = [];
  for (const e of s.network) {
    const msg = renameMessage ? renameMessage(e.msg, rename) : e.msg;
    network = insert(network, envelope(perm[e.from]!, perm[e.to]!, msg), sym.ordered);
  }
  let partition = s.partition;
  if (partition !== null) {
    let side = partition.map(rename).sort((a, b) => a - b);
    // A split is named by its smaller side, or by the side with the first server.
    if (side.length * 2 === servers.length && !side.includes(servers[0]!)) side = servers.filter((id) => !side.includes(id));
    partition = Object.freeze(side);
  }
  return systemState(actors, crashed, timers, network, s.history, s.faults, partition, s.causality);
}

function sortPairs(xs: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < xs.length; i += 2) pairs.push([xs[i]!, xs[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.flat();
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** Calls `f` with every ordering of `xs` (Heap's algorithm; `f` must not keep the array). */
function permute<T>(xs: readonly T[], f: (order: readonly T[]) => void): void {
  const a = xs.slice();
  const c = new Array<number>(a.length).fill(0);
  f(a);
  for (let i = 1; i < a.length; ) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[i], a[j]] = [a[j]!, a[i]!];
      f(a);
      c[i]!++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
}
