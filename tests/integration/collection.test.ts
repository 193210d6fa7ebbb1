/**
 * Theme collection (SPEC TC-1 … TC-10) with a real server, real SQLite and real
 * sockets: tablets propose, the facilitator merges a duplicate and accepts,
 * supports when allowed, the projector follows, a reload finds its own
 * proposals again, a resend doubles nothing, the finalised collection seeds a
 * Quick-Check; and a server killed with SIGKILL during a burst of proposals
 * loses no acknowledged proposal and doubles none.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CollectionFacilitatorState, CollectionParticipantState, CollectionProjectorState } from '../../shared/activities/collection/views.js';
import type { ProcessView } from '../../shared/process.js';
import {
  PROTOCOL_VERSION,
  type AnyRoleState,
  type CollectionParticipantSession,
  type CreatedWorkshop,
  type FacilitatorSession,
  type ProposalReceipt,
  type Resync,
} from '../../shared/protocol.js';
import { adminCookie, api, connect, disconnectAll, ok, request, startServer, tempDir, until, type Client, type TestServer } from '../support/harness.js';
import { connectUnlessDown, emitUnlessGone, spawnServer, type ServerProcess } from '../support/process.js';

let server: TestServer | undefined;
let child: ServerProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await child?.kill();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function withCookie(url: string, cookie: string): Client {
  return io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } }) as Client;
}

/** A process with a collection as its first step, its facilitator's console (every pushed state recorded) and the projector. */
async function collectionStep(url: string) {
  const cookie = await adminCookie(url);
  const process = (await (await api(url, '/api/processes', { body: { title: 'Digitalstrategie', template: 'coesfeld' }, cookie })).json()) as ProcessView;
  const created = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'collection' }, cookie })).json()) as CreatedWorkshop;
  const facilitator = withCookie(url, cookie);
  const states: AnyRoleState[] = [];
  facilitator.on('state:update', (s) => states.push(s));
  const joined = await ok<FacilitatorSession>(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
  const projector = connect(url);
  const projected: AnyRoleState[] = [];
  projector.on('state:update', (s) => projected.push(s));
  await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: PROTOCOL_VERSION });
  const last = () => states.at(-1) as CollectionFacilitatorState | undefined;
  const lastProjected = () => projected.at(-1) as CollectionProjectorState | undefined;
  return { cookie, process, created, facilitator, joined, last, lastProjected };
}

async function tablet(url: string, code: string, organisationId: string) {
  const socket = connect(url);
  const session = await ok<CollectionParticipantSession>(socket, 'workshop:join', { role: 'participant', code, organisationId, protocolVersion: PROTOCOL_VERSION });
  const states: AnyRoleState[] = [];
  socket.on('state:update', (s) => states.push(s));
  return { socket, session, last: () => states.at(-1) as CollectionParticipantState | undefined };
}

let n = 0;
const op = () => `op-collect-${process.pid}-${++n}`;

