/**
 * The role matrix (SPEC S-1, S-2): every client event × every kind of caller —
 * a connection that has not joined, a participant, a projector, the facilitator
 * of another workshop and the facilitator of this workshop — is either allowed
 * or refused with the documented code, with valid payloads so that only the
 * role decides. A refused call changes nothing in the database.
 *
 * Cross-workshop (J-2, J-3, P-4): whoever belongs to workshop A gets nothing of
 * workshop B — no facilitator seat with A's secret, no participant with A's or
 * B's token in the other workshop, and no pushed state or results of B.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_EVENTS,
  ERROR_CODES,
  type AnswerReceipt,
  type BatchReceipt,
  type ClientEventName,
  type CreatedWorkshop,
  type ErrorCode,
  type FacilitatorState,
  type ParticipantSession,
  type ParticipantState,
  type ProjectorState,
  type Resync,
  type Session,
  type WorkshopView,
} from '../../shared/protocol.js';
import type { Decision } from '../../shared/domain/consolidation.js';
import { HANDLERS } from '../../server/realtime/transport.js';
import type { AppConfig } from '../../server/app.js';
import { connect, createWorkshop, disconnectAll, ok, opId, request, startServer, until, version, type Client, type TestServer, type TestWorkshop } from '../support/harness.js';

type Actor = 'guest' | 'participant' | 'projector' | 'otherFacilitator' | 'facilitator';
const ACTORS: readonly Actor[] = ['guest', 'participant', 'projector', 'otherFacilitator', 'facilitator'];
type Expected = 'allowed' | ErrorCode;

const joinedOnly = (allowed: readonly Actor[]): Record<Actor, Expected> => ({
  guest: 'NOT_JOINED',
  participant: allowed.includes('participant') ? 'allowed' : 'FORBIDDEN',
  projector: allowed.includes('projector') ? 'allowed' : 'FORBIDDEN',
  otherFacilitator: allowed.includes('otherFacilitator') ? 'allowed' : 'FORBIDDEN',
  facilitator: allowed.includes('facilitator') ? 'allowed' : 'FORBIDDEN',
});

/**
 * The documented matrix (docs/PROTOCOL.md, "who"). "allowed" for the facilitator
 * of another workshop means: allowed, on that other workshop.
 */
const MATRIX: Record<ClientEventName, Record<Actor, Expected>> = {
  'workshop:join': { guest: 'allowed', participant: 'ALREADY_JOINED', projector: 'ALREADY_JOINED', otherFacilitator: 'ALREADY_JOINED', facilitator: 'ALREADY_JOINED' },
  'state:get': joinedOnly(['participant', 'projector', 'otherFacilitator', 'facilitator']),
  'answer:set': joinedOnly(['participant']),
  'answer:withdraw': joinedOnly(['participant']),
  'answer:batch': joinedOnly(['participant']),
  'workshop:update': joinedOnly(['otherFacilitator', 'facilitator']),
  'phase:set': joinedOnly(['otherFacilitator', 'facilitator']),
  'workshop:delete': joinedOnly(['otherFacilitator', 'facilitator']),
  'consolidation:move': joinedOnly(['otherFacilitator', 'facilitator']),
  'projector:show': joinedOnly(['otherFacilitator', 'facilitator']),
  'workshop:duplicate': joinedOnly(['otherFacilitator', 'facilitator']),
  'participant:list': joinedOnly(['otherFacilitator', 'facilitator']),
  'participant:move': joinedOnly(['otherFacilitator', 'facilitator']),
  'participant:remove': joinedOnly(['otherFacilitator', 'facilitator']),
  'participant:switch': joinedOnly(['participant']),
  // Theme collection's events: the roles as documented; in these two Quick-Check workshops the allowed
  // roles get WRONG_ACTIVITY (tests/integration/collection.test.ts runs them in a collection).
  'proposal:submit': joinedOnly(['participant', 'otherFacilitator', 'facilitator']),
  'proposal:support': joinedOnly(['participant']),
  'proposal:edit': joinedOnly(['otherFacilitator', 'facilitator']),
  'proposal:merge': joinedOnly(['otherFacilitator', 'facilitator']),
  'proposal:decide': joinedOnly(['otherFacilitator', 'facilitator']),
  'collection:update': joinedOnly(['otherFacilitator', 'facilitator']),
  'collection:phase': joinedOnly(['otherFacilitator', 'facilitator']),
  // Vision's events, likewise (tests/integration/vision.test.ts runs them in a vision step).
  'statement:add': joinedOnly(['otherFacilitator', 'facilitator']),
  'statement:revise': joinedOnly(['otherFacilitator', 'facilitator']),
  'statement:withdraw': joinedOnly(['otherFacilitator', 'facilitator']),
  'consent:open': joinedOnly(['otherFacilitator', 'facilitator']),
  'consent:close': joinedOnly(['otherFacilitator', 'facilitator']),
  'consent:answer': joinedOnly(['participant']),
  'vision:update': joinedOnly(['otherFacilitator', 'facilitator']),
  'vision:phase': joinedOnly(['otherFacilitator', 'facilitator']),
  // Project selection's events, likewise (tests/integration/selection.test.ts runs them in a selection).
  'idea:put': joinedOnly(['otherFacilitator', 'facilitator']),
  'vote:open': joinedOnly(['otherFacilitator', 'facilitator']),
  'vote:close': joinedOnly(['otherFacilitator', 'facilitator']),
  'vote:reveal': joinedOnly(['otherFacilitator', 'facilitator']),
  'points:set': joinedOnly(['participant']),
  'selection:override': joinedOnly(['otherFacilitator', 'facilitator']),
  'profile:update': joinedOnly(['otherFacilitator', 'facilitator']),
  'selection:update': joinedOnly(['otherFacilitator', 'facilitator']),
  'selection:phase': joinedOnly(['otherFacilitator', 'facilitator']),
};

