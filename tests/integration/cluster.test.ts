/**
 * Issue 16: three Konsens nodes (separate processes, their own ports) behind a
 * real nginx, sharing one PostgreSQL and one Redis that the test starts.
 * 60 participants of one workshop come in through nginx (spread over the
 * nodes), the facilitator sits on one node and the projector on another: what
 * each screen is pushed equals the results computed afresh from the stored
 * answers. Then the node that owns the workshop is killed with SIGKILL while
 * the tablets keep scoring, three times, each time restarted: every
 * acknowledged answer is stored exactly once, and the aggregates are exact.
 */
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeResults } from '../../shared/domain/results.js';
import { Tally } from '../../shared/domain/tally.js';
import type { AnswerReceipt, BatchReceipt, FacilitatorSession, FacilitatorState, ParticipantSession, ProjectorSession } from '../../shared/protocol.js';
import type { Results } from '../../shared/domain/results.js';
import type { WorkshopConfig } from '../../shared/schemas.js';
import { postgresPool } from '../../server/store/postgres.js';
import { createWorkshop, tempDir, version, type TestWorkshop } from '../support/harness.js';
import { freePort, startNginx, type Nginx } from '../support/nginx.js';
import { startPostgres, type Postgres } from '../support/postgres.js';
import { emitUnlessGone, spawnServer, type ServerProcess } from '../support/process.js';
import { startRedis, type Redis } from '../support/redis.js';
import { seededRandom } from '../support/fixtures.js';

const PARTICIPANTS = 60;

let database: Postgres;
let redis: Redis;
let databaseUrl: string;
let nginx: Nginx;
const ports: number[] = [];
const nodes: (ServerProcess | null)[] = [];
const sockets: Socket[] = [];

function nodeEnv(port: number): Record<string, string> {
  return { PORT: String(port), DATABASE_URL: databaseUrl, REDIS_URL: redis.url, KONSENS_LOG_LEVEL: 'info' };
}

async function startNode(i: number): Promise<ServerProcess> {
  const node = await spawnServer(tempDir(), nodeEnv(ports[i]!));
  nodes[i] = node;
  return node;
}

/** The node id a process logged at its start (just after its banner). */
function nodeIdOf(node: ServerProcess): string | undefined {
  return /"node":"([^"]+)"/.exec(node.output())?.[1];
}

beforeAll(async () => {
  [database, redis] = await Promise.all([startPostgres(), startRedis()]);
  databaseUrl = await database.createDatabase();
  for (let i = 0; i < 3; i++) ports.push(await freePort());
  // The first node creates the schema; the others start against it.
  await startNode(0);
  await Promise.all([startNode(1), startNode(2)]);
  nginx = await startNginx(ports);
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await nginx?.stop();
  for (const node of nodes) await node?.kill('SIGTERM');
  await redis?.stop();
  await database?.stop();
});

function open(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function call<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const reply = (await socket.timeout(15_000).emitWithAck(event, payload)) as { ok: boolean; data?: T; code?: string };
  if (!reply.ok) throw new Error(`${event}: ${reply.code}`);
  return reply.data as T;
}

/** The results as computed afresh from what PostgreSQL holds: the answers view, each participant's organisation. */
async function storedResults(workshopId: string, config: WorkshopConfig): Promise<{ results: Results; answers: Map<string, { value: number | null; op: string }>; duplicates: number }> {
  const pool = postgresPool(databaseUrl, 1);
  try {
    const participants = new Map((await pool.query<{ id: string; organisation_id: string }>('SELECT id, organisation_id FROM participants WHERE workshop_id = $1', [workshopId])).rows.map((r) => [r.id, r.organisation_id]));
    const rows = (await pool.query<{ participant_id: string; theme_id: string; criterion_id: string; value: number | null; op_id: string }>('SELECT participant_id, theme_id, criterion_id, value, op_id FROM answers WHERE workshop_id = $1', [workshopId])).rows;
    const ops = (await pool.query<{ n: string; d: string }>('SELECT count(*) AS n, count(DISTINCT (participant_id, op_id)) AS d FROM answer_log WHERE workshop_id = $1', [workshopId])).rows[0]!;
    const tally = new Tally(config);
    const answers = new Map<string, { value: number | null; op: string }>();
    for (const row of rows) {
      tally.change(tally.organisation(participants.get(row.participant_id)!), tally.cell(row.theme_id, row.criterion_id), undefined, row.value);
      answers.set(`${row.participant_id}/${row.theme_id}/${row.criterion_id}`, { value: row.value, op: row.op_id });
    }
    return { results: computeResults(tally, config), answers, duplicates: Number(ops.n) - Number(ops.d) };
  } finally {
    await pool.end();
  }
}

