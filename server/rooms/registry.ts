/**
 * Loads each workshop's room from the store on first use and keeps it: after a
 * restart, a workshop comes back with its phase, participants and answers
 * when anyone asks for it (SPEC D-3).
 */
import type { CreatedWorkshop } from '../../shared/protocol.js';
import { ACTIVITIES } from '../activities/registry.js';
import { CollectionRoom } from '../activities/collection/room.js';
import type { WorkshopStore } from '../store/types.js';
import type { ErrorCode, ErrorDetail } from '../../shared/protocol.js';
import type { Organisation } from '../../shared/schemas.js';
import { ClusterCallFailed, NotOwner, type Cluster } from '../cluster/cluster.js';
import { log } from '../log.js';
import { KonsensError } from '../errors.js';
import { createWorkshop, nextRoundTitle } from './creation.js';
import type { LiveRoom } from './liveRoom.js';
import { Room, type RoomDeps } from './room.js';

/**
 * A change of a room that the HTTP side asks for: on several nodes it runs where
 * the room lives (`onOwner`), so that the owner's room and the database agree.
 */
export type RoomOp =
  | { name: 'link'; enabled: boolean }
  | { name: 'organisations'; organisations: Organisation[] }
  | { name: 'delete' }
  | { name: 'forget'; participantIds: string[] };

/** A room operation from another node, and what comes back (KonsensError as its code and details). */
export interface RelayedRoomOp {
  kind: 'room';
  workshopId: string;
  op: RoomOp;
}
export type RoomOpReply = { ok: true; value: unknown } | { ok: false; code: ErrorCode; details?: ErrorDetail[] };

