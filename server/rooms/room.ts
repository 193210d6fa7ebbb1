/**
 * The authoritative state of one workshop: configuration, phase, participants,
 * their answers and the running tally. It knows nothing of Socket.IO: the
 * transport calls its methods and listens to its changes.
 */
import { createHash } from 'node:crypto';
import { consolidate, type Consolidation, type Decision } from '../../shared/domain/consolidation.js';
import { computeIndividualResults, namesVisible, type Audience, type IndividualResult } from '../../shared/domain/individual.js';
import {
  acceptsAnswers,
  acceptsDecisions,
  acceptsStructureEdits,
  canTransition,
  isFinal,
  isRevealed,
  resultsVisible,
  type Phase,
  type Role,
} from '../../shared/domain/phases.js';
import { computeProgress, summariseProgress, type Progress } from '../../shared/domain/progress.js';
import { computeOrganisationResults, computeResults, type Results } from '../../shared/domain/results.js';
import { Tally, type AnswerValue } from '../../shared/domain/tally.js';
import {
  ERROR_CODES,
  type AnswerReceipt,
  type ErrorCode,
  type FacilitatorState,
  type OwnAnswer,
  type ParticipantEntry,
  type ParticipantState,
  type ProjectorState,
  type RoleState,
  type WorkshopView,
} from '../../shared/protocol.js';
import type { Tier } from '../../shared/domain/tiering.js';
import { workshopConfigSchema, type Organisation, type ProjectorView, type WorkshopConfig, type WorkshopPatch } from '../../shared/schemas.js';
import type { Actor } from '../../shared/accounts.js';
import { KonsensError } from '../errors.js';
import { hashSecret, secretMatches } from '../security/tokens.js';
import type { AnswerBatch, AnswerEntry, ParticipantRecord, WorkshopMeta, WorkshopRecord, WorkshopSnapshot, WorkshopStore } from '../store/types.js';
import type { AnswerWriter, QueuedWrite } from './answerWriter.js';
import { storeLinkSecret } from './coFacilitation.js';
import { newParticipant } from './participants.js';
import { serially } from './serially.js';
import type { LiveRoom, RoomChange } from './liveRoom.js';

export type { RoomChange } from './liveRoom.js';

const EVERYONE: readonly Role[] = ['facilitator', 'projector', 'participant'];
const LIVE: readonly Role[] = ['facilitator', 'projector'];

export interface RoomDeps {
  store: WorkshopStore;
  writer: AnswerWriter;
  now: () => number;
  onChange: (room: LiveRoom, change: RoomChange) => void;
}

interface Participant {
  record: ParticipantRecord;
  /**
   * The value of each cell of the tally, counted answers not yet committed
   * included (SPEC D-6); undefined = not answered. An array by cell index, so
   * that counting an answer touches no map.
   */
  answers: (AnswerValue | undefined)[];
  /** Every committed opId of this participant. */
  ops: Set<string>;
  /** Writes of this participant not committed yet, oldest first (one entry per write, not per answer); null when none. */
  writing: Write[] | null;
}

/**
 * Answers counted before their commit (SPEC D-6) and stored in one write, with
 * what to put back should the commit fail. Writes commit (or fail) in the order
 * they were made, so a failed one is always the oldest under way on its cells.
 * The answer writer calls it back when it is done: one object per write, no
 * callbacks or promises of its own besides `done` (issue 17).
 */
class Write implements QueuedWrite {
  /** Resolves once the write is stored; rejects (STORAGE_FAILED) if it was not. */
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: KonsensError) => void;

  constructor(
    private readonly room: Room,
    readonly participant: Participant,
    readonly batch: AnswerBatch,
    /** The cell of each answer. */
    readonly cells: readonly number[],
    /**
     * What each answer's cell goes back to should this write fail: its value before the answer, or,
     * once an earlier write to the cell has failed, that write's own value to go back to.
     */
    readonly before: (AnswerValue | undefined)[],
    /** The tally they were counted in (a structure edit starts a new one). */
    readonly tally: Tally,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  committed(): void {
    try {
      for (const answer of this.batch.answers) this.participant.ops.add(answer.opId);
      this.room.writeDone(this, true);
    } finally {
      this.resolve();
    }
  }

  /** The store's error stays in the server; the caller learns STORAGE_FAILED. */
  failed(): void {
    try {
      this.room.writeDone(this, false);
    } finally {
      this.reject(new KonsensError('STORAGE_FAILED'));
    }
  }
}

