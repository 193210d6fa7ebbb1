/** The facilitator's connection and commands. */
import type { Decision } from '../../../shared/domain/consolidation';
import type { Phase } from '../../../shared/domain/phases';
import type { Tier } from '../../../shared/domain/tiering';
import type { CreatedWorkshop, WorkshopView } from '../../../shared/protocol';
import type { ProjectorView, WorkshopPatchInput } from '../../../shared/schemas';
import { call, connect, type CallResult } from './socket';

export function joinAsFacilitator(workshopId: string, secret: string): void {
  connect({ join: () => ({ role: 'facilitator', workshopId, secret }), onJoined: () => undefined });
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

export function duplicateWorkshop(): Promise<CallResult<CreatedWorkshop>> {
  return call<CreatedWorkshop>('workshop:duplicate', {});
}
