// Symmetry checked by brute force, for every protocol that declares it: every reachable state of
// the model, renamed by every permutation of the groups; an orbit is named by the least fingerprint
// among the renamings. A symmetric search must count exactly as many states as there are orbits:
// more, and its canonical form is not canonical; fewer, and it merged states that are not symmetric.
//
// It also checks what makes the reduction sound: every renaming of a reachable state is reachable.
// A renaming that leads out of the reachable states means the protocol tells members of a group
// apart (by id, by a fixed address, by an order), or a hook left an id behind.

import { expect } from 'vitest';
import { bfs, type ActorModel, type Id, type Rename, type Spec, type SymmetryOptions, type SystemState } from '../../checker/index.ts';
import { fingerprintHex } from '../../checker/testing.ts';
import { checkConfig } from '../../checker/check.ts';
import { envelope, insert, type Envelope } from '../../checker/actor/network.ts';

export interface OrbitCount {
  /** Reachable states of the model without symmetry. */
  readonly states: number;
  /** How many orbits they fall into under the renamings of the groups. */
  readonly orbits: number;
  /** Renamings of reachable states that are not reachable: 0 when the groups are symmetric. */
  readonly outside: number;
}

export interface OrbitOptions {
  /** Whether the model's network is FIFO: the canonical order of the network depends on it. */
  readonly ordered?: boolean;
  /**
   * Only the states within this many steps of an initial state, as a breadth-first search bounded
   * by `maxDepth` counts them. A renaming keeps a state's depth when it maps the initial states to
   * themselves, so these states too fall into whole orbits.
   */
  readonly maxDepth?: number;
}

/**
 * Counts the orbits of `model`'s reachable states under `symmetry`. The model's own declaration,
 * if any, is not used: the search is the plain one.
 */
export function bruteForceOrbits<S, M, I, O>(model: ActorModel<S, M, I, O>, symmetry: SymmetryOptions<S, M>, options: OrbitOptions = {}): OrbitCount {
  const renamings = permutationsOf(model.nodeNames.length, symmetry.groups);
  const rename = renamer(model, symmetry, options.ordered ?? false);
  const maxDepth = options.maxDepth ?? Infinity;
  const seen = new Set<string>();
  const queue: SystemState<S, M, I, O>[] = [];
  const visit = (s: SystemState<S, M, I, O>): void => {
    const key = fingerprintHex(s);
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(s);
  };
  model.init().forEach(visit);
  for (let depth = 0, start = 0; depth < maxDepth && start < queue.length; depth++) {
    const end = queue.length;
    for (let i = start; i < end; i++) {
      const s = queue[i]!;
      for (const a of model.actions(s)) {
        const t = model.next(s, a);
        if (t !== undefined) visit(t);
      }
    }
    start = end;
  }
  const orbits = new Set<string>();
  let outside = 0;
  for (const s of queue) {
    let least: string | undefined;
    for (const perm of renamings) {
      const key = fingerprintHex(rename(s, perm));
      if (!seen.has(key)) outside++;
      if (least === undefined || key < least) least = key;
    }
    orbits.add(least!);
  }
  return { states: queue.length, orbits: orbits.size, outside };
}

/**
 * The symmetry a protocol declares is exact on `model`: every renaming of a reachable state is
 * reachable, the plain search counts every state and the search with `symmetry: true` every orbit.
 * Returns both counts, for the test to state them.
 */
export function expectExactSymmetry<S, M, I, O>(
  model: () => ActorModel<S, M, I, O>,
  symmetry: SymmetryOptions<S, M>,
  options: OrbitOptions = {},
): { readonly states: number; readonly orbits: number } {
  const bounds = options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth };
  const brute = bruteForceOrbits(model(), symmetry, options);
  expect(brute.outside, 'renamings that lead out of the reachable states').toBe(0);
  expect(bfs(model(), bounds).distinctStates, 'states of the plain search').toBe(brute.states);
  expect(bfs(model(), { ...bounds, symmetry: true }).distinctStates, 'states of the symmetric search').toBe(brute.orbits);
  return { states: brute.states, orbits: brute.orbits };
}

/**
 * Runs every configuration of a spec that is not heavy as `interleave check` does, without and with
 * --symmetry: each meets its expectation both ways. Returns the distinct states of both runs.
 */
export function specUnderSymmetry(spec: Spec, file: string): Record<string, [plain: number, symmetric: number]> {
  const counts: Record<string, [number, number]> = {};
  for (const [config, cfg] of Object.entries(spec.configs)) {
    if (cfg.heavy) continue;
    const plain = checkConfig(spec, config, file);
    const symmetric = checkConfig(spec, config, file, { symmetry: true });
    expect(plain.met, config).toBe(true);
    expect(symmetric.met, `${config} with symmetry`).toBe(true);
    counts[config] = [plain.distinctStates, symmetric.distinctStates];
  }
  return counts;
}

/** Every renaming that permutes each group within itself and fixes every other node. */
function permutationsOf(nodes: number, groups: readonly (readonly Id[])[]): Id[][] {
  let out: Id[][] = [Array.from({ length: nodes }, (_, i) => i)];
  for (const group of groups) {
    out = out.flatMap((perm) =>
      orderings(group).map((image) => {
        const p = perm.slice();
        group.forEach((id, k) => (p[id] = image[k]!));
        return p;
      }),
    );
  }
  return out;
}

function orderings(xs: readonly Id[]): Id[][] {
  if (xs.length <= 1) return [xs.slice()];
  return xs.flatMap((x, i) => orderings([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** The state in which node `perm[i]` plays the part node `i` played, as the model would hold it. */
function renamer<S, M, I, O>(model: ActorModel<S, M, I, O>, symmetry: SymmetryOptions<S, M>, ordered: boolean) {
  const { renameState, renameMessage } = symmetry;
  const servers = model.serverIds;
  return (s: SystemState<S, M, I, O>, perm: readonly Id[]): SystemState<S, M, I, O> => {
    if (s.causality !== undefined) throw new Error('a causal log names nodes: it cannot be renamed');
    const r: Rename = (id) => perm[id]!;
    const actors: S[] = [];
    const crashed: boolean[] = [];
    const timers: (readonly string[])[] = [];
    s.actors.forEach((a, i) => {
      actors[r(i)] = renameState ? renameState(a, r) : a;
      crashed[r(i)] = s.crashed[i]!;
      timers[r(i)] = s.timers[i]!;
    });
    let network: Envelope<M>[] = [];
    for (const e of s.network) network = insert(network, envelope(r(e.from), r(e.to), renameMessage ? renameMessage(e.msg, r) : e.msg), ordered);
    let partition = s.partition;
    if (partition !== null) {
      // Named as the model names a split: by its smaller side, or the side with the first server.
      let side = partition.map(r).sort((a, b) => a - b);
      if (side.length * 2 === servers.length && !side.includes(servers[0]!)) side = servers.filter((id) => !side.includes(id));
      partition = side;
    }
    return { ...s, actors, crashed, timers, network, partition };
  };
}
