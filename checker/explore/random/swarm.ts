// Swarm testing (Groce et al., 2012): instead of one action mix for every walk, each walk draws its
// own — which fault kinds it may use at all, and how strongly it prefers each kind of action. Some
// walks then never crash and go deep into the protocol, others crash often, some let timers fire
// at once and others almost never; one uniform mix would dilute them all.
//
// Actions are classified generically: actor systems by their action `kind` (deliver and choose are
// normal steps, timeout a class of its own, every fault kind its own class); any model may classify
// its own actions with `actionClass(a)`; a model that says nothing gets plain uniform choice.

import type { Model } from '../../model.ts';
import type { Prng } from './prng.ts';

export const FAULT_KINDS = ['lose', 'duplicate', 'crash', 'restart', 'partition', 'heal'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** 'step' for a normal step (deliver, choose), 'timeout', or the fault kind. */
export type ActionClass = 'step' | 'timeout' | FaultKind;

/** The classes a walk weighs against normal steps. */
const WEIGHED: readonly Exclude<ActionClass, 'step'>[] = ['timeout', ...FAULT_KINDS];

/** A model may classify its own actions; actor systems are classified by their action `kind`. */
export interface ClassifiedModel<A> {
  actionClass?(a: A): ActionClass;
}

export interface SwarmOptions {
  /** Fault kinds walks may use (the others never happen); default: drawn per walk. */
  readonly faults?: readonly FaultKind[];
  /** Fixed weights of action classes against normal steps (weight 1); default: drawn per walk. */
  readonly weights?: Partial<Record<Exclude<ActionClass, 'step'>, number>>;
}

/**
 * The mix of one walk: a weight per class of action (normal steps weigh 1, 0 bans a class). A step
 * first picks a class with enabled actions in proportion to its weight, then an action of that
 * class uniformly. Before step `faultsFrom` no fault is taken while anything else is enabled: a
 * fault at a random point of the run, as PCT places its priority changes, rather than a fault
 * budget spent in the first few steps. Undefined: uniform over all actions, whatever their class.
 */
export type Mix =
  | {
      readonly weights: ReadonlyMap<ActionClass, number>;
      readonly faultsFrom: number;
    }
  | undefined;

/** Weights a walk draws for a fault kind (0: the walk never uses it) and for timeouts. */
const FAULT_WEIGHTS = [0, 0, 0.02, 0.1, 0.5, 2] as const;
const TIMEOUT_WEIGHTS = [0.02, 0.1, 0.5, 2] as const;

const isFault = (k: unknown): k is FaultKind => typeof k === 'string' && (FAULT_KINDS as readonly string[]).includes(k);

/** How `model`'s actions are classified, or undefined when it gives no classification. */
export function classifier<S, A>(model: Model<S, A>): ((a: A) => ActionClass) | undefined {
  const own = (model as Model<S, A> & ClassifiedModel<A>).actionClass;
  if (typeof own === 'function') return own.bind(model);
  // An actor system (compiled by actorSystem) names its servers; its actions carry a `kind`.
  if (!Array.isArray((model as { serverIds?: unknown }).serverIds)) return undefined;
  return (a) => {
    const kind = (a as { kind?: unknown }).kind;
    return kind === 'timeout' ? 'timeout' : isFault(kind) ? kind : 'step';
  };
}

/** The mix of one walk of at most `depth` steps. `swarm` false: uniform; an object fixes what it names. */
export function drawMix(rng: Prng, swarm: boolean | SwarmOptions, depth: number): Mix {
  if (swarm === false) return undefined;
  // Always draw the same values, so a walk's later choices do not depend on the options.
  const uniform = rng.int(4) === 0;
  const drawn = WEIGHED.map((c) => (c === 'timeout' ? TIMEOUT_WEIGHTS[rng.int(TIMEOUT_WEIGHTS.length)]! : FAULT_WEIGHTS[rng.int(FAULT_WEIGHTS.length)]!));
  // Half the walks may fault at once; the others from a log-uniform step, so that early and late
  // points are tried alike whatever the protocol's typical run length.
  const delayed = rng.int(2) === 1;
  const faultsFrom = delayed ? Math.floor(Math.exp(rng.float() * Math.log(depth + 1))) - 1 : 0;
  if (swarm === true && uniform) return undefined;
  const fixed = swarm === true ? {} : swarm;
  const weights = new Map<ActionClass, number>([['step', 1]]);
  WEIGHED.forEach((c, i) => {
    const banned = c !== 'timeout' && fixed.faults !== undefined && !fixed.faults.includes(c);
    weights.set(c, banned ? 0 : (fixed.weights?.[c] ?? (fixed.faults?.includes(c as FaultKind) && drawn[i] === 0 ? 1 : drawn[i]!)));
  });
  return { weights, faultsFrom };
}

export function describeMix(mix: Mix): string {
  if (mix === undefined) return 'uniform';
  return WEIGHED.map((c) => `${c} ${mix.weights.get(c)}`).join(', ') + (mix.faultsFrom > 0 ? `; faults from step ${mix.faultsFrom}` : '');
}

export const isFaultClass = (c: ActionClass): c is FaultKind => isFault(c);
