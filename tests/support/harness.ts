/**
 * Real parts for integration tests: a real server on port 0 with a fresh
 * SQLite file, real socket.io-client connections.
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

export async function startServer(config: Partial<AppConfig> = {}, dataDir = tempDir()): Promise<TestServer> {
  const dbFile = join(dataDir, 'konsens.sqlite');
  const store = await openSqliteStore({ file: dbFile });
  const app = createApp({ store, config });
  const address = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
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

export async function createWorkshop(url: string, body: object = { template: 'coesfeld' }): Promise<CreatedWorkshop> {
  const response = await fetch(`${url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedWorkshop;
}

/** A new connection that joins as the workshop's facilitator; `before` runs first (e.g. to record states). */
export async function facilitate(url: string, created: CreatedWorkshop, before?: (socket: Client) => void): Promise<{ socket: Client; session: FacilitatorSession }> {
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
  socket.on('state:update', (state) => states.push(state));
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