const STRUCTURE_KEYS = ['organisations', 'themes', 'criteria', 'scale'] as const;

/** The write under way that carries this opId of the participant's, if one does. */
function writeOf(p: Participant, opId: string): Promise<void> | undefined {
  if (!p.writing) return undefined;
  for (const w of p.writing) for (const answer of w.batch.answers) if (answer.opId === opId) return w.done;
  return undefined;
}

/** The participant's answered cells and their values (for the colder paths: lists, moves, exports). */
function answered(p: Participant): [number, AnswerValue][] {
  const cells: [number, AnswerValue][] = [];
  p.answers.forEach((value, cell) => {
    if (value !== undefined) cells.push([cell, value]);
  });
  return cells;
}

/** The Quick-Check's room (the `quickcheck` activity). */
export class Room implements LiveRoom {
  readonly kind = 'quickcheck' as const;
  private workshop: WorkshopRecord;
  private tally: Tally;
  private readonly participants = new Map<string, Participant>();
  private readonly byToken = new Map<string, Participant>();
  private readonly participantsPerOrganisation = new Map<string, number>();
  private answersVersion = 0;
  private readonly derivedCache = new Map<string, { key: string; value: unknown }>();
  /** The consolidation's audit trail, oldest first (SPEC C-2). */
  private readonly trail: Decision[];
  private readonly exclusive = serially();
  /** Set when the workshop is being deleted: nothing more is accepted. */
  private deleted = false;
  /** Participants removed while the room was loaded (J-6): a resent removal is answered as done. */
  private readonly removed = new Set<string>();