/** Events of other activities: in a Quick-Check, the roles allowed to send them get WRONG_ACTIVITY. */
const COLLECTION_EVENTS: readonly ClientEventName[] = [
  'proposal:submit',
  'proposal:support',
  'proposal:edit',
  'proposal:merge',
  'proposal:decide',
  'collection:update',
  'collection:phase',
  'statement:add',
  'statement:revise',
  'statement:withdraw',
  'consent:open',
  'consent:close',
  'consent:answer',
  'vision:update',
  'vision:phase',
  'idea:put',
  'vote:open',
  'vote:close',
  'vote:reveal',
  'points:set',
  'selection:override',
  'profile:update',
  'selection:update',
  'selection:phase',
];

const TABLES = ['workshops', 'participants', 'answer_log', 'answers', 'answer_ops', 'decisions'] as const;
type Snapshot = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

/** Every row of every table, in a stable order (all columns). */
function snapshotDb(file: string): Snapshot {
  const db = new Database(file, { readonly: true });
  try {
    const snapshot = {} as Snapshot;
    for (const table of TABLES) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => `"${c.name}"`);
      snapshot[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all() as Record<string, unknown>[];
    }
    return snapshot;
  } finally {
    db.close();
  }
}

/** The rows that belong to one workshop. */
function rowsOf(snapshot: Snapshot, workshopId: string): Snapshot {
  const mine = (table: string) => (row: Record<string, unknown>) => (table === 'workshops' ? row.id : row.workshop_id) === workshopId;
  return Object.fromEntries(TABLES.map((t) => [t, snapshot[t].filter(mine(t))])) as Snapshot;
}

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

async function start(config: Partial<AppConfig> = {}): Promise<TestServer> {
  server = await startServer(config);
  return server;
}

function joinPayloads(w: TestWorkshop, organisationId = 'coesfeld') {
  return {
    participant: { role: 'participant', code: w.code, organisationId, protocolVersion: version },
    projector: { role: 'projector', code: w.code, protocolVersion: version },
    facilitator: { role: 'facilitator', workshopId: w.workshopId, secret: w.facilitatorSecret, protocolVersion: version },
  };
}

/**
 * Workshop A in scoring with a participant (who has answered), a projector, its
 * facilitator and a guest; workshop B in scoring with its own facilitator and a
 * participant who has answered.
 */
async function twoWorkshops(url: string) {
  const a = await createWorkshop(url, { template: 'coesfeld', title: 'Workshop A' });
  const b = await createWorkshop(url, { template: 'coesfeld', title: 'Workshop B' });
  const sockets = {} as Record<Actor, Client>;
  sockets.facilitator = connect(url);
  await ok(sockets.facilitator, 'workshop:join', joinPayloads(a).facilitator);
  sockets.otherFacilitator = connect(url);
  await ok(sockets.otherFacilitator, 'workshop:join', joinPayloads(b).facilitator);
  sockets.participant = connect(url);
  const participantA = await ok<ParticipantSession>(sockets.participant, 'workshop:join', joinPayloads(a, 'coesfeld').participant);
  sockets.projector = connect(url);
  await ok(sockets.projector, 'workshop:join', joinPayloads(a).projector);
  sockets.guest = connect(url);
  const tabletB = connect(url);
  const participantB = await ok<ParticipantSession>(tabletB, 'workshop:join', joinPayloads(b, 'olfen').participant);
  await ok(sockets.facilitator, 'phase:set', { phase: 'scoring' });
  await ok(sockets.otherFacilitator, 'phase:set', { phase: 'scoring' });
  await ok<AnswerReceipt>(sockets.participant, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 3 });
  await ok<AnswerReceipt>(tabletB, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 5 });
  return { a, b, sockets, participantA, participantB, tabletB };
}