describe('theme collection', () => {
  it('TC-1 … TC-9: two tablets propose, a duplicate is merged, supports, acceptance, the projector follows, the Quick-Check is seeded', async () => {
    server = await startServer({ participantIntervalMs: 20 });
    const { url } = server;
    const { cookie, process, created, facilitator, joined, last, lastProjected } = await collectionStep(url);
    expect(joined.state).toMatchObject({ activity: 'collection', role: 'facilitator', workshop: { phase: 'lobby', config: { supportAllowed: false } }, proposals: [] });
    expect(joined.state.workshop.config).toMatchObject({ title: 'Digitalstrategie: Themen sammeln' });
    // The public info tells a tablet which screen to show.
    expect(await (await api(url, `/api/workshops/${created.code}`)).json()).toMatchObject({ kind: 'collection', phase: 'lobby' });

    const olfen = await tablet(url, created.code, 'olfen');
    const senden = await tablet(url, created.code, 'senden');
    expect(olfen.session).toMatchObject({ activity: 'collection', own: [], supports: [] });
    // TC-2: not before the collection opens.
    expect(await request(olfen.socket, 'proposal:submit', { opId: op(), title: 'Digitale Verwaltung' })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    await ok(facilitator, 'collection:phase', { phase: 'collecting' });

    const first = await ok<ProposalReceipt>(olfen.socket, 'proposal:submit', { opId: 'op-olfen-000001', title: 'Digitale Verwaltung', description: 'Anträge online\nohne Medienbruch' });
    expect(first).toMatchObject({ opId: 'op-olfen-000001', duplicate: false });
    // TC-4: the same opId again (a lost acknowledgement): the same proposal, nothing new.
    expect(await ok<ProposalReceipt>(olfen.socket, 'proposal:submit', { opId: 'op-olfen-000001', title: 'Digitale Verwaltung' })).toEqual({ ...first, duplicate: true });
    const duplicate = await ok<ProposalReceipt>(senden.socket, 'proposal:submit', { opId: op(), title: 'Verwaltung digitalisieren' });
    const school = await ok<ProposalReceipt>(senden.socket, 'proposal:submit', { opId: op(), title: 'Schulen ans Glasfasernetz' });
    // S-8: refused at the boundary with a clear error, nothing stored.
    const bad = await request(senden.socket, 'proposal:submit', { opId: op(), title: 'Glocke\u0007' });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST', details: [{ path: 'title', message: 'contains a control character' }] });
    expect(await request(senden.socket, 'proposal:submit', { opId: op(), title: 'x'.repeat(81) })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });

    // TC-6: the facilitator sees them arrive live, with their origins.
    await until(() => last()?.proposals.length === 3, 'three proposals on the console');
    expect(last()!.proposals.map((p) => [p.title, p.origins[0]!.organisationId])).toEqual([
      ['Digitale Verwaltung', 'olfen'],
      ['Verwaltung digitalisieren', 'senden'],
      ['Schulen ans Glasfasernetz', 'senden'],
    ]);
    expect(last()!.proposals[0]!.description).toBe('Anträge online\nohne Medienbruch');

    // TC-5: supports only when allowed.
    expect(await request(senden.socket, 'proposal:support', { opId: op(), proposalId: first.proposalId, support: true })).toMatchObject({ ok: false, code: 'SUPPORT_OFF' });
    await ok(facilitator, 'collection:update', { supportAllowed: true });
    await until(() => olfen.last()?.board?.length === 3, 'the board on the tablet');
    await ok(senden.socket, 'proposal:support', { opId: op(), proposalId: first.proposalId, support: true });
    await ok(olfen.socket, 'proposal:support', { opId: op(), proposalId: duplicate.proposalId, support: true });
    await ok(senden.socket, 'proposal:support', { opId: op(), proposalId: duplicate.proposalId, support: true });

    // TC-7: merge the duplicate; origins and supports (each once) go along.
    await ok(facilitator, 'proposal:merge', { opId: op(), sourceId: duplicate.proposalId, targetId: first.proposalId });
    await ok(facilitator, 'proposal:edit', { opId: op(), proposalId: first.proposalId, title: 'Verwaltung', description: 'Digitale Verwaltung, Anträge online' });
    await ok(facilitator, 'proposal:decide', { opId: op(), proposalId: first.proposalId, status: 'accepted' });
    await ok(facilitator, 'proposal:decide', { opId: op(), proposalId: school.proposalId, status: 'accepted' });
    // The facilitator adds one from the flip chart.
    const own = await ok<ProposalReceipt>(facilitator, 'proposal:submit', { opId: op(), title: 'Mobilität' });
    await ok(facilitator, 'proposal:decide', { opId: op(), proposalId: own.proposalId, status: 'rejected' });
    await until(() => last()?.proposals.find((p) => p.id === own.proposalId)?.status === 'rejected', 'all decisions on the console');
    const merged = last()!.proposals.find((p) => p.id === first.proposalId)!;
    expect(merged).toMatchObject({ title: 'Verwaltung', status: 'accepted', supports: 2 });
    expect(merged.origins.map((o) => [o.title, o.organisationId])).toEqual([
      ['Digitale Verwaltung', 'olfen'],
      ['Verwaltung digitalisieren', 'senden'],
    ]);
    expect(last()!.proposals.find((p) => p.id === duplicate.proposalId)).toMatchObject({ status: 'merged', mergedInto: first.proposalId });

    // The projector shows the accepted themes live; the tablets learn where their proposals went.
    await until(() => lastProjected()?.accepted.length === 2, 'accepted themes on the projector');
    expect(lastProjected()!.accepted.map((t) => t.title)).toEqual(['Verwaltung', 'Schulen ans Glasfasernetz']);
    await until(() => senden.last()?.merged[duplicate.proposalId] === first.proposalId && senden.last()!.rejected.length > 0, 'the merge and the rejection on the tablet');
    expect(senden.last()!.rejected).toEqual([own.proposalId]);

    // TC-4: a reload (a new connection with the resume token) finds its own proposals and supports.
    const again = connect(url);
    const resumed = await ok<CollectionParticipantSession>(again, 'workshop:join', { role: 'participant', code: created.code, resumeToken: senden.session.resumeToken, protocolVersion: PROTOCOL_VERSION });
    expect(resumed.own.map((p) => [p.title, p.status])).toEqual([
      ['Verwaltung digitalisieren', 'merged'],
      ['Schulen ans Glasfasernetz', 'accepted'],
    ]);
    expect(resumed.supports).toEqual([first.proposalId]);
    expect(await ok<Resync>(again, 'state:get', {})).toMatchObject({ own: resumed.own, supports: resumed.supports });

    // TC-2, TC-9: close, finalise (read-only), then a Quick-Check seeded with the accepted themes.
    await ok(facilitator, 'collection:phase', { phase: 'closed' });
    expect(await request(olfen.socket, 'proposal:submit', { opId: op(), title: 'Zu spät' })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    await ok(facilitator, 'collection:phase', { phase: 'finalised' });
    expect(await request(facilitator, 'proposal:decide', { opId: op(), proposalId: school.proposalId, status: 'open' })).toMatchObject({ ok: false, code: 'FINALISED' });
    const quickCheck = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'quickcheck', from: created.workshopId }, cookie })).json()) as CreatedWorkshop;
    const qc = withCookie(url, cookie);
    const qcSession = await ok<FacilitatorSession>(qc, 'workshop:join', { role: 'facilitator', workshopId: quickCheck.workshopId, protocolVersion: PROTOCOL_VERSION });
    expect(qcSession.state.workshop.config.themes).toEqual([
      { id: first.proposalId, name: 'Verwaltung', description: 'Digitale Verwaltung, Anträge online' },
      { id: school.proposalId, name: 'Schulen ans Glasfasernetz' },
    ]);
    expect(qcSession.state.workshop.config.organisations).toHaveLength(12);
    const steps = ((await (await api(url, `/api/processes/${process.id}`, { cookie })).json()) as ProcessView).steps;
    expect(steps.map((s) => [s.position, s.kind, s.phase])).toEqual([
      [1, 'collection', 'finalised'],
      [2, 'quickcheck', 'lobby'],
    ]);
    qc.disconnect();
  });

  it('S-1, TC-3: who may send what in a collection; Quick-Check events are refused; the limit per participant holds', async () => {
    server = await startServer({ eventBurst: 100, eventsPerSecond: 100 });
    const { url } = server;
    const { created, facilitator } = await collectionStep(url);
    await ok(facilitator, 'collection:phase', { phase: 'collecting' });
    const t = await tablet(url, created.code, 'kreis');
    const projector = connect(url);
    await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: PROTOCOL_VERSION });
    expect(await request(projector, 'proposal:submit', { opId: op(), title: 'X' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(t.socket, 'proposal:decide', { opId: op(), proposalId: 'x', status: 'accepted' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(t.socket, 'answer:set', { opId: op(), themeId: 'a', criterionId: 'b', value: 3 })).toMatchObject({ ok: false, code: 'WRONG_ACTIVITY' });
    expect(await request(facilitator, 'phase:set', { phase: 'scoring' })).toMatchObject({ ok: false, code: 'WRONG_ACTIVITY' });
    expect(await request(facilitator, 'proposal:decide', { opId: op(), proposalId: 'nope', status: 'accepted' })).toMatchObject({ ok: false, code: 'UNKNOWN_PROPOSAL' });
    expect(await request(facilitator, 'collection:phase', { phase: 'finalised' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    for (let i = 0; i < 30; i++) await ok(t.socket, 'proposal:submit', { opId: op(), title: `Thema ${i + 1}` });
    expect(await request(t.socket, 'proposal:submit', { opId: op(), title: 'Eins zu viel' })).toMatchObject({ ok: false, code: 'PROPOSAL_LIMIT' });
    // No exports for a collection (they are the Quick-Check's), and the server is fine.
    expect((await api(url, `/api/workshops/${created.workshopId}/export/themes.csv`, { cookie: await adminCookie(url) })).status).toBe(404);
  });

  it('TC-4: restarted on the same file, the collection is as it was', async () => {
    server = await startServer();
    const { url, dataDir } = server;
    const { created, facilitator } = await collectionStep(url);
    await ok(facilitator, 'collection:phase', { phase: 'collecting' });
    const t = await tablet(url, created.code, 'olfen');
    const a = await ok<ProposalReceipt>(t.socket, 'proposal:submit', { opId: op(), title: 'Tourismus' });
    const b = await ok<ProposalReceipt>(t.socket, 'proposal:submit', { opId: op(), title: 'Tourismus digital' });
    await ok(facilitator, 'proposal:merge', { opId: op(), sourceId: b.proposalId, targetId: a.proposalId });
    await ok(facilitator, 'proposal:decide', { opId: op(), proposalId: a.proposalId, status: 'accepted' });
    const before = (await ok<Resync>(facilitator, 'state:get', {})).state;
    disconnectAll();
    await server.app.close();
    server = await startServer({}, dataDir);
    const after = withCookie(server.url, await adminCookie(server.url));
    const rejoined = await ok<FacilitatorSession>(after, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    expect(rejoined.state).toEqual(before);
    after.disconnect();
  });
});

// ---------------------------------------------------------------------------
// Durability under SIGKILL

const emit = emitUnlessGone;
const open = connectUnlessDown;

interface Tablet {
  organisationId: string;
  resumeToken?: string;
  participantId?: string;
  outbox: { opId: string; title: string }[];
  acknowledged: { opId: string; proposalId: string; title: string }[];
}

/** One tablet's life until the server dies: join or resume, then send its outbox as the Konsens tablet does. */
async function drain(url: string, code: string, t: Tablet, sockets: Socket[]): Promise<void> {
  const socket = await open(url);
  if (!socket) return;
  sockets.push(socket);
  const join = t.resumeToken ? { role: 'participant', code, resumeToken: t.resumeToken, protocolVersion: PROTOCOL_VERSION } : { role: 'participant', code, organisationId: t.organisationId, protocolVersion: PROTOCOL_VERSION };
  const joined = await emit<CollectionParticipantSession>(socket, 'workshop:join', join);
  if (!joined?.ok) return;
  t.resumeToken = joined.data.resumeToken;
  t.participantId = joined.data.participantId;
  while (t.outbox.length > 0) {
    const next = t.outbox[0]!;
    const reply = await emit<ProposalReceipt>(socket, 'proposal:submit', next);
    if (!reply) return;
    if (!reply.ok) throw new Error(`proposal refused: ${reply.code}`);
    t.outbox.shift();
    t.acknowledged.push({ ...next, proposalId: reply.data.proposalId });
  }
}

const PER_TABLET = 6;
const TOTAL = 25 * PER_TABLET;

describe('theme collection durability', () => {
  it('TC-4: SIGKILL during a burst of 150 proposals from 25 tablets, three times: no acknowledged proposal lost, none doubled', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    child = await spawnServer(dataDir);
    const cookie = await adminCookie(child.url);
    const process = (await (await api(child.url, '/api/processes', { body: { title: 'Crash', template: 'coesfeld' }, cookie })).json()) as ProcessView;
    const created = (await (await api(child.url, `/api/processes/${process.id}/steps`, { body: { kind: 'collection' }, cookie })).json()) as CreatedWorkshop;
    const facilitator = withCookie(child.url, cookie);
    await ok(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    await ok(facilitator, 'collection:phase', { phase: 'collecting' });
    facilitator.disconnect();

    const organisations = process.organisations.map((o) => o.id);
    const tablets: Tablet[] = Array.from({ length: 25 }, (_, i) => ({
      organisationId: organisations[i % organisations.length]!,
      // Six each, sent one after the other as a tablet does: a burst long enough for a kill to land in it.
      outbox: Array.from({ length: PER_TABLET }, (_, k) => ({ opId: `crash-${i}-${k}-${Date.now()}`, title: `Vorschlag ${i + 1}.${k + 1}` })),
      acknowledged: [],
    }));
    /** Proposals still unacknowledged when a kill came: the test means nothing if the kills missed the burst. */
    let interrupted = 0;
    for (let kill = 0; kill < 3; kill++) {
      const sockets: Socket[] = [];
      const burst = Promise.all(tablets.map((t) => drain(child!.url, created.code, t, sockets)));
      // Mid-burst: after the first acknowledgements, before the last.
      await until(() => tablets.some((t) => t.acknowledged.length > 0) || tablets.every((t) => t.outbox.length === 0), 'the burst under way', 20_000);
      await new Promise((r) => setTimeout(r, Math.random() * 10));
      await child.kill('SIGKILL');
      await burst;
      interrupted += tablets.reduce((sum, t) => sum + t.outbox.length, 0);
      for (const s of sockets) s.disconnect();
      child = await spawnServer(dataDir);
    }
    // After the last restart every tablet sends what is left.
    const sockets: Socket[] = [];
    await Promise.all(tablets.map((t) => drain(child!.url, created.code, t, sockets)));
    for (const s of sockets) s.disconnect();
    expect(tablets.every((t) => t.outbox.length === 0)).toBe(true);
    expect(interrupted).toBeGreaterThan(0);

    const db = new Database(join(dataDir, 'konsens.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT actor, op_id, payload FROM activity_log WHERE workshop_id = ? AND type = 'submit'").all(created.workshopId) as { actor: string; op_id: string; payload: string }[];
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check;
    db.close();
    expect(integrity).toBe('ok');
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => `${r.actor}/${r.op_id}`)).size).toBe(TOTAL);
    for (const t of tablets) {
      for (const ack of t.acknowledged) {
        const row = rows.find((r) => r.op_id === ack.opId);
        expect(row, ack.opId).toBeDefined();
        expect(row!.actor).toBe(`p:${t.participantId}`);
        expect(JSON.parse(row!.payload)).toMatchObject({ proposalId: ack.proposalId, title: ack.title });
      }
    }
    // And the facilitator's console shows exactly those.
    const again = withCookie(child.url, await adminCookie(child.url));
    const state = (await ok<FacilitatorSession>(again, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION })).state as unknown as CollectionFacilitatorState;
    expect(state.proposals).toHaveLength(TOTAL);
    expect(new Set(state.proposals.map((p) => p.title)).size).toBe(TOTAL);
    again.disconnect();
  });
});
