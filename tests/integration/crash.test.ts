/**
 * Crash test (SPEC D-1, D-2, D-3): 200 participants answer while the server
 * process is killed with SIGKILL at random moments, 20 times, and restarted on
 * the same data file. Clients behave like the real outbox: an answer without
 * an acknowledgement is resent with the same opId after the restart. After
 * every kill the database holds every acknowledged answer; at the end it holds
 * each answer exactly once and passes SQLite's integrity check.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnswerReceipt, FacilitatorSession, FacilitatorState, ParticipantSession } from '../../shared/protocol.js';
import { createWorkshop, tempDir, version } from '../support/harness.js';
import { emitUnlessGone, spawnServer, type ServerProcess } from '../support/process.js';
import { CRITERION_IDS, ORGANISATION_IDS, THEME_IDS, seededRandom } from '../support/fixtures.js';

const PARTICIPANTS = Number(process.env.CRASH_PARTICIPANTS ?? 200);
const KILLS = Number(process.env.CRASH_KILLS ?? 20);

interface Op {
  opId: string;
  themeId: string;
  criterionId: string;
  value: number | null;
}

interface Person {
  organisationId: string;
  resumeToken?: string;
  participantId?: string;
  /** Answers not yet acknowledged, in order: the outbox. */
  outbox: Op[];
  acknowledged: Op[];
}

const rand = seededRandom(20261124);
const dirs: string[] = [];
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const emit = emitUnlessGone;

/** Connect, or give up: a server killed mid-handshake may answer neither way, so a timer ends the wait. */
function open(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const fail = (why: unknown) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(why instanceof Error ? why : new Error(String(why)));
    };
    const timer = setTimeout(() => fail('connect timeout'), 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', fail);
    socket.once('disconnect', fail);
  });
}

/** One person's session with the server until it dies: join (or resume), then drain the outbox in order. */
async function session(url: string, code: string, person: Person, sockets: Socket[], start: Promise<void> = Promise.resolve()): Promise<void> {
  const socket = await open(url).catch(() => null);
  if (!socket) return;
  sockets.push(socket);
  const join = person.resumeToken
    ? { role: 'participant', code, resumeToken: person.resumeToken, protocolVersion: version }
    : { role: 'participant', code, organisationId: person.organisationId, protocolVersion: version };
  const joined = await emit<ParticipantSession>(socket, 'workshop:join', join);
  if (!joined?.ok) return;
  person.resumeToken = joined.data.resumeToken;
  person.participantId = joined.data.participantId;
  await start;
  while (person.outbox.length > 0) {
    const op = person.outbox[0]!;
    const reply = await emit<AnswerReceipt>(socket, 'answer:set', op);
    if (!reply) return; // the server died: the op stays in the outbox
    if (!reply.ok) throw new Error(`answer refused: ${reply.code}`);
    person.outbox.shift();
    person.acknowledged.push(op);
    // People do not answer in lockstep.
    await new Promise((r) => setTimeout(r, rand() * 10));
  }
}

function readDatabase(dataDir: string) {
  const db = new Database(join(dataDir, 'konsens.sqlite'), { readonly: true });
  try {
    const answers = db.prepare('SELECT participant_id AS p, theme_id AS t, criterion_id AS c, value, op_id AS op FROM answers').all() as {
      p: string; t: string; c: string; value: number | null; op: string;
    }[];
    const ops = (db.prepare('SELECT count(*) AS n, count(DISTINCT participant_id || op_id) AS d FROM answer_ops').get() as { n: number; d: number });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check;
    return { answers: new Map(answers.map((a) => [`${a.p}/${a.t}/${a.c}`, a])), ops, integrity };
  } finally {
    db.close();
  }
}

function expectAcknowledgedStored(people: Person[], stored: ReturnType<typeof readDatabase>['answers']): number {
  let count = 0;
  for (const person of people) {
    for (const op of person.acknowledged) {
      const row = stored.get(`${person.participantId}/${op.themeId}/${op.criterionId}`);
      expect(row, `acknowledged ${op.opId}`).toBeDefined();
      expect(row!.value).toBe(op.value);
      expect(row!.op).toBe(op.opId);
      count++;
    }
  }
  return count;
}

