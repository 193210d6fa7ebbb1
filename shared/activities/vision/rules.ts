/**
 * Vision with a consent check, the pure rules (SPEC VI-1 … VI-9): statements
 * (principles and one future picture per prioritised theme) with their
 * versions, consent rounds per version, and what counts as adopted. The
 * server checks with `visionRefusal`, stores the operation, then applies it
 * with `applyVisionOp`; loading replays the log through the same function.
 */
import type { ErrorCode } from '../../protocol.js';
import { opKey, type ActivityRules, type ActorKey } from '../log.js';
import { VISION_LIMITS, type ConsentAnswer, type StatementKind, type VisionPhase } from './schemas.js';

interface OpBase {
  actor: ActorKey;
  opId: string;
  at: number;
}

export type VisionOp =
  | (OpBase & { type: 'add'; statementId: string; kind: StatementKind; themeId: string | null; title: string; text: string })
  | (OpBase & { type: 'revise'; statementId: string; title: string; text: string })
  | (OpBase & { type: 'withdraw'; statementId: string; withdrawn: boolean })
  | (OpBase & { type: 'open'; statementId: string })
  | (OpBase & { type: 'close'; statementId: string })
  /** `voter`: the voting unit the answer counts for — `o:<organisation id>` or the participant's actor key (VI-5). */
  | (OpBase & { type: 'answer'; statementId: string; round: number; answer: ConsentAnswer; text: string | null; organisationId: string; voter: string });

export interface StatementVersion {
  version: number;
  title: string;
  text: string;
  at: number;
}

export interface RoundAnswer {
  answer: ConsentAnswer;
  text: string | null;
  organisationId: string;
  at: number;
}

export interface ConsentRound {
  round: number;
  /** The version the round asked about. */
  version: number;
  openedAt: number;
  closedAt: number | null;
  /** By voting unit; a unit's later answer replaces its earlier one while the round is open. */
  answers: Map<string, RoundAnswer>;
}

export interface Statement {
  id: string;
  kind: StatementKind;
  themeId: string | null;
  versions: StatementVersion[];
  rounds: ConsentRound[];
  withdrawn: boolean;
  createdAt: number;
}

export interface VisionState {
  statements: Map<string, Statement>;
  /** Statement ids in the order they were added. */
  order: string[];
  applied: Map<string, VisionOp>;
  /** The statement whose consent check is open (at most one at a time, VI-4). */
  checking: string | null;
}

export function emptyVision(): VisionState {
  return { statements: new Map(), order: [], applied: new Map(), checking: null };
}

export function appliedVisionOp(state: VisionState, actor: ActorKey, opId: string): VisionOp | undefined {
  return state.applied.get(opKey(actor, opId));
}

export const currentVersion = (s: Statement): StatementVersion => s.versions[s.versions.length - 1]!;
export const lastRound = (s: Statement): ConsentRound | undefined => s.rounds[s.rounds.length - 1];

export type StatementStatus = 'draft' | 'checking' | 'adopted' | 'objected' | 'withdrawn';

export interface Tally {
  consent: number;
  concern: number;
  objection: number;
}

export function tally(round: ConsentRound): Tally {
  const counts: Tally = { consent: 0, concern: 0, objection: 0 };
  for (const a of round.answers.values()) counts[a.answer]++;
  return counts;
}

/**
 * VI-6: a statement is adopted when its latest consent round asked about its
 * current version, is closed, had at least one answer and no serious
 * objection. Concerns are recorded but do not block. A revision makes it a
 * draft again until it is checked again.
 */
export function statementStatus(s: Statement): StatementStatus {
  if (s.withdrawn) return 'withdrawn';
  const round = lastRound(s);
  if (!round) return 'draft';
  if (round.closedAt === null) return 'checking';
  if (round.version !== currentVersion(s).version) return 'draft';
  const counts = tally(round);
  if (counts.objection > 0) return 'objected';
  return counts.consent + counts.concern > 0 ? 'adopted' : 'draft';
}

export interface VisionContext {
  phase: VisionPhase;
  /** The themes a future picture may belong to. */
  themeIds: readonly string[];
}

