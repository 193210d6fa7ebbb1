/**
 * A theme collection's authoritative state (SPEC TC-1 … TC-10): its
 * configuration, phase, participants and the proposals its operation log adds
 * up to. The log machinery is LoggedRoom's; this adds the collection's rules,
 * views and receipts. It knows nothing of Socket.IO.
 */
import { participantActor, type ActorKey } from '../../../shared/activities/log.js';
import type { Role } from '../../../shared/domain/phases.js';
import { COLLECTION_RULES, COLLECTION_TRANSITIONS, current, type CollectionContext, type CollectionOp, type CollectionState } from '../../../shared/activities/collection/rules.js';
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
import type { RoomChange } from '../../rooms/liveRoom.js';
import { newId } from '../../security/tokens.js';
import type { ActivitySnapshot } from '../../store/types.js';
import type { DeepDiveConfig } from '../../../shared/activities/deepdive/schemas.js';
import type { DeepDiveRoleState, DeepDiveView } from '../../../shared/activities/deepdive/views.js';
import { LoggedRoom, type ActivityDefinition, type LoggedRoomDeps, type OpRequest } from '../loggedRoom.js';

const EVERYONE: readonly Role[] = ['facilitator', 'projector', 'participant'];
const LIVE: readonly Role[] = ['facilitator', 'projector'];

const COLLECTION: ActivityDefinition<CollectionConfig, CollectionPhase, CollectionState, CollectionOp, CollectionContext> = {
  kind: 'collection',
  configSchema: collectionConfigSchema,
  rules: COLLECTION_RULES,
  transitions: COLLECTION_TRANSITIONS,
  finalPhase: 'finalised',
};

/** A theme collection; a deep-dive (DeepDiveRoom) is one whose proposals are project ideas. */
export class CollectionRoom<C extends CollectionConfig | DeepDiveConfig = CollectionConfig> extends LoggedRoom<C, CollectionPhase, CollectionState, CollectionOp, CollectionContext> {
  constructor(snapshot: ActivitySnapshot, deps: LoggedRoomDeps, definition: ActivityDefinition<C, CollectionPhase, CollectionState, CollectionOp, CollectionContext> = COLLECTION as never) {
    super(snapshot, deps, definition);
  }

  /** Read-only access for the process: what a finalised collection hands on (TC-9). */
  get collection(): CollectionState {
    return this.state;
  }

  protected context(): CollectionContext {
    return { phase: this.phase, supportAllowed: this.config.supportAllowed };
  }

  audiences(change: RoomChange): readonly Role[] {
    return change === 'participants' ? LIVE : EVERYONE;
  }

  stateFor(role: Role): CollectionRoleState | DeepDiveRoleState {
    // The views are the collection's; a deep-dive's carry its kind and configuration.
    const view = this.view() as CollectionView;
    const state = (() => {
      switch (role) {
        case 'facilitator':
          return facilitatorCollectionState(view, this.state, this.participantCount);
        case 'projector':
          return projectorCollectionState(view, this.state, this.participantCount);
        case 'participant':
          return participantCollectionState(view, this.state);
      }
    })();
    return this.kind === 'deepdive' ? ({ ...state, activity: 'deepdive' } as DeepDiveRoleState) : state;
  }

  /** TC-4: what a participant's tablet needs after a reload. */
  own(participantId: string): { own: OwnProposal[]; supports: string[] } {
    return { own: ownProposals(this.state, participantActor(participantId)), supports: ownSupports(this.state, participantActor(participantId)) };
  }

  /** TC-2 … TC-8; a proposal records its sender's organisation. */
  async apply(actor: ActorKey, request: OpRequest<CollectionOp>, organisationId: string | null = null): Promise<ProposalReceipt> {
    const withOrigin = (request.type === 'submit' ? { ...request, organisationId } : request) as OpRequest<CollectionOp>;
    const { op, duplicate } = await this.applyOp(actor, withOrigin, 'content');
    const id = op.type === 'merge' ? op.targetId : op.proposalId;
    return { opId: op.opId, proposalId: current(this.state, id)?.id ?? id, duplicate };
  }

  /** A new proposal's id: made by the server, so that nobody chooses another's. */
  static newProposalId(): string {
    return newId();
  }

  /** TC-1: title, date and whether participants may support proposals; not once finalised. */
  update(patch: { title?: string | undefined; date?: string | null | undefined; supportAllowed?: boolean | undefined }): Promise<CollectionView | DeepDiveView> {
    return this.updateConfig(patch as Partial<C>) as Promise<CollectionView | DeepDiveView>;
  }
}
