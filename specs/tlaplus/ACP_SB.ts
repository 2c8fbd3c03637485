// ACP_SB: the atomic commitment protocol with a simple broadcast (Babaoğlu and Toueg, in Mullender's
// "Distributed Systems", ch. 6), as specified in TLA+ by Charpov and Merz (TLA+ Examples,
// specifications/acp/ACP_SB.tla), ported action for action. Participants are 0..n-1; failures are
// detected "magically" (a participant's death is visible to the coordinator, and the coordinator's
// to everyone); a dead node stays dead. The broadcast is a series of sends the coordinator's death
// can interrupt, so the protocol does not terminate (AC5 fails).
//
// Spec == Init /\ [][progN]_vars /\ fairness, fairness being WF(parProg(i)) for every participant
// and WF(coordProgB): every step but a death is weakly fair, per process.

import { always, defineSpec, eventually, leadsTo, type Model, type Fairness, type LivenessProperty, type Property } from '../../checker/index.ts';

export type Vote = 'yes' | 'no';
export type Decision = 'undecided' | 'commit' | 'abort';

export interface Participant {
  readonly vote: Vote;
  readonly alive: boolean;
  readonly decision: Decision;
  readonly faulty: boolean;
  readonly voteSent: boolean;
}

export interface Coordinator {
  readonly request: readonly boolean[];
  readonly vote: readonly ('waiting' | Vote)[];
  readonly broadcast: readonly ('notsent' | 'commit' | 'abort')[];
  readonly decision: Decision;
  readonly alive: boolean;
  readonly faulty: boolean;
}

export interface ACPState {
  readonly participant: readonly Participant[];
  readonly coordinator: Coordinator;
}

/** One action of progN, named as in the module; `i` is the participant it concerns. */
export type ACPAction =
  | { readonly name: 'request' | 'getVote' | 'detectFault' | 'coordBroadcast'; readonly i: number }
  | { readonly name: 'makeDecision' | 'coordDie' }
  | { readonly name: 'sendVote' | 'abortOnVote' | 'abortOnTimeoutRequest' | 'decide' | 'parDie'; readonly i: number };

type Step = (s: ACPState) => ACPState | undefined;

const withCoordinator = (s: ACPState, c: Partial<Coordinator>): ACPState => ({ ...s, coordinator: { ...s.coordinator, ...c } });
const withParticipant = (s: ACPState, i: number, p: Partial<Participant>): ACPState => {
  const participant = s.participant.slice();
  participant[i] = { ...participant[i]!, ...p };
  return { ...s, participant };
};
const setAt = <T>(xs: readonly T[], i: number, x: T): T[] => {
  const ys = xs.slice();
  ys[i] = x;
  return ys;
};
const allRequested = (c: Coordinator): boolean => c.request.every((r) => r);

// COORDINATOR STATEMENTS

/** The coordinator sends participant i the request for its vote. */
const request = (i: number): Step => (s) => {
  const c = s.coordinator;
  return c.alive && !c.request[i] ? withCoordinator(s, { request: setAt(c.request, i, true) }) : undefined;
};

/** Once every request is out, the coordinator records participant i's vote when it has been sent. */
const getVote = (i: number): Step => (s) => {
  const c = s.coordinator;
  const p = s.participant[i]!;
  if (!(c.alive && c.decision === 'undecided' && allRequested(c) && c.vote[i] === 'waiting' && p.voteSent)) return undefined;
  return withCoordinator(s, { vote: setAt(c.vote, i, p.vote) });
};

/** A participant died without sending its vote: the coordinator sees it and decides abort. */
const detectFault = (i: number): Step => (s) => {
  const c = s.coordinator;
  const p = s.participant[i]!;
  if (!(c.alive && c.decision === 'undecided' && allRequested(c) && c.vote[i] === 'waiting' && !p.alive && !p.voteSent)) return undefined;
  return withCoordinator(s, { decision: 'abort' });
};

/** With every vote in, the coordinator decides: commit if all are yes, else abort. */
const makeDecision: Step = (s) => {
  const c = s.coordinator;
  if (!(c.alive && c.decision === 'undecided' && c.vote.every((v) => v !== 'waiting'))) return undefined;
  return withCoordinator(s, { decision: c.vote.every((v) => v === 'yes') ? 'commit' : 'abort' });
};

