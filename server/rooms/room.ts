/**
 * The authoritative state of one workshop: configuration, phase, participants,
 * their answers and the running tally. It knows nothing of Socket.IO: the
 * transport calls its methods and listens to its changes.
 */
import {
  acceptsAnswers,
  acceptsStructureEdits,
  canTransition,
  resultsVisible,
  type Phase,
  type Role,
} from '../../shared/domain/phases.js';
import { computeProgress, summariseProgress, type Progress } from '../../shared/domain/progress.js';
import { computeOrganisationResults, computeResults, type Results } from '../../shared/domain/results.js';
import { Tally, type AnswerValue } from '../../shared/domain/tally.js';
import type {
  AnswerReceipt,
  FacilitatorState,
  OwnAnswer,
  ParticipantState,
  ProjectorState,
  RoleState,
  WorkshopView,
} from '../../shared/protocol.js';
import { workshopConfigSchema, type WorkshopConfig, type WorkshopPatch } from '../../shared/schemas.js';
import { KonsensError } from '../errors.js';
import { hashSecret, newId, newSecret, secretMatches } from '../security/tokens.js';
import type { ParticipantRecord, WorkshopRecord, WorkshopSnapshot, WorkshopStore } from '../store/types.js';
import type { AnswerWriter } from './answerWriter.js';
import { serially } from './serially.js';

export type RoomChange = 'answers' | 'participants' | 'workshop';

export interface RoomDeps {
  store: WorkshopStore;
  writer: AnswerWriter;
  now: () => number;
  onChange: (room: Room, change: RoomChange) => void;
}

interface Participant {
  record: ParticipantRecord;
  /** cell index → value; absent = not answered. */
  answers: Map<number, AnswerValue>;
  /** Every applied opId of this participant. */
  ops: Set<string>;
}

export interface AnswerRequest {
  opId: string;
  themeId: string;
  criterionId: string;
  /** undefined withdraws the answer. */
  value: AnswerValue | undefined;
}

const STRUCTURE_KEYS = ['organisations', 'themes', 'criteria', 'scale'] as const;

export class Room {
  private workshop: WorkshopRecord;
  private tally: Tally;
  private readonly participants = new Map<string, Participant>();
  private readonly byToken = new Map<string, Participant>();
  private readonly participantsPerOrganisation = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<AnswerReceipt>>();
  private answersVersion = 0;
  private resultsCache: { key: string; results: Results } | null = null;
  private readonly exclusive = serially();
  /** Set when the workshop is being deleted: nothing more is accepted. */
  private deleted = false;

  constructor(
    snapshot: WorkshopSnapshot,
    private readonly deps: RoomDeps,
  ) {
    this.workshop = snapshot.workshop;
    this.tally = new Tally(this.workshop.config);
    for (const record of snapshot.participants) this.addParticipant(record);
    for (const { participantId, opId } of snapshot.opIds) this.participants.get(participantId)?.ops.add(opId);
    for (const a of snapshot.answers) {
      const p = this.participants.get(a.participantId);
      if (p) this.place(p, a.themeId, a.criterionId, a.value);
    }
  }

  get id(): string {
    return this.workshop.id;
  }

  get code(): string {
    return this.workshop.code;
  }

  get phase(): Phase {
    return this.workshop.phase;
  }

  get config(): WorkshopConfig {
    return this.workshop.config;
  }

  view(): WorkshopView {
    const { id, code, phase, config, revision } = this.workshop;
    return { id, code, phase, config, revision };
  }

  results(): Results {
    const key = `${this.workshop.revision}:${this.answersVersion}`;
    if (this.resultsCache?.key !== key) this.resultsCache = { key, results: computeResults(this.tally, this.workshop.config) };
    return this.resultsCache.results;
  }

  /** O(organisations): participant counts are kept per organisation as people join. */
  progress(): Progress {
    const perOrganisation = this.tally.organisationIds.map((id) => this.participantsPerOrganisation.get(id) ?? 0);
    return computeProgress(this.tally, perOrganisation);
  }

  /** What a connection of this role may see now (SPEC P-4, B-3). */
  stateFor(role: Role, organisationId: string | null = null): RoleState {
    switch (role) {
      case 'facilitator':
        return this.facilitatorState();
      case 'projector':
        return this.projectorState();
      case 'participant':
        return this.participantState(organisationId);
    }
  }

