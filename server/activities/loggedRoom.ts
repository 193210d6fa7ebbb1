/**
 * What every logged activity's room does the same way (theme collection,
 * vision, deep-dive): its workshop row, participants, phases, the
 * co-facilitation link, and operations that are checked by the activity's
 * pure rules, appended to the log durably, then applied and announced — one
 * at a time, so the log's order is the order they were applied in (TC-4,
 * VI-4, DD-4). A subclass adds its rules, its views and its receipts. It
 * knows nothing of Socket.IO.
 */
import type { z } from 'zod';
import type { ActivityRules, ActivityView, ActorKey, LoggedOp } from '../../shared/activities/log.js';
import type { Role } from '../../shared/domain/phases.js';
import type { StepKind } from '../../shared/process.js';
import type { AnyRoleState } from '../../shared/protocol.js';
import type { Organisation } from '../../shared/schemas.js';
import { KonsensError } from '../errors.js';
import { storeLinkSecret } from '../rooms/coFacilitation.js';
import type { JoinRequest, LiveRoom, RoomChange } from '../rooms/liveRoom.js';
import { newParticipant, ParticipantBook } from '../rooms/participants.js';
import { serially } from '../rooms/serially.js';
import { secretMatches } from '../security/tokens.js';
import type { ActivityRecord, ActivitySnapshot, ParticipantRecord, WorkshopStore } from '../store/types.js';

export interface LoggedRoomDeps {
  store: WorkshopStore;
  now: () => number;
  onChange: (room: LiveRoom, change: RoomChange) => void;
}

/** What every logged activity's configuration has. */
export interface ActivityConfigBase {
  title: string;
  date: string | null;
  organisations: Organisation[];
}

export interface ActivityDefinition<C extends ActivityConfigBase, P extends string, S, Op extends LoggedOp, Ctx> {
  kind: StepKind;
  configSchema: z.ZodType<C>;
  rules: ActivityRules<S, Op, Ctx>;
  transitions: Readonly<Record<P, readonly P[]>>;
  /** The phase that makes the workshop read-only. */
  finalPhase: P;
}

/** An operation as a room's caller passes it: the room adds actor and time. */
export type OpRequest<Op extends LoggedOp> = Op extends unknown ? Omit<Op, 'actor' | 'at'> : never;

export abstract class LoggedRoom<C extends ActivityConfigBase, P extends string, S, Op extends LoggedOp, Ctx> implements LiveRoom {
  readonly kind: StepKind;
  protected record: ActivityRecord<C, P>;
  protected readonly state: S;
  protected readonly participants: ParticipantBook;
  protected readonly exclusive = serially();
  protected deleted = false;

  constructor(
    snapshot: ActivitySnapshot,
    protected readonly deps: LoggedRoomDeps,
    protected readonly definition: ActivityDefinition<C, P, S, Op, Ctx>,
  ) {
    this.kind = definition.kind;
    this.record = { ...snapshot.workshop, config: definition.configSchema.parse(snapshot.workshop.config), phase: snapshot.workshop.phase as P };
    this.participants = new ParticipantBook(snapshot.participants);
    this.state = definition.rules.replay(snapshot.log as Op[], this.record.config);
  }

  /** The context the rules decide in (phase, settings). */
  protected abstract context(): Ctx;
  abstract audiences(change: RoomChange): readonly Role[];
  abstract stateFor(role: Role, organisationId?: string | null): AnyRoleState;
  participantsByOrganisation(): boolean {
    return false;
  }

  /** What a participant's tablet needs after a reload besides the state: its own contributions (TC-4, VI-5). */
  abstract own(participantId: string): Record<string, unknown>;

  get id(): string {
    return this.record.id;
  }
  get code(): string {
    return this.record.code;
  }
  get processId(): string | null {
    return this.record.processId;
  }
  get phase(): P {
    return this.record.phase;
  }
  get config(): C {
    return this.record.config;
  }
  get title(): string {
    return this.record.config.title;
  }
  get date(): string | null {
    return this.record.config.date;
  }
  get organisations(): readonly Organisation[] {
    return this.record.config.organisations;
  }
  get finalisedAt(): number | null {
    return this.record.finalisedAt;
  }
  get participantCount(): number {
    return this.participants.size;
  }

  view(): ActivityView<C, P> {
    const { id, code, phase, config, revision, finalisedAt } = this.record;
    return { id, code, phase, config, revision, finalisedAt };
  }

  verifyFacilitator(secret: string): boolean {
    return secretMatches(secret, this.record.secretHash);
  }

