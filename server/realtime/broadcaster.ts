/**
 * Coalesced state pushes, per workshop and audience (SPEC B-1 … B-4): the
 * facilitator and the projector at most once per `liveIntervalMs` (leading
 * edge first, so that a single vote shows at once), participants at most once
 * per `participantIntervalMs`. Each push is one emit to a Socket.IO room, so the
 * payload is serialised once for the whole audience.
 */
import type { Role } from '../../shared/domain/phases.js';
import type { LiveRoom, RoomChange } from '../rooms/liveRoom.js';
import { Throttle } from './throttle.js';

export interface BroadcastTiming {
  liveIntervalMs: number;
  participantIntervalMs: number;
}

export type Emit = (room: LiveRoom, role: Role) => void;

/** The Socket.IO room of an audience; participants are also in one room per organisation. */
export function audienceRoom(workshopId: string, role: Role, organisationId?: string): string {
  return organisationId ? `${workshopId}:${role}:${organisationId}` : `${workshopId}:${role}`;
}

/** The Socket.IO room of one participant's connections (a tablet may have several), e.g. to tell them they were moved (SPEC J-5). */
export function participantRoom(workshopId: string, participantId: string): string {
  return `${workshopId}:p:${participantId}`;
}

type Audiences = Record<Role, Throttle>;

export class Broadcaster {
  private readonly audiences = new Map<string, Audiences>();
  private readonly deleted = new Set<string>();

  constructor(
    private readonly timing: BroadcastTiming,
    private readonly emit: Emit,
  ) {}

  changed(room: LiveRoom, change: RoomChange): void {
    if (this.deleted.has(room.id)) return;
    const audiences = this.audiencesOf(room);
    for (const role of room.audiences(change)) audiences[role].request();
  }

  /** A deleted workshop: no more pushes. */
  forget(workshopId: string): void {
    const audiences = this.audiences.get(workshopId);
    if (audiences) for (const t of Object.values(audiences)) t.cancel();
    this.audiences.delete(workshopId);
    this.deleted.add(workshopId);
  }

  close(): void {
    for (const audiences of this.audiences.values()) for (const t of Object.values(audiences)) t.cancel();
    this.audiences.clear();
  }

  private audiencesOf(room: LiveRoom): Audiences {
    let audiences = this.audiences.get(room.id);
    if (!audiences) {
      const throttle = (role: Role, ms: number) => new Throttle(ms, () => this.emit(room, role));
      audiences = {
        facilitator: throttle('facilitator', this.timing.liveIntervalMs),
        projector: throttle('projector', this.timing.liveIntervalMs),
        participant: throttle('participant', this.timing.participantIntervalMs),
      };
      this.audiences.set(room.id, audiences);
    }
    return audiences;
  }
}
