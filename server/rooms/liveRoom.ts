/**
 * What every activity's room offers the live machinery (joining, roles,
 * pushes, links, deletion), whatever it runs inside: the Quick-Check (Room) or
 * a theme collection (CollectionRoom). The registry of activities
 * (server/activities/registry.ts) says which room a workshop gets.
 */
import type { Role } from '../../shared/domain/phases.js';
import type { StepKind } from '../../shared/process.js';
import type { AnyRoleState } from '../../shared/protocol.js';
import type { Organisation } from '../../shared/schemas.js';
import type { ParticipantRecord } from '../store/types.js';

/** What changed: answers (Quick-Check), participants, the workshop row, or a logged activity's contents. */
export type RoomChange = 'answers' | 'participants' | 'workshop' | 'content';

export interface JoinRequest {
  organisationId?: string | undefined;
  displayName?: string | undefined;
  resumeToken?: string | undefined;
}

export interface LiveRoom {
  readonly kind: StepKind;
  readonly id: string;
  readonly code: string;
  readonly processId: string | null;
  readonly phase: string;
  readonly title: string;
  readonly date: string | null;
  readonly organisations: readonly Organisation[];
  readonly finalisedAt: number | null;
  /** Which audiences a change concerns (B-1 … B-3). */
  audiences(change: RoomChange): readonly Role[];
  /** Participants' state differs by organisation now (a Quick-Check's revealed results, a vision's organisation answers): pushed per organisation. */
  participantsByOrganisation(): boolean;
  /** The whole state a connection of this role may see; participants' with their organisation. */
  stateFor(role: Role, organisationId?: string | null): AnyRoleState;
  /** J-1, J-2 */
  join(request: JoinRequest): Promise<{ participant: ParticipantRecord; resumeToken: string }>;
  verifyFacilitator(secret: string): boolean;
  setCoFacilitationLink(enabled: boolean): Promise<string | null>;
  /** PR-3: a roster change from the process (only in the lobby). */
  setOrganisations(organisations: Organisation[]): Promise<void>;
  markDeleted(deleted?: boolean): Promise<void>;
  forgetParticipantIdentifiers(participantIds: readonly string[]): Promise<void>;
}
