/**
 * Real parts for integration tests: a real server on port 0 with a fresh
 * SQLite file (or a PostgreSQL database), real socket.io-client connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type CreatedWorkshop,
  type FacilitatorSession,
  type ParticipantSession,
  type RoleState,
  type ServerToClientEvents,
} from '../../shared/protocol.js';
import { createApp, type AppConfig, type KonsensApp } from '../../server/app.js';
import { Cluster } from '../../server/cluster/cluster.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  url: string;
  app: KonsensApp;
  dataDir: string;
  dbFile: string;
  close(): Promise<void>;
}

export function tempDir(prefix = 'konsens-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A server on a fresh SQLite file in `dataDir`, or on the PostgreSQL database `databaseUrl` (issue 16). */
export async function startServer(config: Partial<AppConfig> = {}, dataDir = tempDir(), { databaseUrl, redisUrl }: { databaseUrl?: string; redisUrl?: string } = {}): Promise<TestServer> {
  const dbFile = join(dataDir, 'konsens.sqlite');
  const store = databaseUrl ? await openPostgresStore({ url: databaseUrl }) : await openSqliteStore({ file: dbFile });
  const cluster = redisUrl ? await Cluster.connect({ url: redisUrl }) : null;
  const app = createApp({ store, config, cluster });
  const address = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  const setup = await app.accounts.setupPath();
  if (setup) registerSetupPath(url, setup);
  return {
    url,
    app,
    dataDir,
    dbFile,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const openClients = new Set<Client>();

export function connect(url: string): Client {
  const socket: Client = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  openClients.add(socket);
  return socket;
}

export function disconnectAll(): void {
  for (const c of openClients) c.disconnect();
  openClients.clear();
}

/** Emit with an acknowledgement; the payload is `unknown` so tests can send anything. */
export function request<T = unknown>(socket: Client, event: string, payload?: unknown): Promise<Ack<T>> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => () => {
      cleanup();
      reject(new Error(`no ack for ${event}: ${why}`));
    };
    const onDisconnect = fail('disconnected');
    const timer = setTimeout(fail('timeout'), 10_000);
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('disconnect', onDisconnect);
    };
    socket.on('disconnect', onDisconnect);
    const done = (response: Ack<T>) => {
      cleanup();
      resolve(response);
    };
    const raw = socket as unknown as { emit(event: string, ...args: unknown[]): void };
    if (payload === undefined) raw.emit(event, done);
    else raw.emit(event, payload, done);
  });
}

/** Like request, but fails the test unless the server said ok. */
export async function ok<T = unknown>(socket: Client, event: string, payload?: unknown): Promise<T> {
  const response = await request<T>(socket, event, payload);
  if (!response.ok) throw new Error(`${event} refused: ${response.code} ${JSON.stringify(response.details ?? '')}`);
  return response.data;
}

/** The first administrator every test server gets (through the setup link, as a person would). */
export const ADMIN = { email: 'moderation@kreis-coesfeld.de', name: 'Anna Admin', password: 'korrekt-pferd-batterie' } as const;

const setupPaths = new Map<string, string>();
const cookies = new Map<string, Promise<string>>();

/** The one-time setup link a server printed or returned (AC-1). */
export function registerSetupPath(url: string, path: string): void {
  setupPaths.set(url, path);
}

export function setupPathOf(url: string): string | undefined {
  return setupPaths.get(url);
}

/** The `name=value` part of a Set-Cookie answer. */
export function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie');
  if (!header) throw new Error(`no cookie in answer ${response.status}`);
  return header.split(';')[0]!;
}