describe('crash test', () => {
  it(`D-1/D-2: ${PARTICIPANTS} participants, ${KILLS} SIGKILLs: every acknowledged answer is stored, exactly once`, async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    server = await spawnServer(dataDir);
    const created = await createWorkshop(server.url);
    const facilitator = await open(server.url);
    await emit<FacilitatorSession>(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
    await emit(facilitator, 'phase:set', { phase: 'scoring' });
    facilitator.disconnect();

    const people: Person[] = Array.from({ length: PARTICIPANTS }, (_, i) => ({
      organisationId: ORGANISATION_IDS[i % ORGANISATION_IDS.length]!,
      outbox: THEME_IDS.flatMap((themeId) =>
        CRITERION_IDS.map((criterionId) => ({ opId: `p${i}-${themeId}-${criterionId}`, themeId, criterionId, value: rand() < 0.1 ? null : 1 + Math.floor(rand() * 5) })),
      ),
      acknowledged: [],
    }));
    const total = PARTICIPANTS * THEME_IDS.length * CRITERION_IDS.length;
    const acknowledgedAtKill: number[] = [];

    // Each round kills the server after a random number (60–160) of further acknowledgements,
    // so that every kill lands mid-stream; the first round lets every person join first.
    const acknowledged = () => people.reduce((n, p) => n + p.acknowledged.length, 0);
    for (let kill = 0; kill < KILLS; kill++) {
      const sockets: Socket[] = [];
      let go = () => undefined as void;
      const start = kill === 0 ? new Promise<void>((resolve) => (go = resolve)) : Promise.resolve();
      const running = people.map((person) => session(server!.url, created.code, person, sockets, start));
      const started = Date.now();
      if (kill === 0) {
        while (!people.every((p) => p.participantId) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5));
        go();
      }
      const target = acknowledged() + 60 + Math.floor(rand() * 100);
      while (acknowledged() < target && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 1));
      await server.kill('SIGKILL');
      for (const s of sockets) s.disconnect();
      await Promise.all(running);
      const stored = readDatabase(dataDir);
      expect(stored.integrity).toBe('ok');
      acknowledgedAtKill.push(expectAcknowledgedStored(people, stored.answers));
      server = await spawnServer(dataDir);
    }
    expect(acknowledgedAtKill).toHaveLength(KILLS);
    // The kills landed while answers were streaming, not after all of them.
    expect(acknowledgedAtKill.at(-1)).toBeLessThan(total);

    // Last round without a kill: the outboxes drain.
    const sockets: Socket[] = [];
    await Promise.all(people.map((person) => session(server!.url, created.code, person, sockets)));
    for (const s of sockets) s.disconnect();
    expect(people.every((p) => p.outbox.length === 0)).toBe(true);

    // The restarted server's own view agrees: one answer per person and cell, none lost, none doubled.
    const check = await open(server.url);
    const f = await emit<FacilitatorSession>(check, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
    const state = (f as { ok: true; data: { state: FacilitatorState } }).data.state;
    check.disconnect();
    const counted = state.results.themes.flatMap((t) => t.criteria).reduce((n, c) => n + c.nPersons + c.abstentions, 0);
    expect(counted).toBe(total);
    expect(state.progress.participants).toBe(PARTICIPANTS);

    await server.kill('SIGKILL');
    const stored = readDatabase(dataDir);
    expect(stored.integrity).toBe('ok');
    expect(stored.answers.size).toBe(total);
    expect(expectAcknowledgedStored(people, stored.answers)).toBe(total);
    expect(stored.ops).toEqual({ n: total, d: total });
    console.log(`crash test: ${acknowledgedAtKill.length} kills; acknowledged answers at each kill: ${acknowledgedAtKill.join(', ')} of ${total}; 0 lost, 0 duplicated`);
  }, 240_000);
});
