/**
 * A theme collection's authoritative state (SPEC TC-1 … TC-10): its
 * configuration, phase, participants and the proposals its operation log adds
 * up to. Every operation is checked by the pure rules, appended to the log
 * durably, then applied and announced — one at a time, so the log's order is
 * the order they were applied in. It knows nothing of Socket.IO.
 */
import type { Role } from '../../../shared/domain/phases.js';
import {
  appliedBefore,
  applyCollectionOp,
  collectionRefusal,
  COLLECTION_TRANSITIONS,
  current,
  replayCollection,
  type ActorKey,
  type CollectionOp,
  type CollectionState,
} from '../../../shared/activities/collection/rules.js';
import { collectionConfigSchema, type CollectionConfig, type CollectionPhase } from '../../../shared/activities/collection/schemas.js';
import {
  facilitatorCollectionState,
  ownProposals,
  ownSupports,
  participantCollectionState,
  projectorCollectionState,
  type CollectionRoleState,
  type CollectionView,
  type OwnProposal,
} from '../../../shared/activities/collection/views.js';
import type { ProposalReceipt } from '../../../shared/protocol.js';
import type { Organisation } from '../../../shared/schemas.js';
import { KonsensError } from '../../errors.js';
import type { JoinRequest, LiveRoom, RoomChange } from '../../rooms/liveRoom.js';
import { storeLinkSecret } from '../../rooms/coFacilitation.js';
import { newParticipant, ParticipantBook } from '../../rooms/participants.js';
import { serially } from '../../rooms/serially.js';
import { newId, secretMatches } from '../../security/tokens.js';
import type { CollectionRecord, CollectionSnapshot, ParticipantRecord, WorkshopStore } from '../../store/types.js';

export interface CollectionRoomDeps {
  store: WorkshopStore;
  now: () => number;
  onChange: (room: LiveRoom, change: RoomChange) => void;
}


/** An operation as a handler passes it: the room adds actor, time and (for a proposal) the organisation. */
type OpRequest = CollectionOp extends infer O ? (O extends CollectionOp ? Omit<O, 'actor' | 'at' | 'organisationId'> : never) : never;

const EVERYONE: readonly Role[] = ['facilitator', 'projector', 'participant'];
const LIVE: readonly Role[] = ['facilitator', 'projector'];

export class CollectionRoom implements LiveRoom {
  readonly kind = 'collection' as const;
  private record: CollectionRecord;
  private readonly state: CollectionState;
  private readonly participants: ParticipantBook;
  private readonly exclusive = serially();
  private deleted = false;

  constructor(
    snapshot: CollectionSnapshot,
    private readonly deps: CollectionRoomDeps,
  ) {
    this.record = snapshot.workshop;
    this.participants = new ParticipantBook(snapshot.participants);
    this.state = replayCollection(snapshot.log);
  }

