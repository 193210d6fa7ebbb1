/**
 * What each screen of a vision step sees (SPEC VI-7, VI-8): the facilitator
 * every version, round, tally and reason live, with the organisation behind
 * each concern and objection; the projector and tablets the current text of
 * each statement, and a round's tally and reasons once it is closed — while a
 * check is open only how many have answered.
 */
import type { ActivityView } from '../log.js';
import { currentVersion, lastRound, statementStatus, tally, type ConsentRound, type Statement, type StatementStatus, type StatementVersion, type Tally, type VisionState } from './rules.js';
import type { ConsentAnswer, StatementKind, VisionConfig, VisionPhase } from './schemas.js';

export type VisionView = ActivityView<VisionConfig, VisionPhase>;

export interface ReasonView {
  answer: Exclude<ConsentAnswer, 'consent'>;
  text: string | null;
  /** Only in the facilitator's view. */
  organisationId?: string;
}

export interface RoundView {
  round: number;
  version: number;
  open: boolean;
  openedAt: number;
  closedAt: number | null;
  /** Voting units that answered. */
  answered: number;
  /** null for the projector and tablets while the round is open. */
  tally: Tally | null;
  /** Concerns and objections with their texts; null while open (except for the facilitator). */
  reasons: ReasonView[] | null;
}

export interface StatementView {
  id: string;
  kind: StatementKind;
  themeId: string | null;
  title: string;
  text: string;
  version: number;
  status: StatementStatus;
  /** The latest round (for the facilitator: every round, in FacilitatorStatementView). */
  round: RoundView | null;
}

export interface FacilitatorStatementView extends StatementView {
  versions: StatementVersion[];
  rounds: RoundView[];
}

export interface VisionFacilitatorState {
  role: 'facilitator';
  activity: 'vision';
  workshop: VisionView;
  statements: FacilitatorStatementView[];
  checking: string | null;
  participants: number;
}

export interface VisionProjectorState {
  role: 'projector';
  activity: 'vision';
  workshop: VisionView;
  statements: StatementView[];
  checking: string | null;
  participants: number;
}

/** A unit's answer in the open round. */
export interface UnitAnswer {
  statementId: string;
  round: number;
  answer: ConsentAnswer;
  text: string | null;
}

export interface VisionParticipantState {
  role: 'participant';
  activity: 'vision';
  workshop: VisionView;
  statements: StatementView[];
  checking: string | null;
  /** Organisation mode: the organisation's answers in open rounds (any of its representatives may change them). */
  organisationAnswers: UnitAnswer[] | null;
}

export type VisionRoleState = VisionFacilitatorState | VisionProjectorState | VisionParticipantState;

function roundView(round: ConsentRound, full: boolean): RoundView {
  const open = round.closedAt === null;
  const shown = full || !open;
  const reasons: ReasonView[] = [];
  if (shown) {
    for (const a of round.answers.values()) {
      if (a.answer === 'consent') continue;
      reasons.push(full ? { answer: a.answer, text: a.text, organisationId: a.organisationId } : { answer: a.answer, text: a.text });
    }
    // Objections first: they decide.
    reasons.sort((x, y) => (x.answer === y.answer ? 0 : x.answer === 'objection' ? -1 : 1));
  }
  return { round: round.round, version: round.version, open, openedAt: round.openedAt, closedAt: round.closedAt, answered: round.answers.size, tally: shown ? tally(round) : null, reasons: shown ? reasons : null };
}

function statementView(s: Statement, full: boolean): StatementView {
  const v = currentVersion(s);
  const round = lastRound(s);
  return { id: s.id, kind: s.kind, themeId: s.themeId, title: v.title, text: v.text, version: v.version, status: statementStatus(s), round: round ? roundView(round, full) : null };
}

const inOrder = (state: VisionState) => state.order.map((id) => state.statements.get(id)!);

export function facilitatorVisionState(workshop: VisionView, state: VisionState, participants: number): VisionFacilitatorState {
  const statements = inOrder(state).map((s) => ({ ...statementView(s, true), versions: s.versions.map((v) => ({ ...v })), rounds: s.rounds.map((r) => roundView(r, true)) }));
  return { role: 'facilitator', activity: 'vision', workshop, statements, checking: state.checking, participants };
}

export function projectorVisionState(workshop: VisionView, state: VisionState, participants: number): VisionProjectorState {
  const statements = inOrder(state)
    .filter((s) => !s.withdrawn)
    .map((s) => statementView(s, false));
  return { role: 'projector', activity: 'vision', workshop, statements, checking: state.checking, participants };
}

export function participantVisionState(workshop: VisionView, state: VisionState, organisationId: string | null): VisionParticipantState {
  const statements = inOrder(state)
    .filter((s) => !s.withdrawn)
    .map((s) => statementView(s, false));
  let organisationAnswers: UnitAnswer[] | null = null;
  if (workshop.config.votingUnit === 'organisation' && organisationId) organisationAnswers = unitAnswers(state, `o:${organisationId}`);
  return { role: 'participant', activity: 'vision', workshop, statements, checking: state.checking, organisationAnswers };
}

/** The answers a voting unit gave in rounds still open (VI-5): what its tablet shows as chosen. */
export function unitAnswers(state: VisionState, voter: string): UnitAnswer[] {
  const answers: UnitAnswer[] = [];
  for (const s of state.statements.values()) {
    const round = lastRound(s);
    const a = round && round.closedAt === null ? round.answers.get(voter) : undefined;
    if (a) answers.push({ statementId: s.id, round: round!.round, answer: a.answer, text: a.text });
  }
  return answers;
}
