// TwoPhase: Lamport's two-phase commit (TLA+ Examples, transaction_commit/TwoPhase.tla), ported
// action for action as a raw model so that interleave's distinct-state counts equal TLC's.
//
// RM == 0..n-1. The state is kept compact for speed (a flat object of small arrays, shared
// between a state and its successors wherever a step leaves them unchanged): the sets of the
// TLA+ spec become membership vectors, and msgs, a set of records, is split by message kind.

import { always, defineSpec, type Model } from '../../checker/index.ts';

export type RMState = 'working' | 'prepared' | 'committed' | 'aborted';
export type TMState = 'init' | 'committed' | 'aborted';

export interface TwoPhaseState {
  readonly rmState: readonly RMState[];
  readonly tmState: TMState;
  /** tmPrepared[rm] iff rm ∈ tmPrepared. */
  readonly tmPrepared: readonly boolean[];
  /** msgPrepared[rm] iff [type |-> "Prepared", rm |-> rm] ∈ msgs. */
  readonly msgPrepared: readonly boolean[];
  /** [type |-> "Commit"] ∈ msgs. */
  readonly msgCommit: boolean;
  /** [type |-> "Abort"] ∈ msgs. */
  readonly msgAbort: boolean;
}

export type TwoPhaseAction =
  | { readonly name: 'TMCommit' }
  | { readonly name: 'TMAbort' }
  | { readonly name: 'TMRcvPrepared'; readonly rm: number }
  | { readonly name: 'RMPrepare'; readonly rm: number }
  | { readonly name: 'RMChooseToAbort'; readonly rm: number }
  | { readonly name: 'RMRcvCommitMsg'; readonly rm: number }
  | { readonly name: 'RMRcvAbortMsg'; readonly rm: number };

/** A named bug, for the specs that must catch it. */
export type TwoPhaseBug = 'tm-commit-without-all-prepared';

const RM_STATES: readonly RMState[] = ['working', 'prepared', 'committed', 'aborted'];
const TM_STATES: readonly TMState[] = ['init', 'committed', 'aborted'];

/** Every state is built here, so that all share one object shape (faster to copy and to hash). */
function state(
  rmState: readonly RMState[],
  tmState: TMState,
  tmPrepared: readonly boolean[],
  msgPrepared: readonly boolean[],
  msgCommit: boolean,
  msgAbort: boolean,
): TwoPhaseState {
  return { rmState, tmState, tmPrepared, msgPrepared, msgCommit, msgAbort };
}

function set<T>(xs: readonly T[], i: number, x: T): T[] {
  const ys = xs.slice();
  ys[i] = x;
  return ys;
}

// ---- The actions, as in TwoPhase.tla. Each returns undefined when not enabled. ----

function TMRcvPrepared(s: TwoPhaseState, rm: number): TwoPhaseState | undefined {
  if (s.tmState !== 'init' || !s.msgPrepared[rm]) return undefined;
  if (s.tmPrepared[rm]) return s; // tmPrepared \cup {rm} = tmPrepared: a self-loop
  return state(s.rmState, s.tmState, set(s.tmPrepared, rm, true), s.msgPrepared, s.msgCommit, s.msgAbort);
}

function TMCommit(s: TwoPhaseState, bug: TwoPhaseBug | undefined): TwoPhaseState | undefined {
  if (s.tmState !== 'init') return undefined;
  // The bug commits once any RM is prepared instead of all of them.
  const ready = bug === 'tm-commit-without-all-prepared' ? s.tmPrepared.some((p) => p) : s.tmPrepared.every((p) => p);
  if (!ready) return undefined;
  return state(s.rmState, 'committed', s.tmPrepared, s.msgPrepared, true, s.msgAbort);
}

function TMAbort(s: TwoPhaseState): TwoPhaseState | undefined {
  if (s.tmState !== 'init') return undefined;
  return state(s.rmState, 'aborted', s.tmPrepared, s.msgPrepared, s.msgCommit, true);
}

function RMPrepare(s: TwoPhaseState, rm: number): TwoPhaseState | undefined {
  if (s.rmState[rm] !== 'working') return undefined;
  return state(set(s.rmState, rm, 'prepared'), s.tmState, s.tmPrepared, set(s.msgPrepared, rm, true), s.msgCommit, s.msgAbort);
}

function RMChooseToAbort(s: TwoPhaseState, rm: number): TwoPhaseState | undefined {
  if (s.rmState[rm] !== 'working') return undefined;
  return state(set(s.rmState, rm, 'aborted'), s.tmState, s.tmPrepared, s.msgPrepared, s.msgCommit, s.msgAbort);
}

function RMRcvCommitMsg(s: TwoPhaseState, rm: number): TwoPhaseState | undefined {
  if (!s.msgCommit) return undefined;
  if (s.rmState[rm] === 'committed') return s;
  return state(set(s.rmState, rm, 'committed'), s.tmState, s.tmPrepared, s.msgPrepared, s.msgCommit, s.msgAbort);
}

function RMRcvAbortMsg(s: TwoPhaseState, rm: number): TwoPhaseState | undefined {
  if (!s.msgAbort) return undefined;
  if (s.rmState[rm] === 'aborted') return s;
  return state(set(s.rmState, rm, 'aborted'), s.tmState, s.tmPrepared, s.msgPrepared, s.msgCommit, s.msgAbort);
}

