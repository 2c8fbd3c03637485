// Checking a model's liveness properties: one breadth-first search that records the state graph
// (every state, every step, every state it could not expand), then per property the product with
// the property's progress bit, the fair components of the part where the goal is still awaited,
// and, for a violation, a lasso: a shortest path to such a component and a cycle through it.
//
// The progress bit per state of the product ("waiting"):
// - eventually p:      waiting from the start, until p holds (then the branch is done);
// - p ~> q (leadsTo):  waiting once p holds and q does not, until q holds (then not, until p again);
// - []<>p:             waiting in every state where p does not hold.
// A counterexample is a reachable fair component whose states are all waiting (a fair behaviour
// can stay there for ever and the goal never comes). A state can belong to it only with all its
// steps known: one the search did not expand (state constraint, depth bound, budget) is neither a
// dead end nor on a known cycle. When the waiting part reaches such a state and no counterexample
// avoids them, the property is undecided and the run `incomplete`, never `holds` nor `violated`.
//
// Reductions: symmetry and partial-order reduction are not applied. A cycle of orbits need not be a
// cycle of states, and sleep sets omit steps whose taking or enabling a fairness condition reads.

import { fingerprintOut, fingerprintState } from '../fingerprint/hash.ts';
import type { ExploreOptions } from '../explore/options.ts';
import type { Bound, Outcome, Path } from '../explore/outcome.ts';
import { bfs } from '../explore/search.ts';
import { identifier, replayStep } from '../explore/state-store.ts';
import type { Model } from '../model.ts';
import type { PropertyKind } from '../properties.ts';
import { fairComponents } from './fair-components.ts';
import { UNFAIR } from './fairness.ts';
import type { StateGraph } from './graph.ts';
import { GOAL, GraphCollector, TRIGGER } from './graph-collector.ts';
import { cycleThrough } from './lasso.ts';
import { isLiveness, type LivenessKind, type LivenessProperty } from './properties.ts';

export interface LivenessOutcome<S, A> extends Outcome<S, A> {
  /** The kind of the violated property. */
  readonly propertyKind?: PropertyKind;
  /**
   * A lasso: after the last step the run returns to the state after step `cycleStart` (0: the
   * initial state) and repeats for ever. Equal to the number of steps: the run stutters there.
   */
  readonly cycleStart?: number;
  /** Fair classes enabled somewhere on the cycle and never taken on it (each disabled somewhere on it). */
  readonly fairNotTaken?: readonly string[];
  /** Liveness properties the search could not decide (their counterexamples could go through unexpanded states). */
  readonly undecided?: readonly string[];
  readonly notes: readonly string[];
  /** The recorded graph: transitions kept (self-loops and duplicates included) and their bytes. */
  readonly graph?: { readonly edges: number; readonly bytes: number };
}

export function hasLiveness<S, A>(model: Model<S, A>): boolean {
  return model.properties.some(isLiveness);
}

/** What the run does otherwise than asked when the model has liveness properties. */
export function livenessNotes(options: ExploreOptions): string[] {
  const notes: string[] = [];
  if (options.symmetry === true) notes.push('--symmetry not applied: liveness is checked on the unreduced graph (a cycle of orbits need not be a cycle of states)');
  if (options.por === true) notes.push('--por not applied: sleep sets omit steps that fairness must see');
  const strategy = options.strategy ?? 'bfs';
  if (strategy !== 'bfs') notes.push(`--strategy ${strategy} not applied: liveness needs the whole graph, explored breadth-first`);
  return notes;
}

/** One liveness property's verdict on the explored graph. */
export interface LivenessVerdict<S, A> {
  readonly property: string;
  readonly kind: LivenessKind;
  /** undecided: its counterexamples could go through states the search did not expand. */
  readonly status: 'holds' | 'violated' | 'undecided';
  /** violated: the lasso, its cycle from step `cycleStart` on. */
  readonly path?: Path<S, A>;
  readonly cycleStart?: number;
  readonly fairNotTaken?: readonly string[];
}

/**
 * Explores the model breadth-first and checks its invariants; unless one is violated, judges every
 * liveness property on the explored graph. `outcome` is the search's (a safety violation, or what
 * it found without one).
 */
