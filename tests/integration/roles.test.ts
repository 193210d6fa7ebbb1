/**
 * Roles and bad input at the boundary (SPEC S-1 … S-4): refused calls get a
 * documented error code and change nothing; the server keeps serving everyone else.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_EVENTS, ERROR_CODES, type ClientEventName, type FacilitatorSession, type ParticipantSession } from '../../shared/protocol.js';
import { HANDLERS } from '../../server/realtime/transport.js';
import { adminCookie, api, connect, createWorkshop, disconnectAll, ok, opId, request, startServer, version, type TestServer } from '../support/harness.js';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  disconnectAll();
  await server.close();
});

const ALL_EVENTS: ClientEventName[] = [...CLIENT_EVENTS];

async function workshopWithActors() {
  const created = await createWorkshop(server.url);
  const facilitator = connect(server.url);
  await ok<FacilitatorSession>(facilitator, 'workshop:join', {
    role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version,
  });
  const participant = connect(server.url);
  const session = await ok<ParticipantSession>(participant, 'workshop:join', {
    role: 'participant', code: created.code, organisationId: 'coesfeld', protocolVersion: version,
  });
  const projector = connect(server.url);
  await ok(projector, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
  return { created, facilitator, participant, projector, session };
}

describe('roles', () => {
  it('S-1: every client event is in the handler registry with declared callers', () => {
    expect(HANDLERS.map((h) => h.event).sort()).toEqual([...ALL_EVENTS].sort());
    for (const handler of HANDLERS) expect(handler.callers.length).toBeGreaterThan(0);
  });

  it('S-2: every facilitator event sent by a participant or the projector is refused with FORBIDDEN and changes nothing', async () => {
    const { facilitator, participant, projector } = await workshopWithActors();
    const before = await ok<{ state: { workshop: { revision: number; phase: string } } }>(facilitator, 'state:get', {});
    for (const actor of [participant, projector]) {
      expect(await request(actor, 'phase:set', { phase: 'scoring' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await request(actor, 'workshop:update', { title: 'Übernommen' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await request(actor, 'workshop:delete', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await request(projector, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 3 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(facilitator, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 3 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const after = await ok<{ state: { workshop: { revision: number; phase: string; config: { title: string } } } }>(facilitator, 'state:get', {});
    expect(after.state.workshop).toMatchObject({ revision: before.state.workshop.revision, phase: 'lobby' });
    expect(after.state.workshop.config.title).not.toBe('Übernommen');
  });

  it('S-2: a connection that has not joined gets NOT_JOINED; joining twice gets ALREADY_JOINED', async () => {
    const { created, participant } = await workshopWithActors();
    const guest = connect(server.url);
    for (const event of ALL_EVENTS.filter((e) => e !== 'workshop:join')) {
      expect(await request(guest, event, {})).toMatchObject({ ok: false, code: 'NOT_JOINED' });
    }
    expect(await request(participant, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version })).toMatchObject({ ok: false, code: 'ALREADY_JOINED' });
  });

  it('J-3/J-4: wrong secret, unknown code, unknown organisation, bad token and an old protocol are refused clearly', async () => {
    const { created } = await workshopWithActors();
    const c = connect(server.url);
    expect(await request(c, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: 'x'.repeat(32), protocolVersion: version })).toMatchObject({ ok: false, code: 'UNAUTHORISED' });
    expect(await request(c, 'workshop:join', { role: 'projector', code: 'ZZZZZZ', protocolVersion: version })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await request(c, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'muenster', protocolVersion: version })).toMatchObject({ ok: false, code: 'UNKNOWN_ORGANISATION' });
    expect(await request(c, 'workshop:join', { role: 'participant', code: created.code, resumeToken: 'a'.repeat(32), protocolVersion: version })).toMatchObject({ ok: false, code: 'INVALID_RESUME_TOKEN' });
    expect(await request(c, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version - 1 })).toMatchObject({ ok: false, code: 'PROTOCOL_MISMATCH' });
  });
});

describe('bad input', () => {
  it('S-3: malformed payloads get BAD_REQUEST with details; the server keeps serving everyone else', async () => {
    const { facilitator, participant } = await workshopWithActors();
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    const bad: [string, unknown][] = [
      ['answer:set', undefined],
      ['answer:set', 'Bildung=5'],
      ['answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 3.5 }],
      ['answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: '3' }],
      ['answer:set', { opId: 'x', themeId: 'bildung', criterionId: 'importance', value: 3 }],
      ['answer:set', { opId: opId(), themeId: 'b'.repeat(10_000), criterionId: 'importance', value: 3 }],
      ['answer:set', JSON.parse('{"__proto__": {"polluted": true}, "opId": 5}')],
      ['answer:withdraw', [1, 2, 3]],
      ['state:get', null],
    ];
    for (const [event, payload] of bad) {
      const response = await request(participant, event, payload);
      expect(response, `${event} ${JSON.stringify(payload)?.slice(0, 60)}`).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      if (!response.ok) {
        expect(response.message).toBe(ERROR_CODES.BAD_REQUEST);
        expect(response.details?.length).toBeGreaterThan(0);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await request(participant, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 9 })).toMatchObject({ ok: false, code: 'OUT_OF_SCALE' });
    expect(await request(participant, 'answer:set', { opId: opId(), themeId: 'raumfahrt', criterionId: 'importance', value: 3 })).toMatchObject({ ok: false, code: 'UNKNOWN_THEME' });
    expect(await request(participant, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'kosten', value: 3 })).toMatchObject({ ok: false, code: 'UNKNOWN_CRITERION' });
    expect(await request(facilitator, 'phase:set', { phase: 'lobby' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(await request(facilitator, 'workshop:update', { themes: [] })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(await request(facilitator, 'workshop:update', { tierRule: { priorityI: 0.4, priorityII: 0.6 } })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });

    // An event without an acknowledgement is ignored, and so is an unknown event; the connection stays usable.
    (participant as unknown as { emit(e: string, p: unknown): void }).emit('answer:set', { value: 1 });
    (participant as unknown as { emit(e: string, p: unknown): void }).emit('no:such-event', { value: 1 });

    // Everyone else is still served, and so is the sender with a correct answer.
    const other = connect(server.url);
    const created = await createWorkshop(server.url);
    await ok(other, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
    expect(await ok(participant, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 })).toMatchObject({ value: 4 });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('S-3: a binary payload is not taken for an object, even where every key is optional', async () => {
    const { facilitator, participant } = await workshopWithActors();
    expect(await request(participant, 'state:get', Buffer.from('hello'))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await request(facilitator, 'workshop:update', new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await request(facilitator, 'workshop:update', { tierRule: Buffer.from('x') })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await request(facilitator, 'workshop:delete', Buffer.alloc(0))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await ok(facilitator, 'state:get', {})).toHaveProperty('state.workshop.revision', 1);
  });

  it('S-4: a message over the size limit closes only that connection', async () => {
    const { participant, facilitator } = await workshopWithActors();
    const closed = new Promise<string>((resolve) => participant.on('disconnect', (reason) => resolve(reason)));
    (participant as unknown as { emit(e: string, p: unknown, ack: () => void): void }).emit('answer:set', { blob: 'x'.repeat(200_000) }, () => undefined);
    expect(await closed).toBeTruthy();
    expect(await ok(facilitator, 'state:get', {})).toHaveProperty('state');
  });

  it('H-1: the HTTP API validates too', async () => {
    const cookie = await adminCookie(server.url);
    const bad = await api(server.url, '/api/workshops', { body: '{"template": "atlantis"}', cookie });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const broken = await api(server.url, '/api/workshops', { body: '{"template":', cookie });
    expect(broken.status).toBe(400);
    const missing = await fetch(`${server.url}/api/workshops/NOPE42`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

