/**
 * The registry of live activities: for each kind of step, how its room is
 * loaded and which socket events it adds. The machinery (joining, roles,
 * phases, pushes, links, deletion) is the same for all; adding an activity
 * adds an entry here, its module under server/activities/<kind>/, its rules
 * under shared/activities/<kind>/ and its views under client/src/views/.
 */
import type { StepKind } from '../../shared/process.js';
import { answerHandlers } from '../realtime/answerHandlers.js';
import { facilitationHandlers } from '../realtime/facilitationHandlers.js';
import { participantHandlers } from '../realtime/participantHandlers.js';
import type { Handler } from '../realtime/handler.js';
import type { LiveRoom } from '../rooms/liveRoom.js';
import { Room, type RoomDeps } from '../rooms/room.js';
import { collectionHandlers } from './collection/handlers.js';
import { CollectionRoom } from './collection/room.js';
import { DeepDiveRoom } from './deepdive/room.js';
import { selectionHandlers } from './selection/handlers.js';
import { SelectionRoom } from './selection/room.js';
import { visionHandlers } from './vision/handlers.js';
import { VisionRoom } from './vision/room.js';

export interface Activity {
  load(id: string, deps: RoomDeps): Promise<LiveRoom | undefined>;
  handlers: readonly Handler[];
}

export const ACTIVITIES: Readonly<Record<StepKind, Activity>> = {
  quickcheck: {
    load: async (id, deps) => {
      const snapshot = await deps.store.loadWorkshop(id);
      return snapshot && new Room(snapshot, deps);
    },
    handlers: [...answerHandlers, ...facilitationHandlers, ...participantHandlers],
  },
  collection: {
    load: async (id, deps) => {
      const snapshot = await deps.store.loadActivity(id, 'collection');
      return snapshot && new CollectionRoom(snapshot, deps);
    },
    handlers: collectionHandlers,
  },
  vision: {
    load: async (id, deps) => {
      const snapshot = await deps.store.loadActivity(id, 'vision');
      return snapshot && new VisionRoom(snapshot, deps);
    },
    handlers: visionHandlers,
  },
  deepdive: {
    load: async (id, deps) => {
      const snapshot = await deps.store.loadActivity(id, 'deepdive');
      return snapshot && new DeepDiveRoom(snapshot, deps);
    },
    // A deep-dive's ideas are proposals: the collection's events serve both (DD-4).
    handlers: [],
  },
  selection: {
    load: async (id, deps) => {
      const snapshot = await deps.store.loadActivity(id, 'selection');
      return snapshot && new SelectionRoom(snapshot, deps);
    },
    handlers: selectionHandlers,
  },
};