/** JSON request as a Konsens page sends it (AC-11), optionally signed in. */
export function api(url: string, path: string, init: { method?: string; body?: unknown; cookie?: string | undefined; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body !== undefined || (init.method && init.method !== 'GET') ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
}

/**
 * The session cookie of the server's first administrator: made through the
 * setup link on first use, by signing in after a restart of the same data.
 */
export function adminCookie(url: string): Promise<string> {
  let cookie = cookies.get(url);
  if (!cookie) {
    cookie = (async () => {
      const setup = setupPaths.get(url);
      let response = setup ? await api(url, '/api/auth/setup', { body: { token: setup.split('/').pop(), email: ADMIN.email, name: ADMIN.name, password: ADMIN.password } }) : null;
      // No link, or a browser used it already (as ADMIN, through the setup page): sign in.
      if (!response || response.status === 401) response = await api(url, '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
      if (response.status !== 201 && response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      setupPaths.delete(url);
      return cookieOf(response);
    })();
    cookie.catch(() => cookies.delete(url));
    cookies.set(url, cookie);
  }
  return cookie;
}

/** A created workshop with a co-facilitation link, which most tests use to join as its facilitator (AC-8). */
export type TestWorkshop = CreatedWorkshop & { facilitatorSecret: string; cookie: string };

export async function createWorkshop(url: string, body: object = { template: 'coesfeld' }, cookie?: string): Promise<TestWorkshop> {
  const session = cookie ?? (await adminCookie(url));
  const response = await api(url, '/api/workshops', { body, cookie: session });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as CreatedWorkshop;
  return { ...created, facilitatorSecret: await coFacilitationSecret(url, created.workshopId, session), cookie: session };
}

/** A workshop made some other way (copy, import) as a TestWorkshop: with a new co-facilitation link. */
export async function withLink(url: string, created: CreatedWorkshop, cookie?: string): Promise<TestWorkshop> {
  const session = cookie ?? (await adminCookie(url));
  return { ...created, facilitatorSecret: await coFacilitationSecret(url, created.workshopId, session), cookie: session };
}

/** POST /api/workshops/import as the signed-in administrator (or the cookie given). */
export async function importFile(url: string, body: string, cookie?: string): Promise<Response> {
  return api(url, '/api/workshops/import', { body, cookie: cookie ?? (await adminCookie(url)) });
}

export async function coFacilitationSecret(url: string, workshopId: string, cookie: string): Promise<string> {
  const response = await api(url, `/api/workshops/${workshopId}/co-facilitation-link`, { method: 'POST', body: {}, cookie });
  if (response.status !== 201) throw new Error(`link failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { secret: string }).secret;
}

/** A new connection that joins as the workshop's facilitator; `before` runs first (e.g. to record states). */
export async function facilitate(url: string, created: TestWorkshop, before?: (socket: Client) => void): Promise<{ socket: Client; session: FacilitatorSession }> {
  const socket = connect(url);
  before?.(socket);
  const session = await ok<FacilitatorSession>(socket, 'workshop:join', {
    role: 'facilitator',
    workshopId: created.workshopId,
    secret: created.facilitatorSecret,
    protocolVersion: PROTOCOL_VERSION,
  });
  return { socket, session };
}

/**
 * A new Coesfeld workshop open for scoring: its facilitator (every pushed state
 * recorded) and one tablet joined for Olfen.
 */
export async function scoringWithTablet(url: string) {
  const created = await createWorkshop(url);
  const { socket: facilitator, session } = await facilitate(url, created);
  const states = recordStates(facilitator);
  await ok(facilitator, 'phase:set', { phase: 'scoring' });
  const tablet = connect(url);
  const joined = await ok<ParticipantSession>(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: PROTOCOL_VERSION });
  return { created, facilitator, states, tablet, participantId: joined.participantId, config: session.state.workshop.config };
}

/** Collects every state:update a client receives. */
export function recordStates(socket: Client): RoleState[] {
  const states: RoleState[] = [];
  // A Quick-Check's states (every test that records states runs one).
  socket.on('state:update', (state) => states.push(state as RoleState));
  return states;
}

export async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const version = PROTOCOL_VERSION;

let opCounter = 0;
export function opId(): string {
  return `op-${process.pid}-${++opCounter}-${Math.random().toString(36).slice(2, 8)}`;
}