  get id(): string {
    return this.record.id;
  }
  get code(): string {
    return this.record.code;
  }
  get processId(): string | null {
    return this.record.processId;
  }
  get phase(): CollectionPhase {
    return this.record.phase;
  }
  get config(): CollectionConfig {
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

  /** Read-only access for the process: what a finalised collection hands on (TC-9). */
  get collection(): CollectionState {
    return this.state;
  }

  view(): CollectionView {
    const { id, code, phase, config, revision, finalisedAt } = this.record;
    return { id, code, phase, config, revision, finalisedAt };
  }

  audiences(change: RoomChange): readonly Role[] {
    return change === 'participants' ? LIVE : EVERYONE;
  }

  stateFor(role: Role): CollectionRoleState {
    switch (role) {
      case 'facilitator':
        return facilitatorCollectionState(this.view(), this.state, this.participants.size);
      case 'projector':
        return projectorCollectionState(this.view(), this.state, this.participants.size);
      case 'participant':
        return participantCollectionState(this.view(), this.state);
    }
  }

  /** TC-4: what a participant's tablet needs after a reload. */
  own(participantId: string): { own: OwnProposal[]; supports: string[] } {
    return { own: ownProposals(this.state, participantActor(participantId)), supports: ownSupports(this.state, participantActor(participantId)) };
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

  /** J-1, J-2 for a collection; a finalised collection takes no new participants. */
  async join(request: JoinRequest): Promise<{ participant: ParticipantRecord; resumeToken: string }> {
    if (this.deleted) throw new KonsensError('NOT_FOUND');
    if (request.resumeToken) {
      const existing = this.participants.resume(request.resumeToken);
      if (!existing) throw new KonsensError('INVALID_RESUME_TOKEN');
      return { participant: existing, resumeToken: request.resumeToken };
    }
    if (this.phase === 'finalised') throw new KonsensError('FINALISED');
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

  /**
   * TC-2 … TC-8: check, store durably, apply, announce; acknowledged after the
   * commit. A resend of an applied opId answers what it did and changes nothing.
   */
  apply(actor: ActorKey, request: OpRequest, organisationId: string | null = null): Promise<ProposalReceipt> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      const before = appliedBefore(this.state, actor, request.opId);
      if (before) return receipt(this.state, before, true);
      const op = { ...request, actor, at: this.deps.now(), ...(request.type === 'submit' ? { organisationId } : {}) } as CollectionOp;
      const refusal = collectionRefusal(this.state, op, { phase: this.phase, supportAllowed: this.config.supportAllowed });
      if (refusal) throw new KonsensError(refusal);
      // The unique (actor, opId) in the log is the last word on doubles, also across a restart.
      if (await this.deps.store.appendCollectionOp(this.id, op)) applyCollectionOp(this.state, op);
      this.deps.onChange(this, 'proposals');
      return receipt(this.state, op, false);
    });
  }

  /** A new proposal's id: made by the server, so that nobody chooses another's. */
  static newProposalId(): string {
    return newId();
  }

  /** TC-1: title, date and whether participants may support proposals; not once finalised. */
  async update(patch: { title?: string | undefined; date?: string | null | undefined; supportAllowed?: boolean | undefined }): Promise<CollectionView> {
    return this.exclusive(async () => {
      this.assertWritable();
      const config = collectionConfigSchema.parse({ ...this.config, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
      await this.save({ config });
      return this.view();
    });
  }

  async setOrganisations(organisations: Organisation[]): Promise<void> {
    await this.exclusive(async () => {
      if (this.phase !== 'lobby' || this.deleted) return;
      if (this.config.organisations.some((o) => !organisations.some((n) => n.id === o.id) && this.participants.usesOrganisation(o.id))) return;
      await this.save({ config: { ...this.config, organisations } });
    });
  }

  /** TC-2: lobby → collecting ⇄ closed → finalised; finalising records the time and makes it read-only. */
  async setPhase(phase: CollectionPhase): Promise<CollectionView> {
    return this.exclusive(async () => {
      if (this.deleted) throw new KonsensError('NOT_FOUND');
      if (phase === this.phase) return this.view();
      this.assertWritable();
      if (!COLLECTION_TRANSITIONS[this.phase].includes(phase)) throw new KonsensError('INVALID_TRANSITION');
      await this.save({ phase, finalisedAt: phase === 'finalised' ? this.deps.now() : null });
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

  private assertWritable(): void {
    if (this.deleted) throw new KonsensError('NOT_FOUND');
    if (this.phase === 'finalised') throw new KonsensError('FINALISED');
  }

  private async save(changes: Partial<Pick<CollectionRecord, 'config' | 'phase' | 'finalisedAt'>>): Promise<void> {
    const { config, phase, finalisedAt } = this.record;
    const next = { config, phase, finalisedAt, ...changes, revision: this.record.revision + 1, updatedAt: this.deps.now() };
    await this.deps.store.updateCollection(this.id, next);
    this.record = { ...this.record, ...next };
    this.deps.onChange(this, 'workshop');
  }
}

export const participantActor = (participantId: string): ActorKey => `p:${participantId}`;

/** AC-9 for collections: a signed-in facilitator by account, a co-facilitation link as one. */
export const facilitatorActor = (accountId: string | null): ActorKey => `f:${accountId ?? 'link'}`;

function receipt(state: CollectionState, op: CollectionOp, duplicate: boolean): ProposalReceipt {
  const id = op.type === 'merge' ? op.targetId : op.proposalId;
  return { opId: op.opId, proposalId: current(state, id)?.id ?? id, duplicate };
}
