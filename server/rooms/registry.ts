/**
 * Loads each workshop's room from the store on first use and keeps it: after a
 * restart, a workshop comes back with its phase, participants and answers
 * when anyone asks for it (SPEC D-3).
 */
import type { CreatedWorkshop } from '../../shared/protocol.js';
import { ACTIVITIES } from '../activities/registry.js';
import { CollectionRoom } from '../activities/collection/room.js';
import type { WorkshopStore } from '../store/types.js';
import { createWorkshop, nextRoundTitle } from './creation.js';
import type { LiveRoom } from './liveRoom.js';
import { Room, type RoomDeps } from './room.js';

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<LiveRoom | undefined>>();
  /** Join code → workshop id, for rooms found by their code. */
  private readonly codes = new Map<string, string>();

  constructor(private readonly deps: RoomDeps & { store: WorkshopStore }) {}

  /** The workshop's room, of whichever activity it runs (server/activities/registry.ts). */
  get(workshopId: string): Promise<LiveRoom | undefined> {
    let room = this.rooms.get(workshopId);
    if (!room) {
      room = this.deps.store.kindOf(workshopId).then((kind) => (kind ? ACTIVITIES[kind].load(workshopId, this.deps) : undefined));
      // A failed or empty load is not cached: the next request asks the store again.
      room.then(
        (r) => r ?? this.rooms.delete(workshopId),
        () => this.rooms.delete(workshopId),
      );
      this.rooms.set(workshopId, room);
    }
    return room;
  }

  /**
   * The room of a join code. Codes of loaded rooms are remembered, so that a
   * room full of tablets joining at once does not ask the database each time;
   * a remembered code is checked against its room (a deleted workshop's code
   * may be given to a new one).
   */
  async byCode(code: string): Promise<LiveRoom | undefined> {
    const known = this.codes.get(code);
    if (known) {
      const room = await this.get(known);
      if (room?.code === code) return room;
      this.codes.delete(code);
    }
    const id = await this.deps.store.findWorkshopIdByCode(code);
    const room = id ? await this.get(id) : undefined;
    if (room && id) this.codes.set(code, id);
    return room;
  }

  /** The workshop's room if it runs a Quick-Check. */
  async quickCheck(workshopId: string): Promise<Room | undefined> {
    const room = await this.get(workshopId);
    return room instanceof Room ? room : undefined;
  }

  /** The workshop's room if it runs a theme collection. */
  async collection(workshopId: string): Promise<CollectionRoom | undefined> {
    const room = await this.get(workshopId);
    return room instanceof CollectionRoom ? room : undefined;
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
    if (room) this.codes.delete(room.code);
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
