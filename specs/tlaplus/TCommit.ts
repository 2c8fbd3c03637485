// TCommit: the transaction-commit specification that TwoPhase implements (TLA+ Examples,
// transaction_commit/TCommit.tla), ported action for action. RM == 0..n-1; the state is rmState.

import { always, defineSpec, type Model } from '../../checker/index.ts';

export type RMState = 'working' | 'prepared' | 'committed' | 'aborted';

export interface TCommitState {
  readonly rmState: readonly RMState[];
}

/** Decide is a disjunction with two outcomes; the action names the disjunct taken. */
export type TCommitAction =
  | { readonly name: 'Prepare'; readonly rm: number }
  | { readonly name: 'Decide'; readonly rm: number; readonly to: 'committed' | 'aborted' };

const RM_STATES: readonly RMState[] = ['working', 'prepared', 'committed', 'aborted'];

function set(s: TCommitState, rm: number, x: RMState): TCommitState {
  const rmState = s.rmState.slice();
  rmState[rm] = x;
  return { rmState };
}

/** canCommit == \A r \in RM : rmState[r] \in {"prepared", "committed"} */
function canCommit(s: TCommitState): boolean {
  return s.rmState.every((x) => x === 'prepared' || x === 'committed');
}

/** notCommitted == \A r \in RM : rmState[r] # "committed" */
function notCommitted(s: TCommitState): boolean {
  return s.rmState.every((x) => x !== 'committed');
}

function Prepare(s: TCommitState, rm: number): TCommitState | undefined {
  if (s.rmState[rm] !== 'working') return undefined;
  return set(s, rm, 'prepared');
}

function Decide(s: TCommitState, rm: number, to: 'committed' | 'aborted'): TCommitState | undefined {
  const x = s.rmState[rm];
  if (to === 'committed') return x === 'prepared' && canCommit(s) ? set(s, rm, 'committed') : undefined;
  return (x === 'working' || x === 'prepared') && notCommitted(s) ? set(s, rm, 'aborted') : undefined;
}

export function TypeOK(s: TCommitState, n: number): boolean {
  return s.rmState.length === n && s.rmState.every((x) => RM_STATES.includes(x));
}

/** No RM has committed while another has aborted. */
export function TCConsistent(s: TCommitState): boolean {
  return !(s.rmState.includes('committed') && s.rmState.includes('aborted'));
}

export function tCommit(n: number): Model<TCommitState, TCommitAction> {
  const actions: TCommitAction[] = [];
  for (let rm = 0; rm < n; rm++) {
    actions.push({ name: 'Prepare', rm }, { name: 'Decide', rm, to: 'committed' }, { name: 'Decide', rm, to: 'aborted' });
  }
  return {
    init: () => [{ rmState: new Array<RMState>(n).fill('working') }],
    actions: () => actions,
    next: (s, a) => (a.name === 'Prepare' ? Prepare(s, a.rm) : Decide(s, a.rm, a.to)),
    properties: [always('TypeOK', (s: TCommitState) => TypeOK(s, n)), always('TCConsistent', TCConsistent)],
    // TCommit.cfg does not check deadlock: every RM decided is a final state.
    checkDeadlock: false,
    formatAction: (a) => (a.name === 'Prepare' ? `Prepare(${a.rm})` : `Decide(${a.rm}) -> ${a.to}`),
  };
}

const TLC_COUNTS = [4, 12, 34, 96, 274];

function config(n: number) {
  return {
    model: () => tCommit(n),
    expect: 'holds' as const,
    description: `${n} RM${n > 1 ? 's' : ''}: TLC finds ${TLC_COUNTS[n - 1]} distinct states`,
  };
}

export default defineSpec({
  name: 'TCommit',
  description: 'The transaction-commit specification, ported action for action from TCommit.tla (TLA+ Examples)',
  configs: { rm1: config(1), rm2: config(2), rm3: config(3), rm4: config(4), rm5: config(5) },
});