// ---- Invariants ----

export function TypeOK(s: TwoPhaseState, n: number): boolean {
  const vector = (xs: readonly unknown[]): boolean => xs.length === n && xs.every((x) => typeof x === 'boolean');
  return (
    s.rmState.length === n &&
    s.rmState.every((x) => RM_STATES.includes(x)) &&
    TM_STATES.includes(s.tmState) &&
    vector(s.tmPrepared) &&
    vector(s.msgPrepared) &&
    typeof s.msgCommit === 'boolean' &&
    typeof s.msgAbort === 'boolean'
  );
}

/** No RM has committed while another has aborted. */
export function TCConsistent(s: TwoPhaseState): boolean {
  return !(s.rmState.includes('committed') && s.rmState.includes('aborted'));
}

// ---- Symmetry ----

/** The per-RM part of the state, as one small integer: all that distinguishes one RM from another. */
function signature(s: TwoPhaseState, rm: number): number {
  return RM_STATES.indexOf(s.rmState[rm]!) * 4 + (s.tmPrepared[rm] ? 2 : 0) + (s.msgPrepared[rm] ? 1 : 0);
}

/**
 * The representative of a state's orbit under permutations of RM: RMs renamed so that their
 * signatures are in ascending order. Nothing in the state relates one RM to another, so two states
 * are in the same orbit exactly when they agree on everything else and on the multiset of
 * signatures; the sorted renaming is therefore canonical, and a real state of the model.
 */
export function canonical(s: TwoPhaseState): TwoPhaseState {
  const n = s.rmState.length;
  const sigs: number[] = new Array<number>(n);
  let sorted = true;
  for (let rm = 0; rm < n; rm++) {
    sigs[rm] = signature(s, rm);
    if (rm > 0 && sigs[rm]! < sigs[rm - 1]!) sorted = false;
  }
  if (sorted) return s;
  sigs.sort((x, y) => x - y);
  return state(
    sigs.map((g) => RM_STATES[g >> 2]!),
    s.tmState,
    sigs.map((g) => (g & 2) !== 0),
    sigs.map((g) => (g & 1) !== 0),
    s.msgCommit,
    s.msgAbort,
  );
}

// ---- The model ----

/** Every action for n RMs; `next` decides which are enabled, so the list is built once. */
function allActions(n: number): readonly TwoPhaseAction[] {
  const actions: TwoPhaseAction[] = [{ name: 'TMCommit' }, { name: 'TMAbort' }];
  for (let rm = 0; rm < n; rm++) {
    actions.push(
      { name: 'TMRcvPrepared', rm },
      { name: 'RMPrepare', rm },
      { name: 'RMChooseToAbort', rm },
      { name: 'RMRcvCommitMsg', rm },
      { name: 'RMRcvAbortMsg', rm },
    );
  }
  return actions;
}

export function formatTwoPhaseAction(a: TwoPhaseAction): string {
  return 'rm' in a ? `${a.name}(${a.rm})` : a.name;
}

export interface TwoPhaseOptions {
  readonly bug?: TwoPhaseBug;
}

export function twoPhase(n: number, options: TwoPhaseOptions = {}): Model<TwoPhaseState, TwoPhaseAction> {
  const { bug } = options;
  const actions = allActions(n);
  const none = new Array<boolean>(n).fill(false);
  const init = state(new Array<RMState>(n).fill('working'), 'init', none, none, false, false);
  return {
    init: () => [init],
    actions: () => actions,
    next(s, a) {
      switch (a.name) {
        case 'TMCommit':
          return TMCommit(s, bug);
        case 'TMAbort':
          return TMAbort(s);
        case 'TMRcvPrepared':
          return TMRcvPrepared(s, a.rm);
        case 'RMPrepare':
          return RMPrepare(s, a.rm);
        case 'RMChooseToAbort':
          return RMChooseToAbort(s, a.rm);
        case 'RMRcvCommitMsg':
          return RMRcvCommitMsg(s, a.rm);
        case 'RMRcvAbortMsg':
          return RMRcvAbortMsg(s, a.rm);
      }
    },
    properties: [always('TypeOK', (s: TwoPhaseState) => TypeOK(s, n)), always('TCConsistent', TCConsistent)],
    checkDeadlock: true,
    formatAction: formatTwoPhaseAction,
    symmetry: canonical,
  };
}

// 10 RMs: the figure TLC and Stateright publish (minutes of search; run it with --config rm10).
const TLC_COUNTS = [12, 56, 288, 1568, 8832, 50816, 296448, 1745408, 10340352, 61515776];

function config(n: number) {
  return {
    model: () => twoPhase(n),
    expect: 'holds' as const,
    description: `${n} RM${n > 1 ? 's' : ''}: TLC finds ${TLC_COUNTS[n - 1]!.toLocaleString('en')} distinct states`,
    ...(n >= 7 ? { heavy: true } : {}),
  };
}

export default defineSpec({
  name: 'TwoPhase',
  description: 'Two-phase commit, ported action for action from TwoPhase.tla (TLA+ Examples)',
  configs: {
    rm1: config(1),
    rm2: config(2),
    rm3: config(3),
    rm4: config(4),
    rm5: config(5),
    rm6: config(6),
    rm7: config(7),
    rm8: config(8),
    rm9: config(9),
    rm10: config(10),
  },
});