function validPayload(event: Exclude<ClientEventName, 'workshop:join'>): unknown {
  switch (event) {
    case 'state:get':
    case 'workshop:delete':
    case 'workshop:duplicate':
      return {};
    case 'consolidation:move':
      return { themeId: 'bildung', tier: 'III', reason: 'Noch keine Mittel im Haushalt' };
    case 'participant:list':
      return {};
    case 'participant:move':
      return { participantId: 'p-unknown', organisationId: 'kreis' };
    case 'participant:remove':
      return { participantId: 'p-unknown' };
    case 'participant:switch':
      return { organisationId: 'kreis' };
    case 'projector:show':
      return { view: 'individual' };
    case 'answer:set':
      return { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 };
    case 'answer:withdraw':
      return { opId: opId(), themeId: 'bildung', criterionId: 'importance' };
    case 'answer:batch':
      return { answers: [{ opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 2 }, { opId: opId(), themeId: 'kultur', criterionId: 'potential', value: null }] };
    case 'workshop:update':
      return { title: 'Neuer Titel' };
    case 'phase:set':
      return { phase: 'closed' };
    case 'proposal:submit':
      return { opId: opId(), title: 'Digitale Verwaltung' };
    case 'proposal:support':
      return { opId: opId(), proposalId: 'p1', support: true };
    case 'proposal:edit':
      return { opId: opId(), proposalId: 'p1', title: 'Verwaltung' };
    case 'proposal:merge':
      return { opId: opId(), sourceId: 'p1', targetId: 'p2' };
    case 'proposal:decide':
      return { opId: opId(), proposalId: 'p1', status: 'accepted' };
    case 'collection:update':
      return { supportAllowed: true };
    case 'collection:phase':
      return { phase: 'collecting' };
    case 'statement:add':
      return { opId: opId(), kind: 'principle', title: 'Digital zuerst', text: 'Wir denken Verwaltung digital.' };
    case 'statement:revise':
      return { opId: opId(), statementId: 's1', title: 'Digital zuerst', text: 'Neu gefasst.' };
    case 'statement:withdraw':
      return { opId: opId(), statementId: 's1', withdrawn: true };
    case 'consent:open':
    case 'consent:close':
      return { opId: opId(), statementId: 's1' };
    case 'consent:answer':
      return { opId: opId(), statementId: 's1', round: 1, answer: 'objection', text: 'Datenschutz fehlt' };
    case 'vision:update':
      return { votingUnit: 'person' };
    case 'vision:phase':
      return { phase: 'running' };
    case 'idea:put':
      return { opId: opId(), title: 'Tablets für Grundschulen', cost: '12.500,50' };
    case 'vote:open':
      return { opId: opId(), mode: 'points' };
    case 'vote:close':
      return { opId: opId(), voteId: 'v1' };
    case 'vote:reveal':
      return { opId: opId(), voteId: 'v1', revealed: true };
    case 'points:set':
      return { opId: opId(), voteId: 'v1', ideaId: 'i1', points: 10 };
    case 'selection:override':
      return { opId: opId(), ideaId: 'i1', decision: 'include', reason: 'Kofinanzierung gesichert' };
    case 'profile:update':
      return { opId: opId(), ideaId: 'i1', status: 'planned' };
    case 'selection:update':
      return { budget: 30000 };
    case 'selection:phase':
      return { phase: 'running' };
  }
}