export function livenessVerdicts<S, A>(model: Model<S, A>, options: ExploreOptions = {}): { outcome: LivenessOutcome<S, A>; verdicts: LivenessVerdict<S, A>[] } {
  const notes = livenessNotes(options);
  const properties = model.properties.filter(isLiveness) as LivenessProperty<S>[];
  const collector = new GraphCollector(model, properties);
  const { symmetry: _s, por: _p, strategy: _t, ...rest } = options;
  const explored = bfs(model, { ...rest, edges: collector });
  if (explored.status === 'violated') {
    const kind = model.properties.find((p) => p.name === explored.property)?.kind;
    return { outcome: { ...explored, notes, ...(kind ? { propertyKind: kind } : {}) }, verdicts: [] };
  }
  const graph = collector.edges.build();
  // The search numbers the distinct initial states 0, 1, … before any other.
  const initials = initialIds(model);
  const verdicts = properties.map((p, j): LivenessVerdict<S, A> => {
    const found = search(graph, collector, initials.length, j, p.kind);
    if (typeof found !== 'object') return { property: p.name, kind: p.kind, status: found === 'undecided' ? 'undecided' : 'holds' };
    const path = replayLasso(model, graph, initials[found.initId]!, [...found.prefix, ...found.cycle]);
    const fairNotTaken = notTaken(graph, collector, found);
    return { property: p.name, kind: p.kind, status: 'violated', path, cycleStart: found.prefix.length, ...(fairNotTaken.length > 0 ? { fairNotTaken } : {}) };
  });
  return { outcome: { ...explored, notes, graph: { edges: graph.edges, bytes: graph.bytes } }, verdicts };
}

/**
 * Explores the model breadth-first, checks its invariants, then its liveness properties: the first
 * violated one (in the model's order) is the run's violation.
 */
export function checkLiveness<S, A>(model: Model<S, A>, options: ExploreOptions = {}): LivenessOutcome<S, A> {
  const started = Date.now();
  const { outcome, verdicts } = livenessVerdicts(model, options);
  const ms = Date.now() - started;
  if (outcome.status === 'violated') return { ...outcome, ms };
  const violated = verdicts.find((v) => v.status === 'violated');
  if (violated) {
    const { property, kind, path, cycleStart, fairNotTaken } = violated;
    return { ...outcome, status: 'violated', property, propertyKind: kind, path: path!, cycleStart: cycleStart!, ...(fairNotTaken ? { fairNotTaken } : {}), ms };
  }
  const undecided = verdicts.filter((v) => v.status === 'undecided').map((v) => v.property);
  if (undecided.length === 0) return { ...outcome, ms };
  const notes = [...outcome.notes, `liveness not decided for ${undecided.join(', ')}: a counterexample could go through states the search did not expand`];
  const boundsHit: Bound[] = outcome.boundsHit.length > 0 ? [...outcome.boundsHit] : ['within'];
  return { ...outcome, status: 'incomplete', boundsHit, undecided, ms, notes };
}

interface Lasso {
  /** Index of the initial state among the distinct initial states (its id). */
  readonly initId: number;
  /** Edges from the initial state to the cycle's entry, then round the cycle. */
  readonly prefix: readonly number[];
  readonly cycle: readonly number[];
  readonly entry: number;
}