interface Person {
  organisationId: string;
  participantId: string;
  resumeToken: string;
  socket: Socket | null;
  outbox: { opId: string; themeId: string; criterionId: string; value: number }[];
  acknowledged: { opId: string; themeId: string; criterionId: string; value: number }[];
  /** Why the last attempt to get back in failed (for the assertion's message). */
  lastFailure?: string;
}

describe('several nodes behind nginx (PostgreSQL, Redis)', () => {
  let created: TestWorkshop;
  let config: WorkshopConfig;
  let facilitatorState: FacilitatorState | null = null;
  let projectorResults: Results | null = null;
  let facilitator: Socket;
  const people: Person[] = [];

  it('60 participants spread over three nodes; the facilitator on one node and the projector on another see exactly the stored results', async () => {
    created = await createWorkshop(nodes[0]!.url);
    facilitator = await open(nodes[1]!.url);
    const session = await call<FacilitatorSession>(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
    config = session.state.workshop.config as WorkshopConfig;
    facilitator.on('state:update', (state: FacilitatorState) => (facilitatorState = state));
    const projector = await open(nodes[2]!.url);
    await call<ProjectorSession>(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
    projector.on('state:update', (state: { results?: Results }) => {
      if (state.results) projectorResults = state.results;
    });
    await call(facilitator, 'phase:set', { phase: 'scoring' });

    const rand = seededRandom(16);
    const organisations = config.organisations.map((o) => o.id);
    for (let i = 0; i < PARTICIPANTS; i++) {
      const socket = await open(nginx.url);
      const organisationId = organisations[i % organisations.length]!;
      const joined = await call<ParticipantSession>(socket, 'workshop:join', { role: 'participant', code: created.code, organisationId, protocolVersion: version });
      people.push({ organisationId, participantId: joined.participantId, resumeToken: joined.resumeToken, socket, outbox: [], acknowledged: [] });
    }
    // Every participant rates every theme, at once (one batch each), and changes two answers after.
    await Promise.all(
      people.map(async (person, i) => {
        const answers = config.themes.flatMap((t) => config.criteria.map((c) => ({ opId: `b-${i}-${t.id}-${c.id}`, themeId: t.id, criterionId: c.id, value: 1 + Math.floor(rand() * 5) })));
        // Through nginx to any node: relayed to the owner or not, the same receipts (the owner writes them as JSON text).
        const { receipts } = await call<{ receipts: BatchReceipt[] }>(person.socket!, 'answer:batch', { answers });
        expect(receipts).toEqual(answers.map((a) => ({ opId: a.opId, value: a.value })));
        person.acknowledged.push(...answers);
        for (let k = 0; k < 2; k++) {
          const answer = { opId: `change-${i}-${k}`, themeId: config.themes[k]!.id, criterionId: config.criteria[0]!.id, value: 1 + Math.floor(rand() * 5) };
          await call<AnswerReceipt>(person.socket!, 'answer:set', answer);
          person.acknowledged.push(answer);
        }
      }),
    );
    // The last coalesced pushes (20 ms each, through Redis to the other nodes).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stored = await storedResults(created.workshopId, config);
    expect(stored.answers.size).toBe(PARTICIPANTS * config.themes.length * config.criteria.length);
    expect(stored.duplicates).toBe(0);
    expect(facilitatorState!.results).toEqual(stored.results);
    expect(facilitatorState!.progress.participants).toBe(PARTICIPANTS);
    expect(projectorResults).toBeNull(); // scoring: the projector shows no results yet …
    // … and after the reveal, the same results on the projector's node.
    await call(facilitator, 'phase:set', { phase: 'closed' });
    await call(facilitator, 'phase:set', { phase: 'revealed' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(projectorResults).toEqual(stored.results);
    // Rating again (reopened), for the next test.
    await call(facilitator, 'phase:set', { phase: 'closed' });
    await call(facilitator, 'phase:set', { phase: 'scoring' });
  }, 120_000);

  it('the node that owns the workshop is killed with SIGKILL mid-scoring, three times, and restarted: every acknowledged answer stored exactly once, the aggregates exact', async () => {
    const rand = seededRandom(17);
    let sequence = 0;
    /** Answers sent but not acknowledged (the node died, or the owner was being taken over): they stay queued and go again. */
    let unanswered = 0;
    const redisOwner = async () => {
      const r = createClient({ url: redis.url });
      await r.connect();
      try {
        return await r.get(`konsens:owner:${created.workshopId}`);
      } finally {
        await r.quit();
      }
    };
    /** Sends the outbox in order; stops at the first answer the connection does not acknowledge (it stays queued). */
    const drain = async (person: Person) => {
      while (person.outbox.length > 0 && person.socket?.connected) {
        const op = person.outbox[0]!;
        const reply = await emitUnlessGone<AnswerReceipt>(person.socket, 'answer:set', op);
        if (!reply || !reply.ok) {
          unanswered++;
          return;
        }
        person.outbox.shift();
        person.acknowledged.push(op);
      }
    };
    /** A tablet whose connection went: in again through nginx (a live node), resumed with its token. */
    const reconnect = async (person: Person) => {
      if (person.socket?.connected) return;
      person.socket?.disconnect();
      person.socket = null;
      try {
        const socket = await open(nginx.url);
        const reply = await emitUnlessGone<ParticipantSession>(socket, 'workshop:join', { role: 'participant', code: created.code, organisationId: person.organisationId, resumeToken: person.resumeToken, protocolVersion: version });
        if (reply?.ok) person.socket = socket;
        else {
          socket.disconnect();
          person.lastFailure = `join: ${reply ? reply.code : 'connection gone'}`;
        }
      } catch (error) {
        // nginx had no live node for it this time: the next round tries again.
        person.lastFailure = `connect: ${String(error)}`;
      }
    };
    /** Rounds of one new answer per tablet, for `ms`: across the kill and the owner's take-over. */
    const score = async (ms: number) => {
      const started = performance.now();
      while (performance.now() < started + ms) {
        for (const person of people) {
          const t = config.themes[Math.floor(rand() * config.themes.length)]!;
          const c = config.criteria[Math.floor(rand() * config.criteria.length)]!;
          person.outbox.push({ opId: `killed-${sequence++}`, themeId: t.id, criterionId: c.id, value: 1 + Math.floor(rand() * 5) });
        }
        await Promise.all(people.map(async (person) => {
          await reconnect(person);
          await drain(person);
        }));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    /** The live node that owns the workshop: after a kill, the next event anywhere makes a live node take it over. */
    const liveOwner = async (): Promise<number> => {
      for (let i = 0; i < 100; i++) {
        const ownerId = await redisOwner();
        const index = nodes.findIndex((n) => n && n.child.exitCode === null && n.child.signalCode === null && nodeIdOf(n) === ownerId);
        if (index >= 0) return index;
        const probe = await open(nginx.url);
        await emitUnlessGone(probe, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
        probe.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('no live node took the workshop over');
    };

    for (let kill = 0; kill < 3; kill++) {
      const index = await liveOwner();
      const killed = nodeIdOf(nodes[index]!);
      const scoring = score(4500);
      await new Promise((resolve) => setTimeout(resolve, 300 + rand() * 300));
      await nodes[index]!.kill('SIGKILL');
      await scoring;
      // Another node takes the workshop over (at the latest with the next event once the dead node's heartbeat has expired).
      expect(nodeIdOf(nodes[await liveOwner()]!)).not.toBe(killed);
      await startNode(index);
    }
    // Everyone gets the rest of their outbox in, wherever the workshop lives now.
    for (let i = 0; i < 60 && people.some((p) => p.outbox.length > 0); i++) {
      await Promise.all(people.map(async (person) => {
        await reconnect(person);
        await drain(person);
      }));
      if (people.some((p) => p.outbox.length > 0)) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Nobody left with answers queued (and if so: why their tablet could not get back in).
    expect(people.filter((p) => p.outbox.length > 0).map((p) => ({ participant: p.participantId, queued: p.outbox.length, connected: !!p.socket?.connected, lastFailure: p.lastFailure }))).toEqual([]);

    const stored = await storedResults(created.workshopId, config);
    expect(stored.duplicates).toBe(0);
    for (const person of people) {
      const latest = new Map<string, { opId: string; value: number }>();
      for (const op of person.acknowledged) latest.set(`${op.themeId}/${op.criterionId}`, op);
      for (const [cell, op] of latest) expect(stored.answers.get(`${person.participantId}/${cell}`), `${person.participantId}/${cell}`).toEqual({ value: op.value, op: op.opId });
    }
    // The facilitator (reconnected wherever nginx sends it) sees exactly the stored results.
    const consoleSocket = await open(nginx.url);
    const session = await call<FacilitatorSession>(consoleSocket, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
    expect(session.state.results).toEqual(stored.results);
    expect(sequence).toBeGreaterThanOrEqual(3 * 2 * PARTICIPANTS);
    // The kills hit answers in flight or on their way to a dead owner: they were sent again.
    expect(unanswered).toBeGreaterThan(0);
  }, 180_000);
});
