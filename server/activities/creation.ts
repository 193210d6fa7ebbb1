/** A new logged activity as a step of a process (SPEC TC-1, VI-1, DD-1, PR-5): fresh id and code, no link (AC-8), in the lobby. */
import type { StepKind } from '../../shared/process.js';
import type { CreatedWorkshop } from '../../shared/protocol.js';
import { withFreshCode } from '../rooms/creation.js';
import { newId, newJoinCode } from '../security/tokens.js';
import type { ActivityRecord, WorkshopStore } from '../store/types.js';

export async function createActivityStep(store: WorkshopStore, kind: StepKind, config: unknown, now: number, placement: { processId: string; position: number }): Promise<CreatedWorkshop> {
  const record: ActivityRecord = {
    id: newId(),
    code: newJoinCode(),
    secretHash: '',
    processId: placement.processId,
    position: placement.position,
    kind,
    config,
    phase: 'lobby',
    revision: 1,
    createdAt: now,
    updatedAt: now,
    finalisedAt: null,
  };
  const stored = await withFreshCode(record, (r) => store.createActivity(r));
  return {
    workshopId: stored.id,
    processId: stored.processId,
    code: stored.code,
    facilitatorPath: `/moderation/${stored.id}`,
    joinPath: `/join/${stored.code}`,
    projectorPath: `/projector/${stored.code}`,
  };
}