/** The product search for property j; a lasso, or whether unexpanded states leave it undecided. */
function search<S, A>(g: StateGraph, c: GraphCollector<S, A>, initialCount: number, j: number, kind: LivenessKind): Lasso | 'undecided' | 'holds' {
  const n = g.states;
  const k = c.properties.length;
  const mark = (v: number): number => c.marks[v * k + j]!;
  const goal = (v: number): boolean => (mark(v) & GOAL) !== 0;
  // The progress bit on entering state w from a state whose bit is b.
  const step =
    kind === 'eventually'
      ? (b: number, w: number): number => (b === 1 && !goal(w) ? 1 : 0)
      : kind === 'leadsTo'
        ? (b: number, w: number): number => ((b === 1 || (mark(w) & TRIGGER) !== 0) && !goal(w) ? 1 : 0)
        : (_b: number, w: number): number => (goal(w) ? 0 : 1);
  const startBit = (v: number): number => step(kind === 'eventually' ? 1 : 0, v);
  const seen = new Uint8Array(2 * n);
  const parentEdge = new Int32Array(2 * n);
  const parentNode = new Int32Array(2 * n);
  const queue = new Int32Array(2 * n);
  let tail = 0;
  for (let v = 0; v < initialCount; v++) {
    const b = startBit(v);
    if (kind === 'eventually' && b === 0) continue;
    const x = 2 * v + b;
    if (seen[x]) continue;
    seen[x] = 1;
    parentEdge[x] = -1;
    parentNode[x] = -1;
    queue[tail++] = x;
  }
  let touchesUnexpanded = false;
  const allowed = new Uint8Array(n);
  for (let head = 0; head < tail; head++) {
    const x = queue[head]!;
    const v = x >> 1;
    if (g.unexpanded[v] === 1) {
      touchesUnexpanded = true;
      continue;
    }
    const b = x & 1;
    if (b === 1) allowed[v] = 1;
    for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
      const w = g.to[e]!;
      const bw = step(b, w);
      if (kind === 'eventually' && bw === 0) continue;
      const y = 2 * w + bw;
      if (seen[y]) continue;
      seen[y] = 1;
      parentEdge[y] = e;
      parentNode[y] = x;
      queue[tail++] = y;
    }
  }
  const fair = fairComponents(g, allowed, c.classes.strong);
  if (fair.components.length === 0) return touchesUnexpanded ? 'undecided' : 'holds';
  // The first waiting state in breadth-first order that is in a fair component: a shortest prefix.
  let target = -1;
  for (let i = 0; i < tail; i++) {
    const x = queue[i]!;
    if ((x & 1) === 1 && fair.componentOf[x >> 1]! >= 0) {
      target = x;
      break;
    }
  }
  const prefix: number[] = [];
  let x = target;
  while (parentNode[x] !== -1) {
    prefix.push(parentEdge[x]!);
    x = parentNode[x]!;
  }
  prefix.reverse();
  const entry = target >> 1;
  const id = fair.componentOf[entry]!;
  const cycle = cycleThrough(g, fair.components[id]!, (v) => fair.componentOf[v] === id, entry);
  return { initId: x >> 1, prefix, cycle, entry };
}

/** Re-runs the lasso's steps from its initial state, by the index of each step's action. */
function replayLasso<S, A>(model: Model<S, A>, g: StateGraph, init: number, edges: readonly number[]): Path<S, A> {
  let s: S = model.init()[init]!;
  const states: S[] = [s];
  const actions: A[] = [];
  for (const e of edges) {
    const { action, state } = replayStep(model, s, g.via[e]!);
    actions.push(action);
    states.push(state);
    s = state;
  }
  return { init, actions, states };
}

/** For each initial state id the search gives (duplicates share one), its index in `model.init()`. */
function initialIds<S, A>(model: Model<S, A>): number[] {
  const identify = identifier(model, false);
  const seen = new Set<string>();
  const ids: number[] = [];
  model.init().forEach((s, i) => {
    fingerprintState(identify ? identify(s) : s);
    const key = `${fingerprintOut[0]},${fingerprintOut[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    ids.push(i);
  });
  return ids;
}

/** The fair classes enabled on the cycle's states but not taken by its steps. */
function notTaken<S, A>(g: StateGraph, c: GraphCollector<S, A>, lasso: Lasso): string[] {
  const states = new Set<number>([lasso.entry]);
  const taken = new Set<number>();
  for (const e of lasso.cycle) {
    states.add(g.to[e]!);
    if (g.to[e] !== g.sourceOf(e)) taken.add(g.cls[e]!);
  }
  const enabled = new Set<number>();
  for (const v of states) {
    for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) if (g.cls[e] !== UNFAIR && g.to[e] !== v) enabled.add(g.cls[e]!);
  }
  return [...enabled].filter((k) => !taken.has(k)).map((k) => c.classes.names[k]!);
}