describe('role matrix', () => {
  it('S-1: the registry declares exactly the documented callers for every client event', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...CLIENT_EVENTS].sort());
    const asCaller: Record<Actor, string> = { guest: 'guest', participant: 'participant', projector: 'projector', otherFacilitator: 'facilitator', facilitator: 'facilitator' };
    for (const event of CLIENT_EVENTS) {
      const handler = HANDLERS.find((h) => h.event === event);
      expect(handler, event).toBeDefined();
      const documented = new Set(ACTORS.filter((actor) => MATRIX[event][actor] === 'allowed').map((actor) => asCaller[actor]));
      expect([...handler!.callers].sort(), event).toEqual([...documented].sort());
    }
  });

  it.each([...CLIENT_EVENTS])('S-2: %s × every role — allowed or refused with the documented code, a refusal changes nothing', async (event) => {
    // Rate limits (S-5) are not the subject here: the facilitator reads A's state around every call.
    const { url, dbFile } = await start({ eventBurst: 1_000, eventsPerSecond: 1_000 });
    const { a, b, sockets, participantA, participantB } = await twoWorkshops(url);
    const stateOfA = async () => (await ok<{ state: FacilitatorState }>(sockets.facilitator, 'state:get', {})).state;

    // Refusals first, with valid payloads: only the role decides.
    for (const actor of ACTORS) {
      const expected = MATRIX[event][actor];
      if (expected === 'allowed') continue;
      const payloads: unknown[] = event === 'workshop:join' ? Object.values(joinPayloads(a)) : [validPayload(event)];
      // S-2: refused before the payload is read, so a malformed payload gets the same answer.
      payloads.push('not a payload');
      for (const payload of payloads) {
        const dbBefore = snapshotDb(dbFile);
        const stateBefore = await stateOfA();
        const response = await request(sockets[actor], event, payload);
        expect(response, `${actor} ${event} ${JSON.stringify(payload)}`).toEqual({ ok: false, code: expected, message: ERROR_CODES[expected] });
        expect(snapshotDb(dbFile), `${actor} ${event}: database unchanged`).toEqual(dbBefore);
        expect(await stateOfA(), `${actor} ${event}: workshop A unchanged`).toEqual(stateBefore);
      }
      // The refused connection is still what it was.
      if (actor !== 'guest') expect(await request(sockets[actor], 'state:get', {})).toMatchObject({ ok: true });
      else expect(await request(sockets.guest, 'state:get', {})).toMatchObject({ ok: false, code: 'NOT_JOINED' });
    }

    // Then the allowed calls; the facilitator of another workshop acts on that workshop only.
    const allowed = ACTORS.filter((actor) => MATRIX[event][actor] === 'allowed');
    const before = snapshotDb(dbFile);
    if (COLLECTION_EVENTS.includes(event)) {
      // S-1: the role may send it, but these workshops run a Quick-Check: refused, nothing changes.
      for (const actor of allowed) {
        expect(await request(sockets[actor], event, validPayload(event as Exclude<ClientEventName, 'workshop:join'>)), `${actor} ${event}`).toEqual({ ok: false, code: 'WRONG_ACTIVITY', message: ERROR_CODES.WRONG_ACTIVITY });
      }
      expect(snapshotDb(dbFile)).toEqual(before);
      return;
    }
    switch (event) {
      case 'workshop:join': {
        expect(allowed).toEqual(['guest']);
        const payloads = joinPayloads(a, 'olfen');
        const asProjector = await ok<Session>(sockets.guest, 'workshop:join', payloads.projector);
        expect(asProjector).toMatchObject({ role: 'projector', state: { workshop: { id: a.workshopId }, results: null } });
        const asFacilitator = await ok<Session>(connect(url), 'workshop:join', payloads.facilitator);
        expect(asFacilitator).toMatchObject({ role: 'facilitator', state: { workshop: { id: a.workshopId } } });
        const asParticipant = await ok<ParticipantSession>(connect(url), 'workshop:join', payloads.participant);
        expect(asParticipant).toMatchObject({ role: 'participant', organisationId: 'olfen', answers: [] });
        const after = snapshotDb(dbFile);
        expect(after.participants.length).toBe(before.participants.length + 1);
        expect(after.participants.find((p) => p.id === asParticipant.participantId)).toMatchObject({ workshop_id: a.workshopId, organisation_id: 'olfen' });
        expect(rowsOf(after, b.workshopId)).toEqual(rowsOf(before, b.workshopId));
        break;
      }
      case 'state:get': {
        expect(allowed).toEqual(['participant', 'projector', 'otherFacilitator', 'facilitator']);
        const own = await ok<Resync>(sockets.participant, 'state:get', {});
        expect(own.state).toMatchObject({ role: 'participant', workshop: { id: a.workshopId }, results: null });
        expect(own.answers).toEqual([{ themeId: 'bildung', criterionId: 'importance', value: 3 }]);
        const projected = await ok<Resync>(sockets.projector, 'state:get', {});
        expect(projected.state).toMatchObject({ role: 'projector', workshop: { id: a.workshopId }, results: null });
        expect(projected).not.toHaveProperty('answers');
        const other = await ok<Resync>(sockets.otherFacilitator, 'state:get', {});
        expect(other.state).toMatchObject({ role: 'facilitator', workshop: { id: b.workshopId, code: b.code } });
        expect(JSON.stringify(other)).not.toContain(a.workshopId);
        const facilitated = await ok<Resync>(sockets.facilitator, 'state:get', {});
        expect(facilitated.state).toMatchObject({ role: 'facilitator', workshop: { id: a.workshopId } });
        expect((facilitated.state as FacilitatorState).results.themes.find((t) => t.themeId === 'bildung')!.criteria[0]).toMatchObject({ nPersons: 1, mean: 3 });
        expect(snapshotDb(dbFile)).toEqual(before);
        break;
      }
      case 'answer:set':
      case 'answer:withdraw': {
        expect(allowed).toEqual(['participant']);
        const receipt = await ok<AnswerReceipt>(sockets.participant, event, validPayload(event));
        const after = snapshotDb(dbFile);
        const answer = after.answers.find((row) => row.participant_id === participantA.participantId);
        if (event === 'answer:set') {
          expect(receipt).toMatchObject({ value: 4, withdrawn: false, duplicate: false });
          expect(answer).toMatchObject({ workshop_id: a.workshopId, theme_id: 'bildung', criterion_id: 'importance', value: 4 });
        } else {
          expect(receipt).toMatchObject({ withdrawn: true, duplicate: false });
          expect(answer).toBeUndefined();
        }
        expect(after.answer_ops.length).toBe(before.answer_ops.length + 1);
        expect(rowsOf(after, b.workshopId)).toEqual(rowsOf(before, b.workshopId));
        break;
      }
      case 'answer:batch': {
        expect(allowed).toEqual(['participant']);
        const { receipts } = await ok<{ receipts: BatchReceipt[] }>(sockets.participant, event, validPayload(event));
        expect(receipts.map(({ value, duplicate }) => ({ value, duplicate }))).toEqual([{ value: 2, duplicate: undefined }, { value: null, duplicate: undefined }]);
        const after = snapshotDb(dbFile);
        const mine = after.answers.filter((row) => row.participant_id === participantA.participantId);
        expect(mine).toEqual(expect.arrayContaining([expect.objectContaining({ theme_id: 'bildung', value: 2 }), expect.objectContaining({ theme_id: 'kultur', value: null })]));
        expect(after.answer_log.length).toBe(before.answer_log.length + 2);
        expect(rowsOf(after, b.workshopId)).toEqual(rowsOf(before, b.workshopId));
        break;
      }
      case 'workshop:update':
      case 'phase:set': {
        expect(allowed).toEqual(['otherFacilitator', 'facilitator']);
        const viewOfB = await ok<WorkshopView>(sockets.otherFacilitator, event, validPayload(event));
        expect(viewOfB.id).toBe(b.workshopId);
        const afterB = snapshotDb(dbFile);
        expect(rowsOf(afterB, a.workshopId), 'workshop A untouched by the facilitator of B').toEqual(rowsOf(before, a.workshopId));
        const rowB = afterB.workshops.find((w) => w.id === b.workshopId)!;
        if (event === 'phase:set') expect(rowB.phase).toBe('closed');
        else expect(JSON.parse(rowB.config as string)).toMatchObject({ title: 'Neuer Titel' });

        const viewOfA = await ok<WorkshopView>(sockets.facilitator, event, validPayload(event));
        expect(viewOfA.id).toBe(a.workshopId);
        const afterA = snapshotDb(dbFile);
        const rowA = afterA.workshops.find((w) => w.id === a.workshopId)!;
        if (event === 'phase:set') expect(rowA).toMatchObject({ phase: 'closed', revision: viewOfA.revision });
        else expect(JSON.parse(rowA.config as string)).toMatchObject({ title: 'Neuer Titel' });
        expect(rowsOf(afterA, b.workshopId)).toEqual(rowsOf(afterB, b.workshopId));
        break;
      }
      case 'workshop:delete': {
        expect(allowed).toEqual(['otherFacilitator', 'facilitator']);
        // The facilitator of B deletes B — their own — and nothing of A.
        expect(await ok(sockets.otherFacilitator, 'workshop:delete', {})).toEqual({ deleted: true });
        const afterB = snapshotDb(dbFile);
        expect(rowsOf(afterB, a.workshopId), 'workshop A untouched by deleting B').toEqual(rowsOf(before, a.workshopId));
        expect(rowsOf(afterB, b.workshopId)).toEqual({ workshops: [], participants: [], answer_log: [], answers: [], answer_ops: [], decisions: [] });
        expect(await ok<Resync>(sockets.participant, 'state:get', {})).toMatchObject({ state: { workshop: { id: a.workshopId } } });
        // The destructive call on A last.
        expect(await ok(sockets.facilitator, 'workshop:delete', {})).toEqual({ deleted: true });
        const afterA = snapshotDb(dbFile);
        expect(afterA).toEqual({ workshops: [], participants: [], answer_log: [], answers: [], answer_ops: [], decisions: [] });
        break;
      }
      case 'consolidation:move': {
        expect(allowed).toEqual(['otherFacilitator', 'facilitator']);
        // Not before the consolidation (P-5) …
        expect(await request(sockets.facilitator, event, validPayload(event))).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
        for (const phase of ['closed', 'revealed', 'consolidating']) {
          await ok(sockets.facilitator, 'phase:set', { phase });
          await ok(sockets.otherFacilitator, 'phase:set', { phase });
        }
        const beforeMoves = snapshotDb(dbFile);
        // … then each facilitator moves a theme of their own workshop only.
        const decisionB = await ok<Decision>(sockets.otherFacilitator, event, validPayload(event));
        expect(decisionB).toMatchObject({ seq: 1, themeId: 'bildung', from: null, to: 'III', reason: 'Noch keine Mittel im Haushalt' });
        const afterB = snapshotDb(dbFile);
        expect(rowsOf(afterB, a.workshopId)).toEqual(rowsOf(beforeMoves, a.workshopId));
        expect(afterB.decisions).toEqual([expect.objectContaining({ workshop_id: b.workshopId, seq: 1, theme_id: 'bildung', to_tier: 'III' })]);
        await ok<Decision>(sockets.facilitator, event, { themeId: 'verwaltung', tier: 'I', reason: 'Pflichtaufgabe' });
        const afterA = snapshotDb(dbFile);
        expect(rowsOf(afterA, a.workshopId).decisions).toEqual([expect.objectContaining({ seq: 1, theme_id: 'verwaltung', to_tier: 'I', reason: 'Pflichtaufgabe' })]);
        expect(rowsOf(afterA, b.workshopId)).toEqual(rowsOf(afterB, b.workshopId));
        break;
      }
      case 'projector:show': {
        expect(allowed).toEqual(['otherFacilitator', 'facilitator']);
        const viewOfB = await ok<WorkshopView>(sockets.otherFacilitator, event, validPayload(event));
        expect(viewOfB).toMatchObject({ id: b.workshopId, projectorView: 'individual' });
        const afterB = snapshotDb(dbFile);
        expect(rowsOf(afterB, a.workshopId)).toEqual(rowsOf(before, a.workshopId));
        expect(JSON.parse(afterB.workshops.find((w) => w.id === b.workshopId)!.meta as string)).toMatchObject({ projectorView: 'individual' });
        expect(await ok<WorkshopView>(sockets.facilitator, event, validPayload(event))).toMatchObject({ id: a.workshopId, projectorView: 'individual' });
        break;
      }
      case 'participant:list': {
        expect(allowed).toEqual(['otherFacilitator', 'facilitator']);
        const ofB = await ok<{ participants: { participantId: string }[] }>(sockets.otherFacilitator, event, {});
        expect(ofB.participants.map((p) => p.participantId)).toEqual([participantB.participantId]);
        const ofA = await ok<{ participants: { participantId: string }[] }>(sockets.facilitator, event, {});
        expect(ofA.participants.map((p) => p.participantId)).toEqual([participantA.participantId]);
        expect(snapshotDb(dbFile)).toEqual(before);
        break;
      }
      case 'participant:move':
      case 'participant:remove': {
        expect(allowed).toEqual(['otherFacilitator', 'facilitator']);
        const payload = (participantId: string) => (event === 'participant:move' ? { participantId, organisationId: 'kreis' } : { participantId });
        // J-5, J-6: the facilitator of B cannot reach A's tablet by its id.
        expect(await request(sockets.otherFacilitator, event, payload(participantA.participantId))).toMatchObject({ ok: false, code: 'UNKNOWN_PARTICIPANT' });
        expect(snapshotDb(dbFile)).toEqual(before);
        await ok(sockets.otherFacilitator, event, payload(participantB.participantId));
        const afterB = snapshotDb(dbFile);
        expect(rowsOf(afterB, a.workshopId)).toEqual(rowsOf(before, a.workshopId));
        const rowB = afterB.participants.find((p) => p.id === participantB.participantId);
        if (event === 'participant:move') expect(rowB).toMatchObject({ organisation_id: 'kreis' });
        else expect(rowB).toBeUndefined();
        await ok(sockets.facilitator, event, payload(participantA.participantId));
        expect(rowsOf(snapshotDb(dbFile), b.workshopId)).toEqual(rowsOf(afterB, b.workshopId));
        break;
      }
      case 'participant:switch': {
        expect(allowed).toEqual(['participant']);
        expect(await ok(sockets.participant, event, validPayload(event))).toMatchObject({ participantId: participantA.participantId, organisationId: 'kreis' });
        const after = snapshotDb(dbFile);
        expect(after.participants.find((p) => p.id === participantA.participantId)).toMatchObject({ workshop_id: a.workshopId, organisation_id: 'kreis' });
        expect(rowsOf(after, b.workshopId)).toEqual(rowsOf(before, b.workshopId));
        break;
      }
      case 'workshop:duplicate': {
        expect(allowed).toEqual(['otherFacilitator', 'facilitator']);
        const copy = await ok<CreatedWorkshop>(sockets.otherFacilitator, event, {});
        expect(copy.workshopId).not.toBe(b.workshopId);
        expect(copy.code).not.toBe(b.code);
        const after = snapshotDb(dbFile);
        expect(rowsOf(after, a.workshopId)).toEqual(rowsOf(before, a.workshopId));
        expect(rowsOf(after, b.workshopId)).toEqual(rowsOf(before, b.workshopId));
        const row = after.workshops.find((w) => w.id === copy.workshopId)!;
        expect(row).toMatchObject({ phase: 'lobby', code: copy.code });
        expect(JSON.parse(row.config as string)).toMatchObject({ title: 'Workshop B (Runde 2)' });
        expect(rowsOf(after, copy.workshopId)).toMatchObject({ participants: [], answer_log: [], answers: [], answer_ops: [], decisions: [] });
        break;
      }
    }
  });
});

