/**
 * The server factory: everything is built from its dependencies, so tests start
 * it on port 0 with a fresh database file and connect real clients.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Server } from 'socket.io';
import type { AnyRoleState, ClientToServerEvents, ServerToClientEvents } from '../shared/protocol.js';
import type { Role } from '../shared/domain/phases.js';
import { Renderer } from './export/renderer.js';
import { Importer } from './imports/importer.js';
import { Metrics, noMetrics } from './metrics.js';
import { logError } from './log.js';
import { apiRouter, clientRoutes, type HttpDeps } from './http/routes.js';
import { AccountService, defaultAccountPolicy, type AccountPolicy } from './accounts/service.js';
import { OidcSignIn, type OidcConfig } from './accounts/oidc.js';
import { ProcessService } from './processes/service.js';
import { linkRoom, sessionRoom } from './realtime/joinHandlers.js';
import { AnswerWriter } from './rooms/answerWriter.js';
import { RoomRegistry } from './rooms/registry.js';
import { audienceRoom, Broadcaster, type BroadcastTiming } from './realtime/broadcaster.js';
import { jsonParser } from './realtime/jsonEncoder.js';
import type { RealtimeDeps, RelayedEvent, SocketData } from './realtime/handler.js';
import { attachRealtime, runRelayed } from './realtime/transport.js';
import type { Cluster } from './cluster/cluster.js';
import type { RelayedRoomOp } from './rooms/registry.js';
import type { WorkshopStore } from './store/types.js';
import { securityHeaders } from './http/securityHeaders.js';
import { originAllowed, type OriginPolicy } from './security/origin.js';
import { FailureLimiter, type AttemptLimiter } from './security/rateLimit.js';
import { sharedLimiter } from './security/sharedLimiter.js';
import type { RateLimits } from './realtime/handler.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface AppConfig extends BroadcastTiming, RateLimits {
  /** Directory of the built client; null serves the API only. */
  clientDir: string | null;
  /** Largest Socket.IO message accepted, in bytes. */
  maxMessageBytes: number;
  /** Days after a workshop's last change (configuration or phase) when participant names and resume tokens are removed; null keeps them. */
  retentionDays: number | null;
  /** Key rate limits by X-Forwarded-For (behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** Browser origins besides the server's own (the public URL's, or as addressed by IP or the machine's name) that may connect. */
  allowedOrigins: string[];
  /** AC-3: failed sign-ins per e-mail address at once … */
  loginFailureBurst: number;
  /** … and per minute after that; per client address the limit is four times this. */
  loginFailuresPerMinute: number;
  /** AC-4, AC-5 */
  accountPolicy: AccountPolicy;
  /** AC-10: sign-in with the organisation's OpenID Connect provider; null: off. */
  oidc: OidcConfig | null;
  /** The address people reach Konsens at (e.g. https://konsens.kreis-coesfeld.de), for links back to it; null: as the request says. */
  publicUrl: string | null;
  /** Imports per address at once … */
  importBurst: number;
  /** … and per minute after that (SPEC H-4). */
  importsPerMinute: number;
  /** H-8: Prometheus metrics on this port (0: any free one); null: off. */
  metricsPort: number | null;
  /** The address the metrics port listens on: an internal one. */
  metricsHost: string;
  log: (error: unknown) => void;
}

export const defaultAppConfig: AppConfig = {
  clientDir: null,
  liveIntervalMs: 20,
  participantIntervalMs: 1000,
  maxMessageBytes: 64 * 1024,
  allowedOrigins: [],
  retentionDays: null,
  trustProxy: false,
  eventBurst: 40,
  eventsPerSecond: 20,
  joinFailureBurst: 20,
  joinFailuresPerMinute: 20,
  loginFailureBurst: 5,
  loginFailuresPerMinute: 5,
  accountPolicy: defaultAccountPolicy,
  oidc: null,
  publicUrl: null,
  importBurst: 10,
  importsPerMinute: 1,
  metricsPort: null,
  metricsHost: '127.0.0.1',
  log: (error) => logError(error),
};

export type KonsensServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface KonsensApp {
  httpServer: HttpServer;
  io: KonsensServer;
  rooms: RoomRegistry;
  accounts: AccountService;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Where the metrics are served once listening (H-8); null when they are off. */
  metricsAddress(): AddressInfo | null;
  /** SPEC V-5: with a retention period, forget participant identifiers of older workshops; returns how many workshops. */
  purgeExpired(): Promise<number>;
  /** Stop accepting, let pending writes commit, close the store. */
  close(): Promise<void>;
}

