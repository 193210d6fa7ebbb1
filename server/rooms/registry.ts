/**
 * Loads each workshop's room from the store on first use and keeps it: after a
 * restart, a workshop comes back with its phase, participants and answers
 * when anyone asks for it (SPEC D-3).
 */
import type { WorkshopStore } from '../store/types.js';
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

  /** Rooms currently in memory (not every workshop in the store). */
  async loaded(): Promise<Room[]> {
    const rooms = await Promise.all(this.rooms.values());
    return rooms.filter((r): r is Room => r !== undefined);
  }
}
