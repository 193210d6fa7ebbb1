/**
 * The repository interface every storage implementation satisfies (SQLite now,
 * PostgreSQL later). tests/integration/store.test.ts is the contract suite.
 */
import type { Decision } from '../../shared/domain/consolidation.js';
import type { Phase } from '../../shared/domain/phases.js';
import type { AnswerValue } from '../../shared/domain/tally.js';
import type { ProjectorView, WorkshopConfig } from '../../shared/schemas.js';

/** Workshop state beside configuration and phase. */
export interface WorkshopMeta {
  projectorView: ProjectorView;
  /** Milliseconds since the epoch; null until finalised. */
  finalisedAt: number | null;
  /** Server-only random key that orders the pseudonyms (SPEC E-3). */
  pseudonymKey: string;
  /** An explicit pseudonym order, kept from an imported anonymised file; otherwise derived from the key. */
  pseudonymOrder?: string[];
}

export interface WorkshopRecord {
  id: string;
  code: string;
  secretHash: string;
  config: WorkshopConfig;
  phase: Phase;
  revision: number;
  createdAt: number;
  updatedAt: number;
  meta: WorkshopMeta;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  organisationId: string;
  displayName: string | null;
  tokenHash: string;
  createdAt: number;
}

export interface AnswerRecord {
  participantId: string;
  themeId: string;
  criterionId: string;
  value: AnswerValue;
  opId: string;
  updatedAt: number;
}

/** One accepted operation on one answer; `value` undefined withdraws the answer. */
export interface AnswerOp {
  workshopId: string;
  participantId: string;
  opId: string;
  themeId: string;
  criterionId: string;
  value: AnswerValue | undefined;
  at: number;
}

export interface WorkshopSnapshot {
  workshop: WorkshopRecord;
  participants: ParticipantRecord[];
  answers: AnswerRecord[];
  /** Every operation id ever applied, per participant (for idempotent resends). */
  opIds: { participantId: string; opId: string }[];
  /** The consolidation's audit trail, oldest first. */
  decisions: Decision[];
}

export type WorkshopChanges = Pick<WorkshopRecord, 'config' | 'phase' | 'revision' | 'updatedAt' | 'meta'>;

export class DuplicateCodeError extends Error {
  constructor(code: string) {
    super(`join code ${code} is taken`);
  }
}

export interface WorkshopStore {
  /** Throws DuplicateCodeError when the join code is already used. */
  createWorkshop(workshop: WorkshopRecord): Promise<void>;
  findWorkshopIdByCode(code: string): Promise<string | undefined>;
  loadWorkshop(id: string): Promise<WorkshopSnapshot | undefined>;
  updateWorkshop(id: string, changes: WorkshopChanges): Promise<void>;
  addParticipant(participant: ParticipantRecord): Promise<void>;
  /**
   * Append answer operations to the workshop's answer log, in order, in one
   * transaction, durably: when the promise resolves they survive a crash
   * (SPEC D-1). Loading replays the log: later operations on the same answer
   * win, and an operation id already in the log changes nothing (D-2).
   */
  writeAnswers(ops: readonly AnswerOp[]): Promise<void>;
  /** Append one decision to the workshop's audit trail (SPEC C-2); durable when the promise resolves. */
  addDecision(workshopId: string, decision: Decision): Promise<void>;
  /**
   * Create a workshop with its participants, answers and decisions in one
   * transaction (SPEC X-5). Throws DuplicateCodeError when the code is taken.
   */
  importWorkshop(snapshot: WorkshopSnapshot): Promise<void>;
  /** Delete a workshop with its participants and answers (SPEC V-4). */
  deleteWorkshop(id: string): Promise<void>;
  /**
   * Remove display names and make resume tokens unusable in workshops whose
   * configuration or phase last changed before `changedBefore` (SPEC V-5).
   * A workshop counts as changed by joins and answers too. Returns, per
   * workshop touched, the ids of the participants forgotten.
   */
  forgetParticipantIdentifiers(changedBefore: number): Promise<Map<string, string[]>>;
  close(): Promise<void>;
}