export function createApp({
  store,
  clock = systemClock,
  config: partialConfig = {},
  cluster = null,
}: {
  store: WorkshopStore;
  clock?: Clock;
  config?: Partial<AppConfig>;
  /** Several nodes over Redis (REDIS_URL): workshops owned by one node each, pushes to every node. */
  cluster?: Cluster | null;
}): KonsensApp {
  const config = { ...defaultAppConfig, ...partialConfig };
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  const httpServer = createServer(app);
  const origins: OriginPolicy = { publicOrigin: config.publicUrl ? new URL(config.publicUrl).origin : null, allowed: config.allowedOrigins, trustProxy: config.trustProxy };
  const io: KonsensServer = new Server(httpServer, {
    maxHttpBufferSize: config.maxMessageBytes,
    serveClient: false,
    // Everything this server sends is JSON: no search for binary parts in each packet (issue 17).
    parser: jsonParser,
    allowRequest: (req, callback) => callback(null, originAllowed(req, origins)),
    ...(cluster ? { adapter: cluster.adapter() } : {}),
  });
  // S-6, AC-3, H-4: in memory on one node; on several, shared through Redis (H-10).
  const limiter = (name: string, capacity: number, perSecond: number): AttemptLimiter =>
    cluster ? sharedLimiter(cluster, name, capacity, perSecond) : new FailureLimiter(capacity, perSecond);
  const joinFailures = limiter('join', config.joinFailureBurst, config.joinFailuresPerMinute / 60);
  // H-4: each import can hold the database for a moment.
  const imports = limiter('import', config.importBurst, config.importsPerMinute / 60);

  // Nobody there (no projector yet, an organisation without tablets): no state to build and encode.
  // (On several nodes the audience may be on any of them: always sent.)
  const present = (name: string) => cluster !== null || (io.sockets.adapter.rooms.get(name)?.size ?? 0) > 0;
  const broadcaster = new Broadcaster(config, (room, role) => {
    // Where participants' state differs by organisation, each organisation's tablets get their own.
    if (role === 'participant' && room.participantsByOrganisation()) {
      for (const { id } of room.organisations) {
        const name = audienceRoom(room.id, role, id);
        if (present(name)) io.to(name).emit('state:update', room.stateFor(role, id));
      }
    } else {
      const name = audienceRoom(room.id, role);
      if (present(name)) io.to(name).emit('state:update', room.stateFor(role) as AnyRoleState);
    }
  });
  const metrics = config.metricsPort === null ? null : new Metrics(() => clientsByRole(io));
  const writer = new AnswerWriter(store, undefined, (seconds) => metrics?.committed(seconds));
  let metricsServer: { server: HttpServer; address: AddressInfo } | null = null;
  const now = () => clock.now();
  const rooms = new RoomRegistry({ store, writer, now, cluster, onChange: (room, change) => broadcaster.changed(room, change) });

  // AC-6: ended sessions and replaced links close the consoles that came in with them.
  const accounts = new AccountService(store.accounts, now, config.accountPolicy, (hashes) => {
    for (const hash of hashes) io.in(sessionRoom(hash)).disconnectSockets(true);
  });
  const onDeleted = (workshopId: string) => {
    broadcaster.forget(workshopId);
    // After the facilitator's acknowledgement has gone out; not forced, so that
    // the disconnect packet follows the notice on each connection.
    setImmediate(() => {
      io.in(workshopId).emit('workshop:deleted');
      io.in(workshopId).disconnectSockets(false);
    });
  };
  const processes = new ProcessService(store, rooms, now, onDeleted);

  const renderer = new Renderer();
  const importer = new Importer(store.location);
  /** Set by close(): readiness turns false at once, so that a load balancer sends no new work (H-7). */
  let draining = false;
  const httpDeps: HttpDeps = {
    store,
    rooms,
    now,
    accounts,
    processes,
    joinFailures,
    imports,
    renderer,
    importer,
    unavailable: async () => (draining ? 'the server is shutting down' : ((await store.unavailable()) ?? (await cluster?.unavailable()) ?? null)),
    trustProxy: config.trustProxy,
    origins,
    onLinkChanged: (workshopId) => io.in(linkRoom(workshopId)).disconnectSockets(true),
    auth: {
      loginFailuresPerAccount: limiter('login-account', config.loginFailureBurst, config.loginFailuresPerMinute / 60),
      loginFailuresPerAddress: limiter('login-address', 4 * config.loginFailureBurst, (4 * config.loginFailuresPerMinute) / 60),
      oidcSignIn: config.oidc ? new OidcSignIn(config.oidc, accounts, now) : null,
      publicUrl: config.publicUrl,
    },
    log: config.log,
  };
  app.use('/api', apiRouter(httpDeps));
  if (config.clientDir) clientRoutes(app, config.clientDir, httpDeps);
  const realtime: RealtimeDeps = { rooms, store, accounts, joinFailures, limits: config, trustProxy: config.trustProxy, onDeleted, metrics: metrics ?? noMetrics, cluster };
  attachRealtime(io, realtime, config.log);
  // Other nodes' connections' events and room changes for the workshops this node owns.
  cluster?.serve(async (request) => {
    const { kind } = request as { kind: string };
    if (kind === 'event') return runRelayed(request as RelayedEvent, realtime, io.of('/'), config.log);
    if (kind === 'room') return rooms.runRelayed(request as RelayedRoomOp);
    throw new Error(`unknown request ${kind}`);
  });

  return {
    httpServer,
    io,
    rooms,
    accounts,
    async listen(port, host) {
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(httpServer.address() as AddressInfo));
      });
      if (metrics && config.metricsPort !== null) metricsServer = await metrics.listen(config.metricsPort, config.metricsHost);
      return address;
    },
    metricsAddress: () => metricsServer?.address ?? null,
    purgeExpired: async () =>
      config.retentionDays === null ? 0 : rooms.forgetParticipantIdentifiers(clock.now() - config.retentionDays * 86_400_000),
    async close() {
      draining = true;
      // Several nodes: no more requests from the others first (they find this node gone and go elsewhere);
      // its heartbeat stays until everything accepted is committed, so that nobody loads a room before that.
      await cluster?.stopServing();
      broadcaster.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await writer.drain();
      await cluster?.close();
      await renderer.close();
      await importer.close();
      if (metricsServer) await new Promise((resolve) => metricsServer!.server.close(resolve));
      await store.close();
    },
  };
}

/** Connected clients by role, and those not joined yet as 'guest' (H-8). */
function clientsByRole(io: KonsensServer): Record<Role | 'guest', number> {
  const counts = { guest: 0, participant: 0, facilitator: 0, projector: 0 };
  for (const socket of io.sockets.sockets.values()) counts[socket.data.session?.role ?? 'guest']++;
  return counts;
}
