/** The facilitator's connection and commands. */
import type { Phase } from '../../../shared/domain/phases';
import type { WorkshopView } from '../../../shared/protocol';
import type { WorkshopPatchInput } from '../../../shared/schemas';
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