  async setCoFacilitationLink(enabled: boolean): Promise<string | null> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      const { secret, secretHash } = await storeLinkSecret(this.deps.store, this.id, enabled);
      this.record = { ...this.record, secretHash };
      return secret;
    });
  }

  /** J-1, J-2; a finalised workshop takes no new participants. */
  async join(request: JoinRequest): Promise<{ participant: ParticipantRecord; resumeToken: string }> {
    if (this.deleted) throw new KonsensError('NOT_FOUND');
    if (request.resumeToken) {
      const existing = this.participants.resume(request.resumeToken);
      if (!existing) throw new KonsensError('INVALID_RESUME_TOKEN');
      return { participant: existing, resumeToken: request.resumeToken };
    }
    if (this.phase === this.definition.finalPhase) throw new KonsensError('FINALISED');
    return this.exclusive(async () => {
      const organisationId = request.organisationId;
      if (!organisationId || !this.organisations.some((o) => o.id === organisationId)) throw new KonsensError('UNKNOWN_ORGANISATION');
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      const { record, resumeToken } = newParticipant(this.id, organisationId, request.displayName ?? null, this.deps.now());
      await this.deps.store.addParticipant(record);
      this.participants.add(record);
      this.deps.onChange(this, 'participants');
      return { participant: record, resumeToken };
    });
  }

  /** The participant behind a connection, if known. */
  participant(participantId: string): ParticipantRecord | undefined {
    return this.participants.get(participantId);
  }

  /**
   * Check, store durably, apply, announce; acknowledged after the commit. A
   * resend of an applied opId answers what it did and changes nothing.
   */
  protected applyOp(actor: ActorKey, request: OpRequest<Op> | (() => OpRequest<Op>), change: RoomChange): Promise<{ op: Op; duplicate: boolean }> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      // A request that depends on the room (e.g. the voting unit an answer counts for) is made inside the lock.
      const made = typeof request === 'function' ? request() : request;
      const { rules } = this.definition;
      const before = rules.appliedBefore(this.state, actor, made.opId);
      if (before) return { op: before, duplicate: true };
      const op = { ...made, actor, at: this.deps.now() } as unknown as Op;
      const refusal = rules.refusal(this.state, op, this.context());
      if (refusal) throw new KonsensError(refusal);
      // The unique (actor, opId) in the log is the last word on doubles, also across a restart: a row already
      // there (which the replayed state would know) is answered as a duplicate, never applied twice.
      if (!(await this.deps.store.appendActivityOp(this.id, op))) return { op, duplicate: true };
      rules.apply(this.state, op);
      this.deps.onChange(this, change);
      return { op, duplicate: false };
    });
  }

  /** Why the activity may not move to this phase now (checked inside the lock), or null. */
  protected phaseRefusal(_phase: P): KonsensError | null {
    return null;
  }

  /** Why this configuration change is not possible now (checked inside the lock), or null. */
  protected configRefusal(_patch: Partial<C>): KonsensError | null {
    return null;
  }

  /** Title, date and the activity's own settings; not once finalised. */
  protected updateConfig(patch: Partial<C>): Promise<ActivityView<C, P>> {
    return this.exclusive(async () => {
      this.assertWritable();
      const refused = this.configRefusal(patch);
      if (refused) throw refused;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const config = this.definition.configSchema.parse({ ...this.config, ...defined });
      await this.save({ config });
      return this.view();
    });
  }

  /** PR-3: a roster change from the process, only in the lobby and only if nobody joined for an organisation that leaves. */
  async setOrganisations(organisations: Organisation[]): Promise<void> {
    await this.exclusive(async () => {
      if ((this.phase as string) !== 'lobby' || this.deleted) return;
      if (this.config.organisations.some((o) => !organisations.some((n) => n.id === o.id) && this.participants.usesOrganisation(o.id))) return;
      await this.save({ config: { ...this.config, organisations } });
    });
  }

  /** Along the activity's transitions; the final phase records the time and makes the workshop read-only. */
  async setPhase(phase: P): Promise<ActivityView<C, P>> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      if (phase === this.phase) return this.view();
      this.assertWritable();
      if (!this.definition.transitions[this.phase].includes(phase)) throw new KonsensError('INVALID_TRANSITION');
      const refused = this.phaseRefusal(phase);
      if (refused) throw refused;
      await this.save({ phase, finalisedAt: phase === this.definition.finalPhase ? this.deps.now() : null });
      return this.view();
    });
  }

  async markDeleted(deleted = true): Promise<void> {
    this.deleted = deleted;
    await this.exclusive(async () => undefined);
  }

  forgetParticipantIdentifiers(participantIds: readonly string[]): Promise<void> {
    return this.exclusive(async () => this.participants.forget(participantIds));
  }

  protected assertWritable(): void {
    if (this.deleted) throw new KonsensError('NOT_FOUND');
    if (this.phase === this.definition.finalPhase) throw new KonsensError('FINALISED');
  }

  private async save(changes: Partial<Pick<ActivityRecord<C, P>, 'config' | 'phase' | 'finalisedAt'>>): Promise<void> {
    const { config, phase, finalisedAt } = this.record;
    const next = { config, phase, finalisedAt, ...changes, revision: this.record.revision + 1, updatedAt: this.deps.now() };
    await this.deps.store.updateActivity(this.id, next);
    this.record = { ...this.record, ...next };
    this.deps.onChange(this, 'workshop');
  }
}
