/** The facilitator's connection and commands. */
import type { Decision } from '../../../shared/domain/consolidation';
import type { Phase } from '../../../shared/domain/phases';
import type { Tier } from '../../../shared/domain/tiering';
import type { CreatedWorkshop, ParticipantEntry, WorkshopView } from '../../../shared/protocol';
import type { ProjectorView, WorkshopPatchInput } from '../../../shared/schemas';
import { useStore } from '../store';
import { call, connect, type CallResult } from './socket';

/** How the console got in: the facilitator's own sign-in (cookie), or a co-facilitation link (SPEC AC-7, AC-8). */
export type FacilitatorAccess = { via: 'account' } | { via: 'link'; secret: string };

const secretKey = (workshopId: string) => `konsens.facilitator.${workshopId}`;

function rememberedSecret(workshopId: string): string | null {
  try {
    return localStorage.getItem(secretKey(workshopId));
  } catch {
    return null;
  }
}

function remember(workshopId: string, secret: string | null): void {
  try {
    if (secret) localStorage.setItem(secretKey(workshopId), secret);
    else localStorage.removeItem(secretKey(workshopId));
  } catch {
    // Private mode without storage: the link works for this page only.
  }
}

export interface FacilitatorJoinOptions {
  /** The secret of the co-facilitation link just opened, if any. */
  linkSecret: string | null;
  /** After every successful join: which way the console got in. */
  onAccess: (access: FacilitatorAccess) => void;
  /** A link remembered on this device was tried and no longer works (it has been forgotten). */
  onStaleLink?: () => void;
}

/**
 * Join as the workshop's facilitator. A link just opened is used (and
 * remembered on this device, as the link's holder has no other way back in).
 * Otherwise the sign-in cookie goes first, so that a link remembered from
 * earlier cannot shadow a signed-in facilitator; the remembered link is only
 * tried when the cookie does not get in. A link the server no longer knows
 * (replaced or revoked) is forgotten.
 */
export function joinAsFacilitator(workshopId: string, { linkSecret, onAccess, onStaleLink }: FacilitatorJoinOptions): void {
  if (linkSecret) remember(workshopId, linkSecret);
  let secret = linkSecret;
  let fallback = linkSecret ? null : rememberedSecret(workshopId);
  /** Why the cookie did not get in, while the remembered link is being tried. */
  let cookieRefusal: 'NOT_SIGNED_IN' | 'FORBIDDEN' | null = null;

  const open = () =>
    connect({
      join: () => (secret ? { role: 'facilitator', workshopId, secret } : { role: 'facilitator', workshopId }),
      onJoined: () => {
        cookieRefusal = null;
        onAccess(secret ? { via: 'link', secret } : { via: 'account' });
      },
      onRefused: (code) => {
        if (!secret && fallback && (code === 'NOT_SIGNED_IN' || code === 'FORBIDDEN')) {
          cookieRefusal = code;
          secret = fallback;
          fallback = null;
          open();
          return true;
        }
        if (secret && code === 'UNAUTHORISED') {
          remember(workshopId, null);
          secret = null;
          if (cookieRefusal) {
            // The remembered link was the second try: the cookie's refusal is what to do about it.
            useStore.getState().setProblem(cookieRefusal);
            onStaleLink?.();
            return true;
          }
        }
        return false;
      },
    });
  open();
}

export function updateWorkshop(patch: WorkshopPatchInput): Promise<CallResult<WorkshopView>> {
  return call<WorkshopView>('workshop:update', patch);
}

export function setPhase(phase: Phase): Promise<CallResult<WorkshopView>> {
  return call<WorkshopView>('phase:set', { phase });
}

export function deleteWorkshop(): Promise<CallResult<{ deleted: true }>> {
  return call<{ deleted: true }>('workshop:delete', {});
}

export function moveTheme(themeId: string, tier: Tier, reason: string): Promise<CallResult<Decision>> {
  return call<Decision>('consolidation:move', { themeId, tier, reason });
}

export function showOnProjector(view: ProjectorView): Promise<CallResult<WorkshopView>> {
  return call<WorkshopView>('projector:show', { view });
}

/** SPEC J-5, J-6: the workshop's tablets, to move or remove one. */
export function listParticipants(): Promise<CallResult<{ participants: ParticipantEntry[] }>> {
  return call<{ participants: ParticipantEntry[] }>('participant:list', {});
}

export function moveParticipant(participantId: string, organisationId: string): Promise<CallResult<ParticipantEntry>> {
  return call<ParticipantEntry>('participant:move', { participantId, organisationId });
}

export function removeParticipant(participantId: string): Promise<CallResult<{ participantId: string; removed: true }>> {
  return call<{ participantId: string; removed: true }>('participant:remove', { participantId });
}

export function duplicateWorkshop(): Promise<CallResult<CreatedWorkshop>> {
  return call<CreatedWorkshop>('workshop:duplicate', {});
}
