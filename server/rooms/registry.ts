/**
 * Loads each workshop's room from the store on first use and keeps it: after a
 * restart, a workshop comes back with its phase, participants and answers
 * when anyone asks for it (SPEC D-3).
 */
import type { CreatedWorkshop } from '../../shared/protocol.js';
import type { WorkshopStore } from '../store/types.js';
import { createWorkshop, nextRoundTitle } from './creation.js';
import { Room, type RoomDeps } from './room.js';

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room | undefined>>();

  constructor(private readonly deps: RoomDeps & { store: WorkshopStore }) {}

  get(workshopId: string): Promise<Room | undefined> {
    let room = this.rooms.get(workshopId);
    if (!room) {
      room = this.deps.store.loadWorkshop(workshopId).then((snapshot) => (snapshot ? new Room(snapshot, this.deps) : undefined));
      // A failed or empty load is not cached: the next request asks the store again.
      room.then(
        (r) => r ?? this.rooms.delete(workshopId),
        () => this.rooms.delete(workshopId),
      );
      this.rooms.set(workshopId, room);
    }
    return room;
  }

  async byCode(code: string): Promise<Room | undefined> {
    const id = await this.deps.store.findWorkshopIdByCode(code);
    return id ? this.get(id) : undefined;
  }

  /** SPEC P-7: a new round with the same setup, in the lobby; the original stays as it is. */
  async duplicate(room: Room): Promise<CreatedWorkshop> {
    const config = { ...room.config, title: nextRoundTitle(room.config.title) };
    const processId = room.processId;
    // PR-5: the next round is the process's next step.
    const position = processId ? await this.deps.store.processes.nextPosition(processId) : 1;
    return createWorkshop(this.deps.store, config, this.deps.now(), { processId, kind: 'quickcheck', position });
  }

  /**
   * Delete a workshop: refuse further work in its room, let answers already
   * accepted commit, then delete it from the store and forget the room.
   */
  async delete(workshopId: string): Promise<void> {
    const room = await this.get(workshopId);
    await room?.markDeleted();
    try {
      await this.deps.writer.settle();
      await this.deps.store.deleteWorkshop(workshopId);
    } catch (error) {
      await room?.markDeleted(false);
      throw error;
    }
    this.rooms.delete(workshopId);
  }

  /** SPEC V-5: forget participant identifiers of workshops unchanged since the cut-off, in the store and in memory. */
  async forgetParticipantIdentifiers(changedBefore: number): Promise<number> {
    const forgotten = await this.deps.store.forgetParticipantIdentifiers(changedBefore);
    for (const [workshopId, participantIds] of forgotten) {
      const loaded = this.rooms.get(workshopId);
      if (loaded) await (await loaded)?.forgetParticipantIdentifiers(participantIds);
    }
    return forgotten.size;
  }
}
