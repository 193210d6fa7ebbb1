/**
 * The repository interface every storage implementation satisfies (SQLite by
 * default, PostgreSQL with DATABASE_URL). tests/integration/store.test.ts is
 * the contract suite, run against both.
 */
import type { Decision } from '../../shared/domain/consolidation.js';
import type { Phase } from '../../shared/domain/phases.js';
import type { AnswerValue } from '../../shared/domain/tally.js';
import type { LoggedOp } from '../../shared/activities/log.js';
import type { ProcessSettings, StepKind, StepTheme } from '../../shared/process.js';
import type { Organisation, ProjectorView, WorkshopConfig } from '../../shared/schemas.js';
import type { AccountStore } from './accountStore.js';

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
  /** The co-facilitation link's secret, hashed; '' when there is none (AC-8). */
  secretHash: string;
  /** The strategy process this workshop is a step of (PR-1). */
  processId: string | null;
  kind: StepKind;
  /** The step's place in its process: 1, 2, 3 … */
  position: number;
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

/** One operation on one answer, as a participant sends it; `value` undefined withdraws the answer. */
export interface AnswerEntry {
  opId: string;
  themeId: string;
  criterionId: string;
  value: AnswerValue | undefined;
}

/**
 * Accepted operations of one participant at one moment — a tap, or a ballot
 * sent as one batch — in the order they came. The answer log stores each as a
 * row with the batch's time.
 */
