/** A new theme collection as a step of a process (SPEC TC-1, PR-5): fresh id and code, no link (AC-8), in the lobby. */
import type { CollectionConfig } from '../../../shared/activities/collection/schemas.js';
import type { CreatedWorkshop } from '../../../shared/protocol.js';
import { withFreshCode } from '../../rooms/creation.js';
import { newId, newJoinCode } from '../../security/tokens.js';
import type { CollectionRecord, WorkshopStore } from '../../store/types.js';

export async function createCollection(store: WorkshopStore, config: CollectionConfig, now: number, placement: { processId: string; position: number }): Promise<CreatedWorkshop> {
  const record: CollectionRecord = {
    id: newId(),
    code: newJoinCode(),
    secretHash: '',
    processId: placement.processId,
    position: placement.position,
    config,
    phase: 'lobby',
    revision: 1,
    createdAt: now,
    updatedAt: now,
    finalisedAt: null,
  };
  const stored = await withFreshCode(record, (r) => store.createCollection(r));
  return {
    workshopId: stored.id,
    processId: stored.processId,
    code: stored.code,
    facilitatorPath: `/moderation/${stored.id}`,
    joinPath: `/join/${stored.code}`,
    projectorPath: `/projector/${stored.code}`,
  };
}
