/**
 * Gathers what a selection's exports draw on (SPEC SE-10): the selection's
 * own state, its process's title and every vision step of the process in step
 * order (VI-9). Runs on the main thread; only reading, no rendering.
 */
import type { SelectionRoom } from '../../activities/selection/room.js';
import { VisionRoom } from '../../activities/vision/room.js';
import type { RoomRegistry } from '../../rooms/registry.js';
import type { WorkshopStore } from '../../store/types.js';
import { selectionExportOf, type SelectionExport, type VisionSource } from './model.js';

export interface ExportSources {
  store: WorkshopStore;
  rooms: RoomRegistry;
}

export async function selectionExportFor(room: SelectionRoom, { store, rooms }: ExportSources, now: number): Promise<SelectionExport> {
  const processId = room.processId;
  const process = processId ? await store.processes.processById(processId) : undefined;
  const steps = processId ? await store.processes.steps(processId) : [];
  const visions: VisionSource[] = [];
  for (const step of steps.filter((s) => s.kind === 'vision')) {
    const vision = await rooms.get(step.workshopId);
    if (vision instanceof VisionRoom) visions.push({ config: vision.config, phase: vision.phase, finalisedAt: vision.finalisedAt, state: vision.vision });
  }
  const selection = { config: room.config, phase: room.phase, finalisedAt: room.finalisedAt, state: room.selection };
  return selectionExportOf(selection, visions, process?.title ?? null, now);
}