/** Simple broadcast: the coordinator sends its decision to participant i. */
const coordBroadcast = (i: number): Step => (s) => {
  const c = s.coordinator;
  if (!(c.alive && c.decision !== 'undecided' && c.broadcast[i] === 'notsent')) return undefined;
  return withCoordinator(s, { broadcast: setAt(c.broadcast, i, c.decision as 'commit' | 'abort') });
};

const coordDie: Step = (s) => (s.coordinator.alive ? withCoordinator(s, { alive: false, faulty: true }) : undefined);

// PARTICIPANT STATEMENTS

/** Participant i, asked, sends its vote (again: a step that changes nothing is a stutter). */
const sendVote = (i: number): Step => (s) =>
  s.participant[i]!.alive && s.coordinator.request[i] ? withParticipant(s, i, { voteSent: true }) : undefined;

/** A participant that voted no aborts on its own. */
const abortOnVote = (i: number): Step => (s) => {
  const p = s.participant[i]!;
  return p.alive && p.decision === 'undecided' && p.voteSent && p.vote === 'no' ? withParticipant(s, i, { decision: 'abort' }) : undefined;
};

/** The coordinator died before asking this participant: it aborts on its own. */
const abortOnTimeoutRequest = (i: number): Step => (s) => {
  const p = s.participant[i]!;
  const c = s.coordinator;
  return p.alive && p.decision === 'undecided' && !c.alive && !c.request[i] ? withParticipant(s, i, { decision: 'abort' }) : undefined;
};

/** The participant decides as the coordinator's broadcast says. */
const decide = (i: number): Step => (s) => {
  const p = s.participant[i]!;
  const b = s.coordinator.broadcast[i]!;
  return p.alive && p.decision === 'undecided' && b !== 'notsent' ? withParticipant(s, i, { decision: b }) : undefined;
};

const parDie = (i: number): Step => (s) => (s.participant[i]!.alive ? withParticipant(s, i, { alive: false, faulty: true }) : undefined);

function stepOf(a: ACPAction): Step {
  switch (a.name) {
    case 'request': return request(a.i);
    case 'getVote': return getVote(a.i);
    case 'detectFault': return detectFault(a.i);
    case 'coordBroadcast': return coordBroadcast(a.i);
    case 'makeDecision': return makeDecision;
    case 'coordDie': return coordDie;
    case 'sendVote': return sendVote(a.i);
    case 'abortOnVote': return abortOnVote(a.i);
    case 'abortOnTimeoutRequest': return abortOnTimeoutRequest(a.i);
    case 'decide': return decide(a.i);
    case 'parDie': return parDie(a.i);
  }
}

const PAR_PROG = new Set(['sendVote', 'abortOnVote', 'abortOnTimeoutRequest', 'decide']);
const COORD_PROG_B = new Set(['makeDecision', 'request', 'getVote', 'detectFault', 'coordBroadcast']);

/** fairness == /\ \A i : WF(parProg(i)) /\ WF(coordProgB); deaths are outside fairness. */
export function fairness(a: ACPAction): Fairness | undefined {
  if (PAR_PROG.has(a.name) && 'i' in a) return { class: `parProg(${a.i})`, kind: 'weak' };
  if (COORD_PROG_B.has(a.name)) return { class: 'coordProgB', kind: 'weak' };
  return undefined;
}

// CORRECTNESS

const decisions = (s: ACPState): Decision[] => s.participant.map((p) => p.decision);

/** AC1: all participants that decide reach the same decision. */
export const AC1 = (s: ACPState): boolean => !(decisions(s).includes('commit') && decisions(s).includes('abort'));
/** AC2: a commit is backed by unanimous yes votes. */
export const AC2 = (s: ACPState): boolean => !decisions(s).includes('commit') || s.participant.every((p) => p.vote === 'yes');
/** AC3_1: an abort is backed by a no vote, a faulty participant, or a faulty coordinator. */
export const AC3_1 = (s: ACPState): boolean =>
  !decisions(s).includes('abort') || s.participant.some((p) => p.vote === 'no' || p.faulty) || s.coordinator.faulty;
/** AC4 (each participant decides at most once), a property of steps: a decision, once made, stays. */
export const AC4_step = (s: ACPState, t: ACPState): boolean =>
  s.participant.every((p, i) => p.decision === 'undecided' || t.participant[i]!.decision === p.decision);
