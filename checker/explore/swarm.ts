// Swarm testing (Groce et al., 2012): instead of one fault mix for every walk, each walk draws its
// own — which fault kinds it may use at all, and how often it prefers a fault to a normal step.
// Some walks then never crash and go deep into the protocol, others crash early and often; a
// uniform mix would dilute both. Actions are classified generically: a model that says nothing
// about its actions gets plain uniform choice.

import type { Model } from '../model.ts';
import type { Prng } from './prng.ts';

/** The fault kinds of an actor system; every other action (deliver, timeout, choose) is a normal step. */
export const FAULT_KINDS = ['lose', 'duplicate', 'crash', 'restart', 'partition', 'heal'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** 'step' for a normal step, or the fault kind. */
export type ActionClass = 'step' | FaultKind;

/** A model may classify its own actions; actor systems are classified by their action `kind`. */
export interface ClassifiedModel<A> {
  actionClass?(a: A): ActionClass;
}

export interface SwarmOptions {
  /** Fault kinds a walk may use; default: each kind is allowed in a walk with probability 1/2. */
  readonly faults?: readonly FaultKind[];
  /** Probability of taking a fault rather than a normal step when both are enabled; default:
   *  drawn per walk, or proportional to how many of each are enabled. */
  readonly faultWeight?: number;
}

/** The fault mix of one walk. */
export interface Mix {
  readonly allowed: ReadonlySet<FaultKind>;
  /** Undefined: choose uniformly among every allowed enabled action. */
  readonly faultWeight: number | undefined;
}

const UNIFORM: Mix = { allowed: new Set(FAULT_KINDS), faultWeight: undefined };

/** Fault weights a walk draws from: mostly rare faults, sometimes many. */
const WEIGHTS: readonly (number | undefined)[] = [undefined, 0.01, 0.05, 0.1, 0.25, 0.5];

const isFault = (k: unknown): k is FaultKind => typeof k === 'string' && (FAULT_KINDS as readonly string[]).includes(k);

/** How `model`'s actions are classified, or undefined when it gives no classification. */
export function classifier<S, A>(model: Model<S, A>): ((a: A) => ActionClass) | undefined {
  const own = (model as Model<S, A> & ClassifiedModel<A>).actionClass;
  if (typeof own === 'function') return own.bind(model);
  // An actor system (compiled by actorSystem) names its servers; its actions carry a `kind`.
  if (!Array.isArray((model as { serverIds?: unknown }).serverIds)) return undefined;
  return (a) => {
    const kind = (a as { kind?: unknown }).kind;
    return isFault(kind) ? kind : 'step';
  };
}

/** The mix of one walk. `swarm` false: every walk is uniform; an object fixes what it names. */
export function drawMix(rng: Prng, swarm: boolean | SwarmOptions): Mix {
  if (swarm === false) return UNIFORM;
  const fixed = swarm === true ? {} : swarm;
  // Always draw the same number of values, so a walk's later choices do not depend on the options.
  const coin = FAULT_KINDS.map(() => rng.next() & 1);
  const w = WEIGHTS[rng.int(WEIGHTS.length)];
  const allowed = new Set<FaultKind>(fixed.faults ?? FAULT_KINDS.filter((_, i) => coin[i] === 1));
  return { allowed, faultWeight: fixed.faultWeight ?? w };
}

export function describeMix(mix: Mix): string {
  const kinds = FAULT_KINDS.filter((k) => mix.allowed.has(k));
  return `faults ${kinds.length > 0 ? kinds.join(',') : 'none'}, weight ${mix.faultWeight ?? 'uniform'}`;
}
