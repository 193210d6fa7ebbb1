/**
 * A project selection's authoritative state (SPEC SE-1 … SE-10): ideas, votes,
 * overrides and profiles, as its operation log adds up to from the ideas it
 * was created with. The log machinery is LoggedRoom's.
 */
import { participantActor, type ActorKey } from '../../../shared/activities/log.js';
import type { Role } from '../../../shared/domain/phases.js';
import { pointsVoterOf, SELECTION_OPS, SELECTION_TRANSITIONS, used, type SelectionContext, type SelectionOp, type SelectionState } from '../../../shared/activities/selection/rules.js';
import { selectionConfigSchema, type SelectionConfig, type SelectionPhase } from '../../../shared/activities/selection/schemas.js';
import {
  facilitatorSelectionState,
  participantSelectionState,
  projectorSelectionState,
  unitAllocation,
  type SelectionRoleState,
  type SelectionView,
} from '../../../shared/activities/selection/views.js';
import type { PointsReceipt, SelectionReceipt } from '../../../shared/protocol.js';
import { KonsensError } from '../../errors.js';
import type { RoomChange } from '../../rooms/liveRoom.js';
import { newId } from '../../security/tokens.js';
import type { ActivitySnapshot } from '../../store/types.js';
import { LoggedRoom, type LoggedRoomDeps, type OpRequest } from '../loggedRoom.js';

const EVERYONE: readonly Role[] = ['facilitator', 'projector', 'participant'];
const LIVE: readonly Role[] = ['facilitator', 'projector'];

export class SelectionRoom extends LoggedRoom<SelectionConfig, SelectionPhase, SelectionState, SelectionOp, SelectionContext> {
  constructor(snapshot: ActivitySnapshot, deps: LoggedRoomDeps) {
    super(snapshot, deps, { kind: 'selection', configSchema: selectionConfigSchema, rules: SELECTION_OPS, transitions: SELECTION_TRANSITIONS, finalPhase: 'finalised' });
  }

  /** Read-only access for the exports (SE-10). */
  get selection(): SelectionState {
    return this.state;
  }

  protected context(): SelectionContext {
    return { phase: this.phase, organisationIds: this.organisations.map((o) => o.id), budget: this.config.budget };
  }

  audiences(change: RoomChange): readonly Role[] {
    return change === 'participants' ? LIVE : EVERYONE;
  }

  /** SE-5: while an organisation-unit vote is open, each organisation's tablets see its allocation. */
  override participantsByOrganisation(): boolean {
    return this.state.open !== null && this.state.votes.get(this.state.open)!.unit === 'organisation';
  }

  stateFor(role: Role, organisationId: string | null = null): SelectionRoleState {
    switch (role) {
      case 'facilitator':
        return facilitatorSelectionState(this.view(), this.state, this.participantCount);
      case 'projector':
        return projectorSelectionState(this.view(), this.state, this.participantCount);
      case 'participant':
        return participantSelectionState(this.view(), this.state, organisationId);
    }
  }

  /** SE-5: the points this participant's unit gave in the open vote, after a reload. */
  own(participantId: string): { points: Record<string, number> } {
    const participant = this.participant(participantId);
    const vote = this.state.open ? this.state.votes.get(this.state.open) : undefined;
    if (!participant || !vote) return { points: {} };
    return { points: unitAllocation(vote, pointsVoterOf(vote.unit, participant.organisationId, participantActor(participantId))) };
  }

  /** SE-2 … SE-9 for the facilitator. */
  async apply(actor: ActorKey, request: OpRequest<SelectionOp> | (() => OpRequest<SelectionOp>)): Promise<SelectionReceipt> {
    const { op, duplicate } = await this.applyOp(actor, request, 'content');
    const id = 'voteId' in op ? op.voteId : op.ideaId;
    return { opId: op.opId, id, duplicate };
  }

  /** SE-4, SE-5: a participant sets its unit's points for one idea; checked against the vote's limits, all or nothing. */
  async setPoints(participantId: string, request: { opId: string; voteId: string; ideaId: string; points: number }): Promise<PointsReceipt> {
    const participant = this.participant(participantId);
    if (!participant) throw new KonsensError('NOT_JOINED');
    const actor = participantActor(participantId);
    // The voting unit is the vote's, read inside the lock (a vote opened meanwhile counts with its own unit).
    const { op, duplicate } = await this.applyOp(
      actor,
      () => {
        const unit = this.state.votes.get(request.voteId)?.unit ?? 'organisation';
        return { type: 'points', ...request, voter: pointsVoterOf(unit, participant.organisationId, actor), organisationId: participant.organisationId };
      },
      'content',
    );
    // A resend answers what the first operation did; an opId this participant used for something else is a bad request.
    if (op.type !== 'points') throw new KonsensError('BAD_REQUEST', [{ path: 'opId', message: 'this opId was used for another operation' }]);
    const vote = this.state.votes.get(op.voteId)!;
    return {
      opId: op.opId,
      voteId: vote.id,
      ideaId: op.ideaId,
      points: op.points,
      used: used(vote, op.voter),
      allowance: vote.allowance,
      duplicate,
    };
  }

  static newId(): string {
    return newId();
  }

  /** SE-1, SE-6, SE-7: title, date, budget and the deciding rule; not once finalised. */
  update(patch: { title?: string | undefined; date?: string | null | undefined; budget?: number | null | undefined; rule?: 'greedy' | 'equalShares' | undefined }): Promise<SelectionView> {
    return this.updateConfig(patch as Partial<SelectionConfig>);
  }

  /** SE-1: finalising waits until no vote is open. */
  protected override phaseRefusal(phase: SelectionPhase): KonsensError | null {
    return phase === 'finalised' && this.state.open !== null ? new KonsensError('VOTE_OPEN') : null;
  }
}
