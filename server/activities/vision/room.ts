/**
 * A vision step's authoritative state (SPEC VI-1 … VI-9): statements, their
 * versions and consent rounds, as its operation log adds up to. The log
 * machinery is LoggedRoom's; this adds the vision's rules, views and receipts.
 */
import { participantActor, type ActorKey } from '../../../shared/activities/log.js';
import type { Role } from '../../../shared/domain/phases.js';
import { lastRound, VISION_RULES, VISION_TRANSITIONS, voterOf, type VisionContext, type VisionOp, type VisionState } from '../../../shared/activities/vision/rules.js';
import { visionConfigSchema, type VisionConfig, type VisionPhase } from '../../../shared/activities/vision/schemas.js';
import {
  facilitatorVisionState,
  participantVisionState,
  projectorVisionState,
  unitAnswers,
  type UnitAnswer,
  type VisionRoleState,
  type VisionView,
} from '../../../shared/activities/vision/views.js';
import type { StatementReceipt } from '../../../shared/protocol.js';
import { KonsensError } from '../../errors.js';
import type { RoomChange } from '../../rooms/liveRoom.js';
import { newId } from '../../security/tokens.js';
import type { ActivitySnapshot } from '../../store/types.js';
import { LoggedRoom, type LoggedRoomDeps, type OpRequest } from '../loggedRoom.js';

const EVERYONE: readonly Role[] = ['facilitator', 'projector', 'participant'];
const LIVE: readonly Role[] = ['facilitator', 'projector'];

export class VisionRoom extends LoggedRoom<VisionConfig, VisionPhase, VisionState, VisionOp, VisionContext> {
  constructor(snapshot: ActivitySnapshot, deps: LoggedRoomDeps) {
    super(snapshot, deps, { kind: 'vision', configSchema: visionConfigSchema, rules: VISION_RULES, transitions: VISION_TRANSITIONS, finalPhase: 'finalised' });
  }

  /** Read-only access for the process's report (VI-9). */
  get vision(): VisionState {
    return this.state;
  }

  protected context(): VisionContext {
    return { phase: this.phase, themeIds: this.config.themes.map((t) => t.themeId) };
  }

  audiences(change: RoomChange): readonly Role[] {
    return change === 'participants' ? LIVE : EVERYONE;
  }

  stateFor(role: Role, organisationId: string | null = null): VisionRoleState {
    switch (role) {
      case 'facilitator':
        return facilitatorVisionState(this.view(), this.state, this.participantCount);
      case 'projector':
        return projectorVisionState(this.view(), this.state, this.participantCount);
      case 'participant':
        return participantVisionState(this.view(), this.state, organisationId);
    }
  }

  /** VI-5: in organisation mode, while a check is open, each organisation's tablets see its answers. */
  override participantsByOrganisation(): boolean {
    return this.config.votingUnit === 'organisation' && this.state.checking !== null;
  }

  /** VI-5: the answers in open rounds this participant's tablet shows as chosen (its organisation's in organisation mode). */
  own(participantId: string): { consent: UnitAnswer[] } {
    const participant = this.participant(participantId);
    if (!participant) return { consent: [] };
    return { consent: unitAnswers(this.state, voterOf(this.config.votingUnit, participant.organisationId, participantActor(participantId))) };
  }

  /** VI-2 … VI-5. */
  async apply(actor: ActorKey, request: OpRequest<VisionOp> | (() => OpRequest<VisionOp>)): Promise<StatementReceipt> {
    const { op, duplicate } = await this.applyOp(actor, request, 'content');
    const statement = this.state.statements.get(op.statementId);
    return { opId: op.opId, statementId: op.statementId, version: statement ? statement.versions.length : 0, round: statement ? (lastRound(statement)?.round ?? null) : null, duplicate };
  }

  /** VI-5: a participant's answer counts for its voting unit. */
  answer(participantId: string, request: { opId: string; statementId: string; round: number; answer: 'consent' | 'concern' | 'objection'; text: string | null }): Promise<StatementReceipt> {
    const participant = this.participant(participantId);
    if (!participant) throw new KonsensError('NOT_JOINED');
    const actor = participantActor(participantId);
    // The unit is read inside the lock: a change of the voting unit cannot slip between.
    return this.apply(actor, () => ({ type: 'answer', ...request, organisationId: participant.organisationId, voter: voterOf(this.config.votingUnit, participant.organisationId, actor) }));
  }

  static newStatementId(): string {
    return newId();
  }

  /** VI-1: title, date and voting unit (the unit only before the first consent round). */
  update(patch: { title?: string | undefined; date?: string | null | undefined; votingUnit?: 'organisation' | 'person' | undefined }): Promise<VisionView> {
    return this.updateConfig(patch as Partial<VisionConfig>);
  }

  protected override configRefusal(patch: Partial<VisionConfig>): KonsensError | null {
    const ran = [...this.state.statements.values()].some((s) => s.rounds.length > 0);
    return patch.votingUnit !== undefined && patch.votingUnit !== this.config.votingUnit && ran
      ? new KonsensError('WRONG_PHASE', [{ path: 'votingUnit', message: 'the voting unit is fixed once a consent check has run' }])
      : null;
  }

  /** VI-4: finalising waits until no consent check is open. */
  protected override phaseRefusal(phase: VisionPhase): KonsensError | null {
    return phase === 'finalised' && this.state.checking !== null ? new KonsensError('CHECK_OPEN') : null;
  }
}