  constructor(
    snapshot: WorkshopSnapshot,
    private readonly deps: RoomDeps,
  ) {
    this.workshop = snapshot.workshop;
    this.trail = [...snapshot.decisions];
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

  get title(): string {
    return this.workshop.config.title;
  }

  get date(): string | null {
    return this.workshop.config.date;
  }

  get organisations(): readonly Organisation[] {
    return this.workshop.config.organisations;
  }

  get finalisedAt(): number | null {
    return this.workshop.meta.finalisedAt;
  }

  /** Which audiences a change concerns; participants see nothing of answers before the reveal (P-4). Runs for every answer: no allocation. */
  audiences(change: RoomChange): readonly Role[] {
    switch (change) {
      case 'workshop':
      case 'content':
        return EVERYONE;
      case 'participants':
        return LIVE;
      case 'answers':
        return isRevealed(this.phase) ? EVERYONE : LIVE;
    }
  }

  /** PR-3: the process's roster, in the lobby. */
  async setOrganisations(organisations: Organisation[]): Promise<void> {
    if (this.phase === 'lobby') await this.update({ organisations });
  }

  get meta(): WorkshopMeta {
    return this.workshop.meta;
  }

  view(): WorkshopView {
    const { id, code, phase, config, revision, meta } = this.workshop;
    return { id, code, phase, config, revision, projectorView: meta.projectorView, finalisedAt: meta.finalisedAt };
  }

  results(): Results {
    return this.derived('results', () => computeResults(this.tally, this.workshop.config));
  }

  /** Computed once per change of workshop, answers or decisions, however many connections ask. */
  private derived<T>(name: string, compute: () => T): T {
    const key = `${this.workshop.revision}:${this.answersVersion}:${this.trail.length}`;
    const cached = this.derivedCache.get(name);
    if (cached?.key === key) return cached.value as T;
    const value = compute();
    this.derivedCache.set(name, { key, value });
    return value;
  }

  /** Decided tiers and the audit trail (SPEC C-1 … C-5). */
  consolidation(): Consolidation {
    return this.derived('consolidation', () => consolidate(this.results(), this.trail));
  }

  /**
   * SPEC E-3: every organisation id in the workshop's pseudonym order, which
   * follows a server-only random key and so cannot be guessed from the list.
   */
  pseudonymOrder(): string[] {
    return this.derived('pseudonyms', () => {
      const ids = this.config.organisations.map((o) => o.id);
      const explicit = this.meta.pseudonymOrder;
      if (explicit?.length) return [...explicit.filter((id) => ids.includes(id)), ...ids.filter((id) => !explicit.includes(id))];
      const rank = new Map(ids.map((id) => [id, createHash('sha256').update(`${this.meta.pseudonymKey}\u0000${id}`).digest('hex')]));
      return ids.sort((a, b) => (rank.get(a)! < rank.get(b)! ? -1 : 1));
    });
  }

  /** Each organisation's values, named as the workshop's name setting allows for this audience (SPEC E-2). */
  individual(audience: Audience): IndividualResult[] {
    const show = namesVisible(this.config.organisationNames, audience);
    return this.derived(`individual:${show}`, () => computeIndividualResults(this.tally, this.config, this.pseudonymOrder(), show));
  }

  /** The answers and decisions, for an export (SPEC X-4); participants only as p1, p2, … */
  contents(): {
    participants: { ref: string; organisationId: string }[];
    answers: { participant: string; themeId: string; criterionId: string; value: AnswerValue }[];
    decisions: Decision[];
  } {
    const participants: { ref: string; organisationId: string }[] = [];
    const answers: { participant: string; themeId: string; criterionId: string; value: AnswerValue }[] = [];
    for (const p of this.participants.values()) {
      const ref = `p${participants.length + 1}`;
      participants.push({ ref, organisationId: p.record.organisationId });
      for (const [cell, value] of answered(p)) answers.push({ participant: ref, ...this.tally.cellIds(cell), value });
    }
    return { participants, answers, decisions: [...this.trail] };
  }

  /** O(organisations): participant counts are kept per organisation as people join. */
  progress(): Progress {
    const perOrganisation = this.tally.organisationIds.map((id) => this.participantsPerOrganisation.get(id) ?? 0);
    return computeProgress(this.tally, perOrganisation);
  }

  /** After the reveal each organisation's participants also get their own organisation's values (B-5). */
  participantsByOrganisation(): boolean {
    return resultsVisible('participant', this.phase);
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
    const consolidation = isRevealed(this.phase) || this.trail.length > 0 ? this.consolidation() : null;
    return {
      role: 'facilitator',
      activity: 'quickcheck',
      workshop: this.view(),
      progress: this.progress(),
      results: this.results(),
      consolidation,
      // E-1: from the close of scoring on; while votes stream in, the pushes stay lean (B-1).
      individual: acceptsAnswers(this.phase) || this.phase === 'lobby' ? [] : this.individual('facilitator'),
    };
  }

  projectorState(): ProjectorState {
    const visible = resultsVisible('projector', this.phase);
    return {
      role: 'projector',
      activity: 'quickcheck',
      workshop: this.view(),
      progress: summariseProgress(this.progress()),
      results: visible ? this.results() : null,
      consolidation: visible ? this.consolidation() : null,
      individual: visible && this.meta.projectorView === 'individual' ? this.individual('projector') : null,
    };
  }

  /** With an organisation id, that organisation's own values are included once results are visible. */
  participantState(organisationId: string | null): ParticipantState {
    const visible = resultsVisible('participant', this.phase);
    const organisation = visible && organisationId ? computeOrganisationResults(this.tally, this.config, organisationId) : null;
    return {
      role: 'participant',
      activity: 'quickcheck',
      workshop: this.view(),
      results: visible ? this.results() : null,
      consolidation: visible ? this.consolidation() : null,
      organisation,
    };
  }

  verifyFacilitator(secret: string): boolean {
    return secretMatches(secret, this.workshop.secretHash);
  }

  get processId(): string | null {
    return this.workshop.processId;
  }

  /** AC-8: a new co-facilitation link (the old one stops working), or none. Returns the new secret. */
  async setCoFacilitationLink(enabled: boolean): Promise<string | null> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      const { secret, secretHash } = await storeLinkSecret(this.deps.store, this.id, enabled);
      this.workshop = { ...this.workshop, secretHash };
      return secret;
    });
  }

  ownAnswers(participantId: string): OwnAnswer[] {
    const p = this.participants.get(participantId);
    if (!p) return [];
    return answered(p).map(([cell, value]) => ({ ...this.tally.cellIds(cell), value }));
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

  /** The organisation a participant rates for now (J-5: it can change); undefined once removed. */
  organisationOf(participantId: string): string | undefined {
    return this.participants.get(participantId)?.record.organisationId;
  }

  /** SPEC J-5, J-6: the tablets, in the order they joined. */
  participantList(): ParticipantEntry[] {
    return [...this.participants.values()].map((p) => this.entry(p));
  }

  /**
   * SPEC J-5: the participant rates for another organisation from now on; the
   * answers they gave go with them (they count for the new organisation, the
   * old one loses them). Only in the lobby and while scoring is open.
   */
  async move(participantId: string, organisationId: string): Promise<ParticipantEntry> {
    return this.exclusive(async () => {
      const p = this.rearrangeable(participantId);
      const to = this.tally.organisation(organisationId);
      if (to < 0) throw new KonsensError('UNKNOWN_ORGANISATION');
      const fromId = p.record.organisationId;
      if (fromId === organisationId) return this.entry(p);
      await this.deps.store.moveParticipant(this.id, participantId, organisationId);
      // Answers still under way move too: should their commit fail, takeBack() follows the participant's organisation.
      const from = this.tally.organisation(fromId);
      for (const [cell, value] of answered(p)) {
        if (from >= 0) this.tally.change(from, cell, value, undefined);
        this.tally.change(to, cell, undefined, value);
      }
      p.record = { ...p.record, organisationId };
      this.participantsPerOrganisation.set(fromId, (this.participantsPerOrganisation.get(fromId) ?? 1) - 1);
      this.participantsPerOrganisation.set(organisationId, (this.participantsPerOrganisation.get(organisationId) ?? 0) + 1);
      this.answersVersion++;
      this.deps.onChange(this, 'participants');
      this.deps.onChange(this, 'answers');
      return this.entry(p);
    });
  }

  /**
   * SPEC J-6: the participant is gone: their answers are deleted (they no longer
   * count), their resume token stops working. Only in the lobby and while
   * scoring is open. Answers of theirs still under way are stored first, then
   * deleted with the rest.
   */
  async remove(participantId: string): Promise<{ participantId: string; removed: true }> {
    return this.exclusive(async () => {
      if (this.removed.has(participantId)) return { participantId, removed: true as const };
      const p = this.rearrangeable(participantId);
      // From here on nothing of theirs is accepted (NOT_JOINED); what is under way settles first.
      this.participants.delete(participantId);
      this.byToken.delete(p.record.tokenHash);
      try {
        await this.deps.writer.settle();
        await this.deps.store.removeParticipant(this.id, participantId);
      } catch (error) {
        this.participants.set(participantId, p);
        this.byToken.set(p.record.tokenHash, p);
        throw error;
      }
      this.removed.add(participantId);
      const org = this.tally.organisation(p.record.organisationId);
      for (const [cell, value] of answered(p)) if (org >= 0) this.tally.change(org, cell, value, undefined);
      p.answers = this.unanswered();
      const orgId = p.record.organisationId;
      this.participantsPerOrganisation.set(orgId, (this.participantsPerOrganisation.get(orgId) ?? 1) - 1);
      this.answersVersion++;
      this.deps.onChange(this, 'participants');
      this.deps.onChange(this, 'answers');
      return { participantId, removed: true as const };
    });
  }

  /** A participant who may be moved or removed now (J-5, J-6). */
  private rearrangeable(participantId: string): Participant {
    this.assertWritable();
    if (this.phase !== 'lobby' && !acceptsAnswers(this.phase)) throw new KonsensError('WRONG_PHASE');
    const p = this.participants.get(participantId);
    if (!p) throw new KonsensError('UNKNOWN_PARTICIPANT');
    return p;
  }

  private entry(p: Participant): ParticipantEntry {
    const criteria = this.tally.criterionIds.length;
    const perTheme = new Map<number, number>();
    for (const [cell] of answered(p)) {
      const theme = Math.floor(cell / criteria);
      perTheme.set(theme, (perTheme.get(theme) ?? 0) + 1);
    }
    let themesRated = 0;
    for (const n of perTheme.values()) if (n === criteria) themesRated++;
    const { id, organisationId, displayName, createdAt } = p.record;
    return { participantId: id, organisationId, displayName, joinedAt: createdAt, themesRated };
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
    // P-6: a finalised workshop takes no new participants (those who were there may come back).
    if (isFinal(this.phase)) throw new KonsensError('FINALISED');
    return this.exclusive(async () => {
      // Checked inside the lock: an edit removing the organisation may have been waiting ahead of us.
      if (!organisationId || this.tally.organisation(organisationId) < 0) throw new KonsensError('UNKNOWN_ORGANISATION');
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      const { record, resumeToken } = newParticipant(this.id, organisationId, request.displayName ?? null, this.deps.now());
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
  async submit(participantId: string, request: AnswerEntry): Promise<AnswerReceipt> {
    // The batch's steps for one answer, without its bookkeeping: this is what a tap sends.
    const p = this.answering(participantId);
    const cell = this.tally.cell(request.themeId, request.criterionId);
    if (p.ops.has(request.opId)) return this.receipt(p, request, cell, true);
    const pending = writeOf(p, request.opId);
    if (pending) {
      await pending;
      return this.receipt(p, request, cell, true);
    }
    if (!acceptsAnswers(this.phase)) throw new KonsensError('WRONG_PHASE');
    const refusal = this.refusal(request, cell);
    if (refusal) throw new KonsensError(refusal);
    const committed = this.store(p, [request], [cell]);
    const receipt = this.receipt(p, request, cell, false);
    await committed;
    return receipt;
  }

  /**
   * Several answers at once (SPEC D-4): checked as a whole, so that one refused
   * answer applies none; counted at once, in order (D-6), stored in one write
   * and acknowledged after it committed, one receipt per answer, in order; taken
   * back out should the write fail. A refusal of one answer says which
   * (`answers.<index>`). The usual batch — every answer new — allocates nothing
   * per answer but its receipt.
   */
  submitBatch(participantId: string, requests: readonly AnswerEntry[]): Promise<AnswerReceipt[]> {
    try {
      return this.applyBatch(participantId, requests);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** submitBatch's work: its checks throw, its wait is the promise it answers (no async function of its own on a ballot's path). */
  private applyBatch(participantId: string, requests: readonly AnswerEntry[]): Promise<AnswerReceipt[]> {
    const p = this.answering(participantId);
    const cells: number[] = new Array(requests.length);
    /** Whether each answer is new; null while all so far are. */
    let isFresh: boolean[] | null = null;
    /** Answers sent before whose write has not committed yet: their receipts wait for it. */
    const waiting: Promise<void>[] = [];
    for (let index = 0; index < requests.length; index++) {
      const request = requests[index]!;
      const cell = this.tally.cell(request.themeId, request.criterionId);
      cells[index] = cell;
      // Sent before: committed already, or its write is still under way (its receipt waits for it).
      const committed = p.ops.has(request.opId);
      const pending = committed ? undefined : writeOf(p, request.opId);
      if (committed || pending) {
        isFresh ??= new Array<boolean>(requests.length).fill(true);
        isFresh[index] = false;
        if (pending) waiting.push(pending);
        continue;
      }
      // The phase is the batch's, not one answer's: no answer is named.
      if (!acceptsAnswers(this.phase)) throw new KonsensError('WRONG_PHASE');
      const refusal = this.refusal(request, cell);
      if (refusal) throw new KonsensError(refusal, [{ path: `answers.${index}`, message: ERROR_CODES[refusal] }]);
    }
    if (!isFresh) {
      // The usual batch: all of it new, acknowledged with the values counted now (each after the whole batch).
      const committed = this.store(p, requests, cells);
      const receipts = requests.map((request, i) => this.receipt(p, request, cells[i]!, false));
      return committed.then(() => receipts);
    }
    const fresh = requests.filter((_, i) => isFresh[i]);
    if (fresh.length === 0) {
      return Promise.all(waiting).then(() => requests.map((request, i) => this.receipt(p, request, cells[i]!, true)));
    }
    const committed = this.store(p, fresh, cells.filter((_, i) => isFresh[i]));
    // Fresh answers are acknowledged with the values counted now, answers sent before with their value when their own write has committed.
    const counted = requests.map((request, i) => (isFresh[i] ? this.receipt(p, request, cells[i]!, false) : null));
    return Promise.all([committed, ...waiting]).then(() => requests.map((request, i) => counted[i] ?? this.receipt(p, request, cells[i]!, true)));
  }

  /** The participant, if answers can come from them at all. */
  private answering(participantId: string): Participant {
    const p = this.participants.get(participantId);
    if (!p) throw new KonsensError('NOT_JOINED');
    if (this.deleted) throw new KonsensError('NOT_FOUND');
    return p;
  }

  /**
   * Fresh, checked answers: counted at once (D-6; the live tally does not wait
   * for the disk, the acknowledgement does, D-1), stored in one write, taken back
   * out should it fail. A resend of one of them waits for this write.
   */
  private store(p: Participant, answers: readonly AnswerEntry[], cells: readonly number[]): Promise<void> {
    const before: (AnswerValue | undefined)[] = new Array(answers.length);
    const org = this.tally.organisation(p.record.organisationId);
    for (let i = 0; i < answers.length; i++) {
      const cell = cells[i]!;
      before[i] = p.answers[cell];
      this.setCell(p, cell, answers[i]!.value, org);
    }
    const write = new Write(this, p, { workshopId: this.id, participantId: p.record.id, at: this.deps.now(), answers }, cells, before, this.tally);
    (p.writing ??= []).push(write);
    this.deps.writer.write(write);
    this.answersVersion++;
    this.deps.onChange(this, 'answers');
    return write.done;
  }

  /** The answer writer is done with a write (Write calls this): no longer under way, and taken back if it was not stored. */
  writeDone(write: Write, stored: boolean): void {
    const p = write.participant;
    if (!stored) {
      this.takeBack(p, write);
      this.answersVersion++;
      this.deps.onChange(this, 'answers');
    }
    if (!p.writing) return;
    p.writing = p.writing.length === 1 && p.writing[0] === write ? null : p.writing.filter((w) => w !== write);
  }

  /**
   * A write failed: as if its answers had never come. A failed write is the
   * oldest under way on its cells, so `before` is what was committed there; where
   * a later write changed the cell again, that answer stays counted and now
   * follows the committed value.
   */
  private takeBack(p: Participant, write: Write): void {
    if (write.tally !== this.tally) return;
    const later = p.writing ? p.writing.slice(p.writing.indexOf(write) + 1) : [];
    const done = new Set<number>();
    write.cells.forEach((cell, i) => {
      // The first answer to a cell in this write holds what the cell goes back to (a cell may be answered twice).
      if (done.has(cell)) return;
      done.add(cell);
      const next = later.find((w) => w.cells.includes(cell));
      if (next) next.before[next.cells.indexOf(cell)] = write.before[i];
      else this.setCell(p, cell, write.before[i]);
    });
  }

  /** Why an answer cannot be taken now, if it cannot. */
  private refusal(request: AnswerEntry, cell: number): ErrorCode | null {
    if (cell < 0) return this.tally.hasTheme(request.themeId) ? 'UNKNOWN_CRITERION' : 'UNKNOWN_THEME';
    const { value } = request;
    const { min, max } = this.config.scale;
    if (typeof value === 'number' && (value < min || value > max)) return 'OUT_OF_SCALE';
    return null;
  }

  /** Facilitator edits (SPEC W-1, W-2): structure only in the lobby, the rest any time. */
  async update(patch: WorkshopPatch): Promise<WorkshopView> {
    return this.exclusive(async () => {
      this.assertWritable();
      const current = this.workshop.config;
      const structureChanged = STRUCTURE_KEYS.some(
        (key) => patch[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(current[key]),
      );
      if (structureChanged && !acceptsStructureEdits(this.phase)) throw new KonsensError('WRONG_PHASE');
      // E-5: once scoring has started, people have rated under the promise of anonymity.
      const leavesAnonymity = current.organisationNames === 'anonymous' && patch.organisationNames !== undefined && patch.organisationNames !== 'anonymous';
      if (leavesAnonymity && this.phase !== 'lobby') throw new KonsensError('ANONYMITY_LOCKED');
      const config = workshopConfigSchema.parse({ ...current, ...patch });
      const removed = current.organisations.filter((o) => !config.organisations.some((n) => n.id === o.id));
      if (removed.some((o) => [...this.participants.values()].some((p) => p.record.organisationId === o.id))) {
        throw new KonsensError('ORGANISATION_IN_USE');
      }
      // Answers still under way were counted in the tally a structure change replaces: let them settle first.
      if (structureChanged) await this.deps.writer.settle();
      await this.save({ config });
      if (structureChanged) this.retally();
      return this.view();
    });
  }

  /** SPEC P-1: only the documented transitions; finalising records the time (P-6). */
  async setPhase(phase: Phase): Promise<WorkshopView> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      if (phase === this.phase) return this.view();
      this.assertWritable();
      if (!canTransition(this.phase, phase)) throw new KonsensError('INVALID_TRANSITION');
      // D-6: scoring closes on committed answers only; those under way are stored (or taken back) first.
      if (acceptsAnswers(this.phase)) await this.deps.writer.settle();
      const meta = isFinal(phase) ? { ...this.meta, finalisedAt: this.deps.now() } : this.meta;
      await this.save({ phase, meta });
      return this.view();
    });
  }

  /**
   * SPEC C-1, C-2: move a theme to a tier, with a reason. The decision is in the
   * audit trail, durably, before it is acknowledged.
   */
  async decide(request: { themeId: string; tier: Tier; reason: string }, by: Actor | null): Promise<Decision> {
    return this.exclusive(async () => {
      this.assertWritable();
      if (!acceptsDecisions(this.phase)) throw new KonsensError('WRONG_PHASE');
      if (!this.tally.hasTheme(request.themeId)) throw new KonsensError('UNKNOWN_THEME');
      const current = this.consolidation().themes.find((t) => t.themeId === request.themeId);
      // C-1: a repeated move (e.g. resent after a lost acknowledgement) answers with the decision already taken.
      const latest = this.trail.findLast((d) => d.themeId === request.themeId);
      if (latest && latest.to === request.tier && latest.reason === request.reason && current?.tier === request.tier) return latest;
      if (current?.tier === request.tier) throw new KonsensError('UNCHANGED');
      const decision: Decision = {
        seq: this.trail.length + 1,
        themeId: request.themeId,
        from: current?.tier ?? null,
        to: request.tier,
        computed: current?.computed ?? null,
        reason: request.reason,
        at: this.deps.now(),
        ...(by ? { by } : {}),
      };
      await this.deps.store.addDecision(this.id, decision);
      this.trail.push(decision);
      this.deps.onChange(this, 'workshop');
      return decision;
    });
  }

  /** SPEC E-4: the facilitator chooses what the projector shows; allowed in every phase, finalised too. */
  async showOnProjector(view: ProjectorView): Promise<WorkshopView> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      if (view !== this.meta.projectorView) await this.save({ meta: { ...this.meta, projectorView: view } });
      return this.view();
    });
  }

  private assertWritable(): void {
    if (this.deleted) throw new KonsensError('NOT_FOUND');
    if (isFinal(this.phase)) throw new KonsensError('FINALISED');
  }

  private async save(changes: Partial<{ config: WorkshopConfig; phase: Phase; meta: WorkshopMeta }>): Promise<void> {
    const { config, phase, meta } = this.workshop;
    const next = { config, phase, meta, ...changes, revision: this.workshop.revision + 1, updatedAt: this.deps.now() };
    await this.deps.store.updateWorkshop(this.id, next);
    this.workshop = { ...this.workshop, ...next };
    this.deps.onChange(this, 'workshop');
  }

  private addParticipant(record: ParticipantRecord): void {
    const p: Participant = { record, answers: this.unanswered(), ops: new Set(), writing: null };
    this.participants.set(record.id, p);
    this.byToken.set(record.tokenHash, p);
    this.participantsPerOrganisation.set(record.organisationId, (this.participantsPerOrganisation.get(record.organisationId) ?? 0) + 1);
  }

  /** A participant's answers before the first: one empty slot per cell of the tally. */
  private unanswered(): (AnswerValue | undefined)[] {
    return new Array<AnswerValue | undefined>(this.tally.cellCount).fill(undefined);
  }

  /** One answer into the tally, in O(1); the caller announces the change. `org`: the participant's organisation's index, if the caller has it. */
  private setCell(p: Participant, cell: number, value: AnswerValue | undefined, org = this.tally.organisation(p.record.organisationId)): void {
    if (org >= 0) this.tally.change(org, cell, p.answers[cell], value);
    p.answers[cell] = value;
  }

  /** Rebuild the tally after a structure change: answers to removed themes, criteria or scale points are dropped. */
  private retally(): void {
    const previous = this.tally;
    this.tally = new Tally(this.workshop.config);
    for (const p of this.participants.values()) {
      // Nothing is under way any more (update() let it settle); writes of the old tally are not taken back.
      const held = answered(p);
      p.answers = this.unanswered();
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
    p.answers[cell] = value;
    const org = this.tally.organisation(p.record.organisationId);
    if (org >= 0) this.tally.change(org, cell, undefined, value);
  }

  /** One shape for every receipt (a withdrawn answer's value is undefined, which JSON leaves out): one hidden class, quick to send. */
  private receipt(p: Participant, request: AnswerEntry, cell: number, duplicate: boolean): AnswerReceipt {
    const value = cell >= 0 ? p.answers[cell] : undefined;
    return { opId: request.opId, themeId: request.themeId, criterionId: request.criterionId, value, withdrawn: value === undefined, duplicate };
  }
}