/** AC3_2: eventually every participant has decided, or some node is faulty. */
export const AC3_2 = eventually('AC3_2', (s: ACPState) =>
  s.participant.every((p) => p.decision !== 'undecided') || s.participant.some((p) => p.faulty) || s.coordinator.faulty);

// INVALID PROPERTIES (there to check that the checker does its job)

/** With every participant alive, every participant eventually decides. False: deaths come later. */
export const DecisionReachedNoFault = leadsTo(
  'DecisionReachedNoFault',
  (s: ACPState) => s.participant.every((p) => p.alive),
  (s: ACPState) => s.participant.every((p) => p.decision !== 'undecided'),
);
/** An abort implies a no vote. False: a failure also aborts. */
export const AbortImpliesNoVote = always('AbortImpliesNoVote', (s: ACPState) => !decisions(s).includes('abort') || s.participant.some((p) => p.vote === 'no'));
/** AC5, termination: every participant eventually decides or fails. False for the simple broadcast. */
export const AC5 = eventually('AC5', (s: ACPState) => s.participant.every((p) => p.decision !== 'undecided' || p.faulty));

export const SAFETY: readonly Property<ACPState>[] = [always('AC1', AC1), always('AC2', AC2), always('AC3_1', AC3_1)];

export function acpSB(n: number, properties: readonly (Property<ACPState> | LivenessProperty<ACPState>)[]): Model<ACPState, ACPAction> {
  const actions: ACPAction[] = [];
  for (let i = 0; i < n; i++) {
    for (const name of ['request', 'getVote', 'detectFault', 'coordBroadcast'] as const) actions.push({ name, i });
  }
  actions.push({ name: 'makeDecision' }, { name: 'coordDie' });
  for (let i = 0; i < n; i++) {
    for (const name of ['sendVote', 'abortOnVote', 'abortOnTimeoutRequest', 'decide', 'parDie'] as const) actions.push({ name, i });
  }
  const coordinator: Coordinator = {
    request: new Array<boolean>(n).fill(false),
    vote: new Array<'waiting'>(n).fill('waiting'),
    broadcast: new Array<'notsent'>(n).fill('notsent'),
    decision: 'undecided',
    alive: true,
    faulty: false,
  };
  // InitParticipant: every combination of votes.
  const inits: ACPState[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const participant = Array.from({ length: n }, (_, i): Participant => ({
      vote: (mask >> i) & 1 ? 'no' : 'yes',
      alive: true,
      decision: 'undecided',
      faulty: false,
      voteSent: false,
    }));
    inits.push({ participant, coordinator });
  }
  return {
    init: () => inits,
    actions: () => actions,
    next: (s, a) => stepOf(a)(s),
    properties,
    fairness,
    // ACP_SB_TLC.cfg: CHECK_DEADLOCK FALSE (a run in which everyone has decided simply ends).
    checkDeadlock: false,
    formatAction: (a) => ('i' in a ? `${a.name}(p${a.i})` : a.name),
  };
}

/** TLC (3 participants, ACP_SB_TLC.cfg): 54,944 distinct states in every configuration. */
export const TLC_DISTINCT_STATES = 54_944;

const p3 = (properties: readonly (Property<ACPState> | LivenessProperty<ACPState>)[]) => () => acpSB(3, properties);

export default defineSpec({
  name: 'ACP_SB',
  description: 'Atomic commitment with simple broadcast, ported action for action from ACP_SB.tla (TLA+ Examples), with its fairness',
  configs: {
    'p3-safety': { model: p3(SAFETY), expect: 'holds', description: 'AC1, AC2, AC3_1 (TLC: hold, 54,944 states)' },
    'p3-ac3-2': { model: p3([AC3_2]), expect: 'holds', description: 'AC3_2 under WF(parProg(i)), WF(coordProgB) (TLC: holds)' },
    'p3-decision-reached-no-fault': {
      model: p3([DecisionReachedNoFault]),
      expect: { violates: 'DecisionReachedNoFault' },
      description: 'all alive ~> all decided (TLC: violated, a lasso ending in failures, then stuttering)',
    },
    'p3-ac5': { model: p3([AC5]), expect: { violates: 'AC5' }, description: 'termination, which the simple broadcast lacks (TLC: violated)' },
    'p3-abort-implies-no-vote': { model: p3([AbortImpliesNoVote]), expect: { violates: 'AbortImpliesNoVote' }, description: 'a safety property TLC finds violated' },
  },
});