export interface AnswerBatch {
  workshopId: string;
  participantId: string;
  at: number;
  answers: readonly AnswerEntry[];
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

export interface ProcessRecord {
  id: string;
  title: string;
  ownerId: string | null;
  organisations: Organisation[];
  settings: ProcessSettings;
  createdAt: number;
  updatedAt: number;
}

/** A workshop as one step of a process, without its contents. */
export interface StepRecord {
  workshopId: string;
  processId: string;
  kind: StepKind;
  position: number;
  code: string;
  title: string;
  /** The activity's phase (Phase for a Quick-Check, CollectionPhase for a collection). */
  phase: string;
  finalisedAt: number | null;
  createdAt: number;
  /** A deep-dive's theme (DD-1); null for other steps. */
  theme: StepTheme | null;
}

/**
 * The workshop row of a logged activity (theme collection, vision, deep-dive):
 * its own configuration and phases; its contents are its operation log.
 */
export interface ActivityRecord<C = unknown, P extends string = string> {
  id: string;
  code: string;
  secretHash: string;
  processId: string | null;
  position: number;
  kind: StepKind;
  config: C;
  phase: P;
  revision: number;
  createdAt: number;
  updatedAt: number;
  finalisedAt: number | null;
}

export interface ActivitySnapshot<C = unknown, P extends string = string, Op extends LoggedOp = LoggedOp> {
  workshop: ActivityRecord<C, P>;
  participants: ParticipantRecord[];
  /** Every accepted operation, in order (TC-4). */
  log: Op[];
}

export type ActivityChanges<C = unknown, P extends string = string> = Pick<ActivityRecord<C, P>, 'config' | 'phase' | 'revision' | 'updatedAt' | 'finalisedAt'>;

export interface ProcessStore {
  createProcess(process: ProcessRecord): Promise<void>;
  processById(id: string): Promise<ProcessRecord | undefined>;
  /** Processes the account owns or co-facilitates; every process with `all` (administrators, AC-7). */
  processesFor(accountId: string, all: boolean): Promise<ProcessRecord[]>;
  updateProcess(id: string, changes: Partial<Pick<ProcessRecord, 'title' | 'organisations' | 'settings'>> & { updatedAt: number }): Promise<void>;
  /** Deletes the process with all of its workshops. */
  deleteProcess(id: string): Promise<void>;
  facilitatorIds(processId: string): Promise<string[]>;
  addFacilitator(processId: string, accountId: string): Promise<void>;
  removeFacilitator(processId: string, accountId: string): Promise<void>;
  /** The process's workshops, by position. */
  steps(processId: string): Promise<StepRecord[]>;
  /** The next free position in the process. */
  nextPosition(processId: string): Promise<number>;
}

export class DuplicateCodeError extends Error {
  constructor(code: string) {
    super(`join code ${code} is taken`);
  }
}

/** Where the store's database is: enough for a worker thread to open a connection of its own (imports, H-4). */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface WorkshopStore {
  readonly accounts: AccountStore;
  readonly processes: ProcessStore;
  readonly location: StoreLocation;
  /** The process a workshop belongs to (null for none). */
  processOf(workshopId: string): Promise<string | null | undefined>;
  /** Which activity a workshop runs; undefined for an unknown id. */
  kindOf(workshopId: string): Promise<StepKind | undefined>;
  /** A logged activity's workshop row; throws DuplicateCodeError when the join code is already used. */
  createActivity(activity: ActivityRecord): Promise<void>;
  /** The workshop with its participants and operation log, if it runs this activity (config as stored: the room parses it). */
  loadActivity(id: string, kind: StepKind): Promise<ActivitySnapshot | undefined>;
  updateActivity(id: string, changes: ActivityChanges): Promise<void>;
  /**
   * Append one accepted operation to the workshop's log, durably (TC-4); false
   * when this actor's opId is in the log already (nothing is written then).
   */
  appendActivityOp(workshopId: string, op: LoggedOp): Promise<boolean>;
  /** Throws DuplicateCodeError when the join code is already used. */
  createWorkshop(workshop: WorkshopRecord): Promise<void>;
  findWorkshopIdByCode(code: string): Promise<string | undefined>;
  loadWorkshop(id: string): Promise<WorkshopSnapshot | undefined>;
  updateWorkshop(id: string, changes: WorkshopChanges): Promise<void>;
  /** AC-8: the co-facilitation link's secret hash; '' for none. */
  setWorkshopSecret(id: string, secretHash: string): Promise<void>;
  addParticipant(participant: ParticipantRecord): Promise<void>;
  /** SPEC J-5: the participant now belongs to another organisation; their answers (kept per participant) go with them. */
  moveParticipant(workshopId: string, participantId: string, organisationId: string): Promise<void>;
  /** SPEC J-6: the participant and every answer operation of theirs, in one transaction. */
  removeParticipant(workshopId: string, participantId: string): Promise<void>;
  /**
   * Append answer operations to the workshop's answer log, in order, in one
   * transaction, durably: when the promise resolves they survive a crash
   * (SPEC D-1). Loading replays the log: later operations on the same answer
   * win, and an operation id already in the log changes nothing (D-2).
   */
  writeAnswers(batches: readonly AnswerBatch[]): Promise<void>;
  /** Append one decision to the workshop's audit trail (SPEC C-2); durable when the promise resolves. */
  addDecision(workshopId: string, decision: Decision): Promise<void>;
  /**
   * Create a workshop with its participants, answers and decisions, all or
   * nothing (SPEC X-5). Throws DuplicateCodeError when the code is taken.
   */
  importWorkshop(snapshot: WorkshopSnapshot): Promise<void>;
  /** remove imports left unfinished (by a crash) for longer than `olderThan` ms before `now`; how many. */
  dropUnfinishedImports(now: number, olderThan?: number): Promise<number>;
  /** Delete a workshop with its participants and answers (SPEC V-4). */
  deleteWorkshop(id: string): Promise<void>;
  /**
   * Remove display names and make resume tokens unusable in workshops whose
   * configuration or phase last changed before `changedBefore` (SPEC V-5).
   * A workshop counts as changed by joins and answers too. Returns, per
   * workshop touched, the ids of the participants forgotten.
   */
  forgetParticipantIdentifiers(changedBefore: number): Promise<Map<string, string[]>>;
  /** H-7: why the store cannot take writes now (the database does not answer, the writer stopped), or null when it can. */
  unavailable(): Promise<string | null>;
  close(): Promise<void>;
}