/** Why an operation is refused now, or null (VI-2 … VI-5). */
export function visionRefusal(state: VisionState, op: VisionOp, ctx: VisionContext): ErrorCode | null {
  if (ctx.phase === 'finalised') return 'FINALISED';
  if (op.type === 'add') {
    if (state.statements.has(op.statementId)) return 'BAD_REQUEST';
    if (state.order.length >= VISION_LIMITS.statements) return 'LIMIT_REACHED';
    if (op.kind === 'picture' && (!op.themeId || !ctx.themeIds.includes(op.themeId))) return 'UNKNOWN_THEME';
    return null;
  }
  const statement = state.statements.get(op.statementId);
  if (!statement) return 'UNKNOWN_STATEMENT';
  const round = lastRound(statement);
  const open = round !== undefined && round.closedAt === null;
  switch (op.type) {
    case 'revise':
      // VI-3: the text under check stays as it was asked; close the check, then revise.
      if (open) return 'CHECK_OPEN';
      return statement.versions.length >= VISION_LIMITS.versions ? 'LIMIT_REACHED' : null;
    case 'withdraw':
      return open ? 'CHECK_OPEN' : null;
    case 'open':
      if (ctx.phase !== 'running') return 'WRONG_PHASE';
      if (statement.withdrawn) return 'STATEMENT_WITHDRAWN';
      return state.checking !== null ? 'CHECK_OPEN' : null;
    case 'close':
      return open ? null : 'CHECK_CLOSED';
    case 'answer':
      if (ctx.phase !== 'running') return 'WRONG_PHASE';
      return open && round.round === op.round ? null : 'CHECK_CLOSED';
  }
}

/** Apply an accepted operation (mutates `state`); an opId applied before changes nothing. */
export function applyVisionOp(state: VisionState, op: VisionOp): void {
  const key = opKey(op.actor, op.opId);
  if (state.applied.has(key)) return;
  state.applied.set(key, op);
  if (op.type === 'add') {
    if (state.statements.has(op.statementId)) return;
    state.statements.set(op.statementId, {
      id: op.statementId,
      kind: op.kind,
      themeId: op.themeId,
      versions: [{ version: 1, title: op.title, text: op.text, at: op.at }],
      rounds: [],
      withdrawn: false,
      createdAt: op.at,
    });
    state.order.push(op.statementId);
    return;
  }
  const statement = state.statements.get(op.statementId);
  if (!statement) return;
  const round = lastRound(statement);
  switch (op.type) {
    case 'revise':
      statement.versions.push({ version: statement.versions.length + 1, title: op.title, text: op.text, at: op.at });
      return;
    case 'withdraw':
      statement.withdrawn = op.withdrawn;
      return;
    case 'open':
      statement.rounds.push({ round: statement.rounds.length + 1, version: currentVersion(statement).version, openedAt: op.at, closedAt: null, answers: new Map() });
      state.checking = statement.id;
      return;
    case 'close':
      if (round && round.closedAt === null) round.closedAt = op.at;
      if (state.checking === statement.id) state.checking = null;
      return;
    case 'answer':
      if (!round || round.closedAt !== null || round.round !== op.round) return;
      round.answers.set(op.voter, { answer: op.answer, text: op.text, organisationId: op.organisationId, at: op.at });
      return;
  }
}

export function replayVision(log: readonly VisionOp[]): VisionState {
  const state = emptyVision();
  for (const op of log) applyVisionOp(state, op);
  return state;
}

export const VISION_TRANSITIONS: Readonly<Record<VisionPhase, readonly VisionPhase[]>> = {
  lobby: ['running'],
  running: ['finalised'],
  finalised: [],
};

export const VISION_RULES: ActivityRules<VisionState, VisionOp, VisionContext> = {
  replay: replayVision,
  appliedBefore: appliedVisionOp,
  refusal: visionRefusal,
  apply: applyVisionOp,
};

/** The voting unit an answer counts for (VI-5). */
export const voterOf = (votingUnit: 'organisation' | 'person', organisationId: string, participant: ActorKey): string =>
  votingUnit === 'organisation' ? `o:${organisationId}` : participant;