  facilitatorState(): FacilitatorState {
    return { role: 'facilitator', workshop: this.view(), progress: this.progress(), results: this.results() };
  }

  projectorState(): ProjectorState {
    const results = resultsVisible('projector', this.phase) ? this.results() : null;
    return { role: 'projector', workshop: this.view(), progress: summariseProgress(this.progress()), results };
  }

  /** With an organisation id, that organisation's own values are included once results are visible. */
  participantState(organisationId: string | null): ParticipantState {
    const visible = resultsVisible('participant', this.phase);
    const organisation = visible && organisationId ? computeOrganisationResults(this.tally, this.config, organisationId) : null;
    return { role: 'participant', workshop: this.view(), results: visible ? this.results() : null, organisation };
  }

  verifyFacilitator(secret: string): boolean {
    return secretMatches(secret, this.workshop.secretHash);
  }

  ownAnswers(participantId: string): OwnAnswer[] {
    const p = this.participants.get(participantId);
    if (!p) return [];
    return [...p.answers].map(([cell, value]) => ({ ...this.tally.cellIds(cell), value }));
  }

  /** Stop accepting anything; the workshop is about to be deleted (SPEC V-4). Waits for an edit under way. */
  markDeleted(deleted = true): Promise<void> {
    this.deleted = deleted;
    return this.exclusive(async () => undefined);
  }

  /** SPEC V-5: display names go, and the resume tokens stop working, for the participants the store forgot. */
  forgetParticipantIdentifiers(participantIds: readonly string[]): Promise<void> {
    return this.exclusive(async () => {
      for (const id of participantIds) {
        const p = this.participants.get(id);
        if (!p) continue;
        this.byToken.delete(p.record.tokenHash);
        p.record = { ...p.record, displayName: null, tokenHash: '' };
      }
    });
  }

  /** Resume by token (SPEC J-2), or create a new participant of an organisation (J-1). */
  async join(request: {
    organisationId?: string | undefined;
    displayName?: string | undefined;
    resumeToken?: string | undefined;
  }): Promise<{ participant: ParticipantRecord; resumeToken: string }> {
    if (this.deleted) throw new KonsensError('NOT_FOUND');
    if (request.resumeToken) {
      const existing = this.byToken.get(hashSecret(request.resumeToken));
      if (!existing) throw new KonsensError('INVALID_RESUME_TOKEN');
      return { participant: existing.record, resumeToken: request.resumeToken };
    }
    const organisationId = request.organisationId;
    return this.exclusive(async () => {
      // Checked inside the lock: an edit removing the organisation may have been waiting ahead of us.
      if (!organisationId || this.tally.organisation(organisationId) < 0) throw new KonsensError('UNKNOWN_ORGANISATION');
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      const resumeToken = newSecret();
      const record: ParticipantRecord = {
        id: newId(),
        workshopId: this.id,
        organisationId,
        displayName: request.displayName ?? null,
        tokenHash: hashSecret(resumeToken),
        createdAt: this.deps.now(),
      };
      await this.deps.store.addParticipant(record);
      this.addParticipant(record);
      this.deps.onChange(this, 'participants');
      return { participant: record, resumeToken };
    });
  }

