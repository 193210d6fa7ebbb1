/**
 * What a socket event handler declares: who may call it, the schema of its
 * payload, and what it does. The transport enforces the first two before the
 * third runs, for every event alike (SPEC S-1).
 */
import type { z } from 'zod';
import type { Actor } from '../../shared/accounts.js';
import type { Role } from '../../shared/domain/phases.js';
import type { AccountService } from '../accounts/service.js';
import type { WorkshopStore } from '../store/types.js';
import type { Ack, AckCallback, ClientEventName, ClientToServerEvents } from '../../shared/protocol.js';
import type { Room } from '../rooms/room.js';
import type { LiveRoom } from '../rooms/liveRoom.js';
import type { CollectionRoom } from '../activities/collection/room.js';
import type { VisionRoom } from '../activities/vision/room.js';
import type { SelectionRoom } from '../activities/selection/room.js';
import type { CollectionConfig } from '../../shared/activities/collection/schemas.js';
import type { DeepDiveConfig } from '../../shared/activities/deepdive/schemas.js';
import type { StepKind } from '../../shared/process.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { Namespace } from 'socket.io';
import type { Cluster } from '../cluster/cluster.js';
import type { AttemptLimiter } from '../security/rateLimit.js';
import type { MetricsSink } from '../metrics.js';
import type { JsonText } from './jsonEncoder.js';

/** 'guest' is a connection that has not joined a workshop yet. */
export type Caller = 'guest' | Role;

export interface SocketSession {
  workshopId: string;
  role: Role;
  participantId?: string;
  organisationId?: string;
  /** The facilitator behind the connection (AC-9): an account, or a co-facilitation link. */
  actor?: Actor;
}

export interface SocketData {
  session?: SocketSession;
  joining?: boolean;
}

export interface RateLimits {
  /** Events a socket may send at once … */
  eventBurst: number;
  /** … and per second after that (SPEC S-5). */
  eventsPerSecond: number;
  /** Failed joins (unknown code, wrong secret, bad token) per address at once … */
  joinFailureBurst: number;
  /** … and per minute after that (SPEC S-6). */
  joinFailuresPerMinute: number;
}

export interface RealtimeDeps {
  rooms: RoomRegistry;
  store: WorkshopStore;
  accounts: AccountService;
  joinFailures: AttemptLimiter;
  limits: RateLimits;
  trustProxy: boolean;
  /** Tell everyone in a deleted workshop and close their connections. */
  onDeleted: (workshopId: string) => void;
  /** Events, refusals and acknowledgement times for the operator (H-8). */
  metrics: MetricsSink;
  /** Several nodes (REDIS_URL): who owns which workshop, and calls to the owner; null on one node. */
  cluster: Cluster | null;
}

/** The activity an event belongs to, or the activities that share it (theme collection and deep-dive), or 'any' (joining, resync, deleting). */
export type HandlerActivity = StepKind | readonly StepKind[] | 'any';

type RoomOfKind<K> = K extends 'quickcheck' ? Room : K extends 'collection' | 'deepdive' ? CollectionRoom<CollectionConfig | DeepDiveConfig> : K extends 'vision' ? VisionRoom : K extends 'selection' ? SelectionRoom : LiveRoom;
type RoomOf<A extends HandlerActivity> = A extends readonly (infer K)[] ? RoomOfKind<K> : RoomOfKind<A>;

/**
 * The connection an event came from, as handlers see it: a Socket.IO socket on this node, or one on
 * another node whose event the workshop's owner runs (transport.ts, relay). Everything a handler
 * does to it works on either: its session, the socket rooms it joins (applied where the connection
 * is), the handshake's headers and address, and the namespace (broadcasts reach every node).
 */
export interface CallerSocket {
  data: SocketData;
  join(rooms: string | string[]): unknown;
  handshake: { headers: IncomingHttpHeaders; address: string };
  nsp: Pick<Namespace, 'in' | 'to'>;
}

/** A connection's event on another node, for the workshop's owner (server/cluster). */
export interface RelayedEvent {
  kind: 'event';
  event: ClientEventName;
  payload: unknown;
  session: SocketSession | null;
  headers: IncomingHttpHeaders;
  address: string;
}

/** What the owner answers: the acknowledgement, and the session and socket rooms for the connection. */
export interface RelayedReply {
  ack: Ack<unknown>;
  session: SocketSession | null;
  rooms: string[];
}

export interface HandlerContext<R extends LiveRoom = LiveRoom> {
  socket: CallerSocket;
  deps: RealtimeDeps;
  /** Set for every caller but 'guest'. */
  session: SocketSession | undefined;
  /** The caller's workshop; set for every caller but 'guest'. */
  room: R | undefined;
}

export type AckData<E extends ClientEventName> =
  Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

export interface Handler {
  event: ClientEventName;
  callers: readonly Caller[];
  /** The transport refuses the event in a workshop of another activity (WRONG_ACTIVITY, S-1). */
  activity: HandlerActivity;
  schema: z.ZodType;
  /** A quicker check of the common payload, never wider than the schema: undefined hands it to the schema (issue 17). */
  fast?: (payload: unknown) => unknown;
  run(ctx: HandlerContext, payload: unknown): Promise<unknown>;
}

export function defineHandler<E extends ClientEventName, S extends z.ZodType, A extends HandlerActivity>(
  event: E,
  definition: {
    callers: readonly Caller[];
    activity: A;
    schema: S;
    fast?: (payload: unknown) => z.output<S> | undefined;
    /** The acknowledgement's data, or its JSON text already written (JsonText, for the hottest paths). */
    run(ctx: HandlerContext<RoomOf<A>>, payload: z.output<S>): Promise<AckData<E> | JsonText<AckData<E>>>;
  },
): Handler {
  return { event, ...definition, run: (ctx, payload) => definition.run(ctx as HandlerContext<RoomOf<A>>, payload as z.output<S>) };
}