/** How long a read copy of another node's room serves (HTTP reads only; changes go to the owner). */
const READ_COPY_MS = 2000;
/** How long a join code's workshop is remembered (idOfCode). */
const CODE_MS = 5000;

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<LiveRoom | undefined>>();
  /** The rooms of `rooms` that have finished loading (loadedHere). */
  private readonly loaded = new Map<string, LiveRoom>();
  private readonly cluster: Cluster | null;
  /** Join code → workshop id, with when it was looked up (idOfCode). */
  private readonly codeIds = new Map<string, { id: string; at: number }>();
  /** Read copies of other nodes' rooms (readCopy), with when they were read. */
  private readonly copies = new Map<string, { room: Promise<LiveRoom | undefined>; at: number }>();

  constructor(private readonly deps: RoomDeps & { store: WorkshopStore; cluster?: Cluster | null }) {
    this.cluster = deps.cluster ?? null;
    // Another node has the workshop now: this node's room would go stale.
    if (this.cluster) this.cluster.onLost = (workshopId) => this.forget(workshopId);
  }

  /**
   * The workshop's room if it is loaded and this node runs it — on one node only (on several, each
   * event asks who owns the workshop: get()). An event's usual path: no wait for a lookup (issue 17).
   */
  loadedHere(workshopId: string): LiveRoom | undefined {
    return this.cluster ? undefined : this.loaded.get(workshopId);
  }

  /**
   * The workshop's room, of whichever activity it runs (server/activities/registry.ts). On several
   * nodes: the live room where this node owns the workshop (taking it over when nobody alive does);
   * otherwise a copy read afresh from the database, for reading only — changes go through `onOwner`.
   */
  async get(workshopId: string): Promise<LiveRoom | undefined> {
    if (this.cluster && !(await this.exists(workshopId))) return undefined;
    if (this.cluster && (await this.cluster.ownerOf(workshopId)) !== this.cluster.nodeId) {
      // Another node took the workshop over: this node's room is out of date.
      this.forget(workshopId);
      return this.readCopy(workshopId);
    }
    return this.local(workshopId);
  }

  /** Whether the workshop exists (loaded here, or in the database): nothing is claimed for an id made up. */
  async exists(workshopId: string): Promise<boolean> {
    return this.rooms.has(workshopId) || (await this.deps.store.kindOf(workshopId)) !== undefined;
  }

  /**
   * The workshop of a join code, without loading its room: remembered for a few seconds (a room of
   * tablets joining at once asks once; a deleted workshop's code given to a new one is found soon).
   */
  async idOfCode(code: string): Promise<string | undefined> {
    const known = this.codeIds.get(code);
    if (known && performance.now() - known.at < CODE_MS) return known.id;
    const id = await this.deps.store.findWorkshopIdByCode(code);
    if (id) this.codeIds.set(code, { id, at: performance.now() });
    else this.codeIds.delete(code);
    if (this.codeIds.size > 10_000) this.codeIds.clear();
    return id;
  }

  /** Runs a change of the room where it lives: here, or on the node that owns the workshop. */
  async onOwner(workshopId: string, op: RoomOp): Promise<unknown> {
    if (!this.cluster) return this.apply(workshopId, op);
    try {
      return await this.onOwnerNode(workshopId, op);
    } finally {
      // This node's read copy is out of date after the change (other nodes' copies after READ_COPY_MS at the latest).
      this.copies.delete(workshopId);
    }
  }

  private async onOwnerNode(workshopId: string, op: RoomOp): Promise<unknown> {
    const cluster = this.cluster!;
    for (let attempt = 0; ; attempt++) {
      const owner = await cluster.ownerOf(workshopId);
      if (owner === cluster.nodeId) return this.apply(workshopId, op);
      try {
        const reply = await cluster.call<RoomOpReply>(owner, { kind: 'room', workshopId, op } satisfies RelayedRoomOp);
        if (!reply.ok) throw new KonsensError(reply.code, reply.details);
        return reply.value;
      } catch (error) {
        // Again only where nothing ran (the node is gone or no longer the owner), never after a timeout.
        if (!(error instanceof ClusterCallFailed) || !error.retryable || attempt > 0) throw error;
        cluster.forgetOwner(workshopId);
      }
    }
  }

  /** A room operation another node sent (onOwner there). */
  async runRelayed(request: RelayedRoomOp): Promise<RoomOpReply> {
    // Not passed on again: the asking node tries once more with the owner found afresh.
    if (!(await this.cluster?.stillOwns(request.workshopId))) throw new NotOwner();
    try {
      return { ok: true, value: (await this.apply(request.workshopId, request.op)) ?? null };
    } catch (error) {
      if (error instanceof KonsensError) return { ok: false, code: error.code, ...(error.details ? { details: error.details } : {}) };
      throw error;
    }
  }

  private async apply(workshopId: string, op: RoomOp): Promise<unknown> {
    switch (op.name) {
      case 'link':
        return (await this.local(workshopId))?.setCoFacilitationLink(op.enabled) ?? null;
      case 'organisations':
        return (await this.local(workshopId))?.setOrganisations(op.organisations);
      case 'delete':
        return this.deleteHere(workshopId);
      case 'forget': {
        const loaded = this.rooms.get(workshopId);
        if (loaded) await (await loaded)?.forgetParticipantIdentifiers(op.participantIds);
        return null;
      }
    }
  }

  /**
   * Another node's room, read from the database for this node's HTTP reads (public info, exports,
   * a process's steps) and kept for a moment: a room full of tablets opening the join page at once
   * reads it once, not once each.
   */
  private readCopy(workshopId: string): Promise<LiveRoom | undefined> {
    const kept = this.copies.get(workshopId);
    if (kept && performance.now() - kept.at < READ_COPY_MS) return kept.room;
    const room = this.deps.store.kindOf(workshopId).then((kind) => (kind ? ACTIVITIES[kind].load(workshopId, { ...this.deps, onChange: () => undefined }) : undefined));
    this.copies.set(workshopId, { room, at: performance.now() });
    room.catch(() => this.copies.delete(workshopId));
    if (this.copies.size > 1000) for (const [id, copy] of this.copies) if (performance.now() - copy.at >= READ_COPY_MS) this.copies.delete(id);
    return room;
  }

  /** The room is no longer this node's to run (deleted, or taken over by another node). */
  private forget(workshopId: string): void {
    this.rooms.delete(workshopId);
    this.loaded.delete(workshopId);
  }

  private local(workshopId: string): Promise<LiveRoom | undefined> {
    let room = this.rooms.get(workshopId);
    if (!room) {
      room = this.deps.store.kindOf(workshopId).then((kind) => (kind ? ACTIVITIES[kind].load(workshopId, this.deps) : undefined));
      // A failed or empty load is not cached: the next request asks the store again.
      const loading = room;
      loading.then(
        (r) => {
          if (this.rooms.get(workshopId) !== loading) return;
          if (r) this.loaded.set(workshopId, r);
          else this.rooms.delete(workshopId);
        },
        () => {
          if (this.rooms.get(workshopId) === loading) this.rooms.delete(workshopId);
        },
      );
      this.rooms.set(workshopId, room);
    }
    return room;
  }

  /**
   * The room of a join code. Codes are remembered (idOfCode), so that a room
   * full of tablets joining at once does not ask the database each time; a
   * remembered code is checked against its room (a deleted workshop's code
   * may be given to a new one).
   */
  async byCode(code: string): Promise<LiveRoom | undefined> {
    const id = await this.idOfCode(code);
    const room = id ? await this.get(id) : undefined;
    if (!id || room?.code === code) return room;
    // The remembered workshop is gone or has another code now: ask the database.
    this.codeIds.delete(code);
    const current = await this.idOfCode(code);
    return current ? this.get(current) : undefined;
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
    await this.onOwner(workshopId, { name: 'delete' });
  }

  private async deleteHere(workshopId: string): Promise<void> {
    const room = await this.local(workshopId);
    await room?.markDeleted();
    try {
      await this.deps.writer.settle();
      await this.deps.store.deleteWorkshop(workshopId);
    } catch (error) {
      await room?.markDeleted(false);
      throw error;
    }
    this.forget(workshopId);
    if (room) this.codeIds.delete(room.code);
    await this.cluster?.release(workshopId);
  }

  /** SPEC V-5: forget participant identifiers of workshops unchanged since the cut-off, in the store and in memory. */
  async forgetParticipantIdentifiers(changedBefore: number): Promise<number> {
    const forgotten = await this.deps.store.forgetParticipantIdentifiers(changedBefore);
    for (const [workshopId, participantIds] of forgotten) {
      try {
        // A workshop no live node has loaded is only in the database, where it is forgotten already.
        if (this.cluster && !(await this.cluster.liveOwner(workshopId))) continue;
        await this.onOwner(workshopId, { name: 'forget', participantIds });
      } catch (error) {
        // The others still get theirs; this one's names go with its next load.
        log.warn({ workshop: workshopId, message: error instanceof Error ? error.message : String(error) }, 'retention: a live room could not be told');
      }
    }
    return forgotten.size;
  }
}