describe('cross-workshop', () => {
  it("J-3: the facilitator of A cannot take B with A's secret, nor A with B's", async () => {
    const { url, dbFile } = await start();
    const { a, b } = await twoWorkshops(url);
    const before = snapshotDb(dbFile);
    const intruder = connect(url);
    for (const [workshopId, secret] of [[b.workshopId, a.facilitatorSecret], [a.workshopId, b.facilitatorSecret]]) {
      expect(await request(intruder, 'workshop:join', { role: 'facilitator', workshopId, secret, protocolVersion: version })).toEqual({
        ok: false,
        code: 'UNAUTHORISED',
        message: ERROR_CODES.UNAUTHORISED,
      });
    }
    // Still a guest: nothing of either workshop.
    expect(await request(intruder, 'state:get', {})).toMatchObject({ ok: false, code: 'NOT_JOINED' });
    expect(snapshotDb(dbFile)).toEqual(before);
    // The right pair works on the same connection.
    expect(await ok(intruder, 'workshop:join', joinPayloads(b).facilitator)).toMatchObject({ role: 'facilitator', state: { workshop: { id: b.workshopId } } });
  });

  it("J-2: a resume token works only in its own workshop", async () => {
    const { url, dbFile } = await start();
    const { a, b, participantA, participantB } = await twoWorkshops(url);
    const before = snapshotDb(dbFile);
    const tablet = connect(url);
    const attempts = [
      // A participant of A presents B's token with A's code …
      { code: a.code, resumeToken: participantB.resumeToken },
      // … or B's code with A's token.
      { code: b.code, resumeToken: participantA.resumeToken },
    ];
    for (const attempt of attempts) {
      expect(await request(tablet, 'workshop:join', { role: 'participant', ...attempt, protocolVersion: version })).toEqual({
        ok: false,
        code: 'INVALID_RESUME_TOKEN',
        message: ERROR_CODES.INVALID_RESUME_TOKEN,
      });
      // Not even with an organisation to fall back on: the token decides.
      expect(await request(tablet, 'workshop:join', { role: 'participant', ...attempt, organisationId: 'coesfeld', protocolVersion: version })).toMatchObject({
        ok: false,
        code: 'INVALID_RESUME_TOKEN',
      });
    }
    expect(snapshotDb(dbFile)).toEqual(before);
    expect(await request(tablet, 'state:get', {})).toMatchObject({ ok: false, code: 'NOT_JOINED' });
    // With its own workshop's code the token brings back the same participant.
    const again = await ok<ParticipantSession>(tablet, 'workshop:join', { role: 'participant', code: a.code, resumeToken: participantA.resumeToken, protocolVersion: version });
    expect(again).toMatchObject({ participantId: participantA.participantId, organisationId: 'coesfeld', answers: [{ themeId: 'bildung', criterionId: 'importance', value: 3 }] });
    expect(again.state.workshop.id).toBe(a.workshopId);
  });

  it("P-4: while B's participants vote and B is revealed, A's projector and participants receive nothing of B", async () => {
    const { url } = await start({ participantIntervalMs: 50 });
    const { a, b, sockets, tabletB } = await twoWorkshops(url);
    const mentionsB = (value: unknown) => {
      const text = JSON.stringify(value) ?? '';
      return text.includes(b.workshopId) || text.includes(`"${b.code}"`) || text.includes('Workshop B');
    };
    const record = (socket: Client) => {
      const events: { event: string; args: unknown[] }[] = [];
      socket.onAny((event: string, ...args: unknown[]) => events.push({ event, args }));
      return events;
    };
    const secondTabletA = connect(url);
    await ok(secondTabletA, 'workshop:join', joinPayloads(a, 'duelmen').participant);
    const seenByA = { projector: record(sockets.projector), participant: record(sockets.participant), secondParticipant: record(secondTabletA) };
    const projectorB = connect(url);
    const seenByProjectorB = record(projectorB);
    await ok(projectorB, 'workshop:join', joinPayloads(b).projector);

    // B: three more tablets of other organisations vote high everywhere; then B is closed and revealed.
    const themes = ['verwaltung', 'bildung', 'mobilitaet', 'tourismus', 'wirtschaft', 'gesundheit', 'kultur', 'innenstadt'];
    const tabletsB = [tabletB];
    for (const organisationId of ['kreis', 'senden', 'nottuln']) {
      const t = connect(url);
      await ok(t, 'workshop:join', joinPayloads(b, organisationId).participant);
      tabletsB.push(t);
    }
    for (const t of tabletsB) {
      await Promise.all(themes.flatMap((themeId) => ['importance', 'potential'].map((criterionId) => ok(t, 'answer:set', { opId: opId(), themeId, criterionId, value: 5 }))));
    }
    // Meanwhile A scores low (and stays in scoring).
    await ok(secondTabletA, 'answer:set', { opId: opId(), themeId: 'kultur', criterionId: 'potential', value: 1 });
    await ok(sockets.otherFacilitator, 'phase:set', { phase: 'closed' });
    await ok(sockets.otherFacilitator, 'phase:set', { phase: 'revealed' });
    // Control: B's own projector does get B's results …
    const revealedB = await until(
      () => seenByProjectorB.map((e) => e.args[0] as ProjectorState).find((s) => s?.workshop?.phase === 'revealed' && s.results),
      "B's results on B's projector",
    );
    expect(revealedB.results!.themes.find((t) => t.themeId === 'kultur')!.criteria[1]).toMatchObject({ mean: 5 });
    // … while B is revealed, A changes too (a new title), so A's audiences are sent A's state now.
    await ok(sockets.facilitator, 'workshop:update', { title: 'Workshop A, zweite Runde' });
    await until(
      () => Object.values(seenByA).every((events) => events.some((e) => (e.args[0] as ProjectorState).workshop?.config.title === 'Workshop A, zweite Runde')),
      "A's audiences receive A's new title",
    );
    // Time for anything else to arrive (participants are updated every 50 ms here).
    await new Promise((r) => setTimeout(r, 300));

    for (const [who, events] of Object.entries(seenByA)) {
      for (const { event, args } of events) {
        expect(event, who).toBe('state:update');
        expect(mentionsB(args), `${who} got something of B: ${JSON.stringify(args).slice(0, 200)}`).toBe(false);
        const state = args[0] as ProjectorState | ParticipantState;
        expect(state.workshop).toMatchObject({ id: a.workshopId, code: a.code, phase: 'scoring' });
        // P-4: A is not revealed, so A's projector and participants see no results at all.
        expect(state.results, who).toBeNull();
      }
    }

    // When A is revealed, A's audiences get A's results — not B's.
    await ok(sockets.facilitator, 'phase:set', { phase: 'closed' });
    await ok(sockets.facilitator, 'phase:set', { phase: 'revealed' });
    const resultsOfA = (await ok<{ state: FacilitatorState }>(sockets.facilitator, 'state:get', {})).state.results;
    expect(resultsOfA.themes.find((t) => t.themeId === 'kultur')!.criteria[1]).toMatchObject({ mean: 1, nPersons: 1 });
    for (const [who, events] of Object.entries(seenByA)) {
      const revealed = await until(
        () => events.map((e) => e.args[0] as ProjectorState | ParticipantState).find((s) => s.workshop.phase === 'revealed' && s.results),
        `A's results for ${who}`,
      );
      expect(revealed.results, who).toEqual(resultsOfA);
      for (const { args } of events) expect(mentionsB(args), who).toBe(false);
    }
    // And B's projector never saw A.
    for (const { args } of seenByProjectorB) {
      expect(JSON.stringify(args)).not.toContain(a.workshopId);
      expect((args[0] as ProjectorState).workshop.id).toBe(b.workshopId);
    }
  });
});