  /**
   * Set, change or withdraw one answer (SPEC D-1, D-2). Resolves after the
   * answer is durably stored; a repeated opId resolves without a second change.
   */
  submit(participantId: string, request: AnswerRequest): Promise<AnswerReceipt> {
    const p = this.participants.get(participantId);
    if (!p) return Promise.reject(new KonsensError('NOT_JOINED'));
    if (this.deleted) return Promise.reject(new KonsensError('NOT_FOUND'));
    const cell = this.tally.cell(request.themeId, request.criterionId);
    if (p.ops.has(request.opId)) return Promise.resolve(this.receipt(p, request, cell, true));
    const key = `${participantId}\u0000${request.opId}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending.then((r) => ({ ...r, duplicate: true }));
    if (!acceptsAnswers(this.phase)) return Promise.reject(new KonsensError('WRONG_PHASE'));
    if (!this.tally.hasTheme(request.themeId)) return Promise.reject(new KonsensError('UNKNOWN_THEME'));
    if (cell < 0) return Promise.reject(new KonsensError('UNKNOWN_CRITERION'));
    const { value } = request;
    const { min, max } = this.config.scale;
    if (typeof value === 'number' && (value < min || value > max)) return Promise.reject(new KonsensError('OUT_OF_SCALE'));

    const op = { workshopId: this.id, participantId, at: this.deps.now(), ...request };
    const written = this.deps.writer
      .write(op, () => this.apply(p, cell, request.opId, value))
      .then(
        () => this.receipt(p, request, cell, false),
        () => {
          throw new KonsensError('STORAGE_FAILED');
        },
      )
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, written);
    return written;
  }

  /** Facilitator edits (SPEC W-1, W-2): structure only in the lobby, the rest any time. */
  async update(patch: WorkshopPatch): Promise<WorkshopView> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      const current = this.workshop.config;
      const structureChanged = STRUCTURE_KEYS.some(
        (key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(current[key]),
      );
      if (structureChanged && !acceptsStructureEdits(this.phase)) throw new KonsensError('WRONG_PHASE');
      const config = workshopConfigSchema.parse({ ...current, ...patch });
      const removed = current.organisations.filter((o) => !config.organisations.some((n) => n.id === o.id));
      if (removed.some((o) => [...this.participants.values()].some((p) => p.record.organisationId === o.id))) {
        throw new KonsensError('ORGANISATION_IN_USE');
      }
      await this.save({ config, phase: this.phase });
      if (structureChanged) this.retally();
      return this.view();
    });
  }

  /** SPEC P-1: only the documented transitions. */
  async setPhase(phase: Phase): Promise<WorkshopView> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      if (phase === this.phase) return this.view();
      if (!canTransition(this.phase, phase)) throw new KonsensError('INVALID_TRANSITION');
      await this.save({ config: this.config, phase });
      return this.view();
    });
  }

  private async save(changes: { config: WorkshopConfig; phase: Phase }): Promise<void> {
    const next = { ...changes, revision: this.workshop.revision + 1, updatedAt: this.deps.now() };
    await this.deps.store.updateWorkshop(this.id, next);
    this.workshop = { ...this.workshop, ...next };
    this.deps.onChange(this, 'workshop');
  }

  private addParticipant(record: ParticipantRecord): void {
    const p: Participant = { record, answers: new Map(), ops: new Set() };
    this.participants.set(record.id, p);
    this.byToken.set(record.tokenHash, p);
    this.participantsPerOrganisation.set(record.organisationId, (this.participantsPerOrganisation.get(record.organisationId) ?? 0) + 1);
  }

  private apply(p: Participant, cell: number, opId: string, value: AnswerValue | undefined): void {
    const previous = p.answers.get(cell);
    const org = this.tally.organisation(p.record.organisationId);
    if (org >= 0) this.tally.change(org, cell, previous, value);
    if (value === undefined) p.answers.delete(cell);
    else p.answers.set(cell, value);
    p.ops.add(opId);
    this.answersVersion++;
    this.deps.onChange(this, 'answers');
  }

  /** Rebuild the tally after a structure change: answers to removed themes, criteria or scale points are dropped. */
  private retally(): void {
    const previous = this.tally;
    this.tally = new Tally(this.workshop.config);
    for (const p of this.participants.values()) {
      const held = [...p.answers];
      p.answers = new Map();
      for (const [cell, value] of held) {
        const { themeId, criterionId } = previous.cellIds(cell);
        this.place(p, themeId, criterionId, value);
      }
    }
    this.answersVersion++;
  }

  /** Count a stored answer (loading, re-tallying) if it still fits the workshop. */
  private place(p: Participant, themeId: string, criterionId: string, value: AnswerValue): void {
    const cell = this.tally.cell(themeId, criterionId);
    const { min, max } = this.config.scale;
    if (cell < 0 || (value !== null && (value < min || value > max))) return;
    p.answers.set(cell, value);
    const org = this.tally.organisation(p.record.organisationId);
    if (org >= 0) this.tally.change(org, cell, undefined, value);
  }

  private receipt(p: Participant, request: AnswerRequest, cell: number, duplicate: boolean): AnswerReceipt {
    const value = cell >= 0 ? p.answers.get(cell) : undefined;
    return {
      opId: request.opId,
      themeId: request.themeId,
      criterionId: request.criterionId,
      ...(value === undefined ? {} : { value }),
      withdrawn: value === undefined,
      duplicate,
    };
  }
}
