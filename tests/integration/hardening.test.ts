/**
 * Hardening at the boundary: rate limits (SPEC S-5, S-6), origins (V-2),
 * response headers (V-3), deletion (V-4), retention (V-5), reserved keys (S-7).
 */
import { request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreatedWorkshop, FacilitatorSession, ParticipantSession } from '../../shared/protocol.js';
import { toWorkshopFile } from '../../shared/exchange.js';
import { workshopFromTemplate } from '../../shared/domain/templates.js';
import { createApp } from '../../server/app.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { adminCookie, api, connect, createWorkshop, disconnectAll, ok, opId, registerSetupPath, request, startServer, tempDir, version, type TestServer } from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

async function facilitatorOf(url: string) {
  const created = await createWorkshop(url);
  const facilitator = connect(url);
  await ok<FacilitatorSession>(facilitator, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: version });
  return { created, facilitator };
}

describe('rate limits', () => {
  it('S-5: a socket sending in a tight loop is refused with RATE_LIMITED, then disconnected; others are served', async () => {
    server = await startServer({ eventBurst: 10, eventsPerSecond: 5 });
    const { created, facilitator } = await facilitatorOf(server.url);
    const flooder = connect(server.url);
    await ok(flooder, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version });
    const replies: string[] = [];
    const disconnected = new Promise<void>((resolve) => flooder.on('disconnect', () => resolve()));
    for (let i = 0; i < 300; i++) flooder.emit('state:get', {} as never, (r: { ok: boolean; code?: string }) => replies.push(r.ok ? 'ok' : r.code!));
    await disconnected;
    expect(replies.filter((r) => r === 'ok').length).toBeLessThanOrEqual(11);
    expect(replies).toContain('RATE_LIMITED');
    expect(await ok(facilitator, 'state:get', {})).toHaveProperty('state');
  });

  it('S-6: failed joins from one address are slowed down, over sockets and HTTP alike', async () => {
    server = await startServer({ joinFailureBurst: 5, joinFailuresPerMinute: 1 });
    const { created } = await facilitatorOf(server.url);
    const guesser = connect(server.url);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push(((await request(guesser, 'workshop:join', { role: 'projector', code: `QQQQQ${i}`, protocolVersion: version })) as { code: string }).code);
    expect(codes).toEqual(Array(5).fill('NOT_FOUND'));
    // The bucket is empty: even the right code waits now, and so does the HTTP lookup.
    expect(await request(guesser, 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    const http = await fetch(`${server.url}/api/workshops/${created.code}`);
    expect(http.status).toBe(429);
  });

  it('S-6: a valid resume token is never locked out by other devices’ wrong codes from the same address (a room behind one NAT)', async () => {
    server = await startServer({ joinFailureBurst: 3, joinFailuresPerMinute: 1 });
    const { created } = await facilitatorOf(server.url);
    const tablet = connect(server.url);
    const session = await ok<ParticipantSession>(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: version });
    tablet.disconnect();
    const guesser = connect(server.url);
    for (let i = 0; i < 5; i++) await request(guesser, 'workshop:join', { role: 'projector', code: `QQQQQ${i}`, protocolVersion: version });
    expect(await request(connect(server.url), 'workshop:join', { role: 'projector', code: created.code, protocolVersion: version })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // The tablet comes back with its token: resumed, same participant.
    const back = await ok<ParticipantSession>(connect(server.url), 'workshop:join', { role: 'participant', code: created.code, resumeToken: session.resumeToken, protocolVersion: version });
    expect(back).toMatchObject({ participantId: session.participantId, organisationId: 'olfen' });
    // A token with a wrong code is still a failed guess of the code, and a new join without a token still waits.
    expect(await request(connect(server.url), 'workshop:join', { role: 'participant', code: 'QQQQQQ', resumeToken: session.resumeToken, protocolVersion: version })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await request(connect(server.url), 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: version })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });

  it('S-6: behind a trusted proxy the limit counts per forwarded client; otherwise the header is ignored', async () => {
    const lookups = async (forwardedFor: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server!.url}/api/workshops/QQQQQ${i}`, { headers: { 'x-forwarded-for': forwardedFor } })).status);
      return statuses;
    };
    server = await startServer({ joinFailureBurst: 2, joinFailuresPerMinute: 1, trustProxy: true });
    expect(await lookups('203.0.113.7')).toEqual([404, 404, 429]);
    expect(await lookups('203.0.113.8, 10.0.0.1')).toEqual([404, 404, 429]);
    await server.close();
    server = await startServer({ joinFailureBurst: 2, joinFailuresPerMinute: 1 });
    expect(await lookups('203.0.113.7')).toEqual([404, 404, 429]);
    expect(await lookups('203.0.113.8')).toEqual([429, 429, 429]);
  });
});

describe('web hardening', () => {
  it('V-2: a browser page of another origin cannot open a socket; the own origin and non-browser clients can', async () => {
    server = await startServer();
    const attempt = (origin?: string) =>
      new Promise<'connected' | 'refused'>((resolve) => {
        const s = io(server!.url, { transports: ['polling'], forceNew: true, reconnection: false, extraHeaders: origin ? { origin } : {} });
        s.on('connect', () => {
          s.disconnect();
          resolve('connected');
        });
        s.on('connect_error', () => resolve('refused'));
      });
    expect(await attempt('http://evil.example')).toBe('refused');
    expect(await attempt(server.url)).toBe('connected');
    expect(await attempt()).toBe('connected');
  });

  it('V-2: the own origin is not taken from the Host header: a rebound foreign name, another scheme or, with a public URL, anything else is refused', async () => {
    server = await startServer();
    const { host } = new URL(server.url);
    const handshake = (headers: Record<string, string>) => raw(server!.url, 'GET', '/socket.io/?EIO=4&transport=polling', headers);
    const post = (headers: Record<string, string>) => raw(server!.url, 'POST', '/api/auth/login', { 'content-type': 'application/json', ...headers }, Buffer.from('{}'));
    // DNS rebinding: a foreign name that resolves to this server sends itself as Host and Origin.
    for (const attempt of [handshake, post]) {
      expect((await attempt({ host: 'evil.example', origin: 'http://evil.example' })).status).toBe(403);
      expect((await attempt({ host: `evil.example:${new URL(server.url).port}`, origin: `http://evil.example:${new URL(server.url).port}` })).status).toBe(403);
      // The same host under another scheme is another origin.
      expect((await attempt({ host, origin: `https://${host}` })).status).toBe(403);
    }
    // As addressed by IP (or localhost, or the machine's own name) and without an Origin, as before.
    expect((await handshake({ host, origin: server.url })).status).toBe(200);
    expect((await handshake({ host: `localhost:${new URL(server.url).port}`, origin: `http://localhost:${new URL(server.url).port}` })).status).toBe(200);
    expect((await handshake({ host })).status).toBe(200);
    expect((await post({ host, origin: server.url })).status).toBe(400);
    await server.close();

    // With KONSENS_PUBLIC_URL only that origin (and the allowed ones) counts, whatever the Host says.
    server = await startServer({ publicUrl: 'https://konsens.kreis-coesfeld.de', allowedOrigins: ['https://intranet.kreis-coesfeld.de'] });
    const at = new URL(server.url).host;
    expect((await handshake({ host: 'konsens.kreis-coesfeld.de', origin: 'https://konsens.kreis-coesfeld.de' })).status).toBe(200);
    expect((await handshake({ host: at, origin: 'https://intranet.kreis-coesfeld.de' })).status).toBe(200);
    expect((await handshake({ host: 'konsens.kreis-coesfeld.de', origin: 'http://konsens.kreis-coesfeld.de' })).status).toBe(403);
    expect((await handshake({ host: at, origin: server.url })).status).toBe(403);
    expect((await post({ host: at, origin: server.url })).status).toBe(403);
  });

  it('V-3: every answer carries a Content-Security-Policy without inline scripts', async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/api/health`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('S-7: reserved keys never reach an object prototype', async () => {
    server = await startServer();
    const { facilitator } = await facilitatorOf(server.url);
    const rule = JSON.parse('{"weights": {"__proto__": 5, "constructor": 2}, "priorityI": 0.7, "priorityII": 0.5, "minOrganisations": 3, "discussSpread": 0.25}');
    expect(await request(facilitator, 'workshop:update', { tierRule: rule })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await request(facilitator, 'workshop:update', { themes: [{ id: 'prototype', name: 'x' }] })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

/** A raw HTTP request: the status and body as the server sent them (fetch would refuse or rewrite some of these). */
function raw(url: string, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('malformed HTTP', () => {
  it('H-6: a broken URL escape, a corrupt or unsupported body encoding and an unknown charset are client errors, logged nowhere; the server keeps serving', async () => {
    const logged: unknown[] = [];
    server = await startServer({ log: (error) => logged.push(error) });
    const json = { 'content-type': 'application/json', origin: server.url };
    const cases: [string, string, Record<string, string>, Buffer | undefined, number][] = [
      ['GET', '/api/workshops/%E0%A4%A/export/themes.csv', {}, undefined, 400],
      ['POST', '/api/auth/login', { ...json, 'content-encoding': 'gzip' }, Buffer.from('not gzip at all'), 400],
      ['POST', '/api/auth/login', { ...json, 'content-encoding': 'br' }, Buffer.from('not brotli'), 400],
      ['POST', '/api/auth/login', { ...json, 'content-encoding': 'compress' }, Buffer.from('{}'), 415],
      ['POST', '/api/auth/login', { 'content-type': 'application/json; charset=klingon', origin: server.url }, Buffer.from('{}'), 415],
    ];
    for (const [method, path, headers, body, status] of cases) {
      const answer = await raw(server.url, method, path, headers, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(status);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'BAD_REQUEST', details: [{ path: '', message: expect.any(String) }] });
      expect(answer.body).not.toMatch(/at .*\.js|Error:/);
    }
    expect(logged).toEqual([]);
    // A well-formed gzip body is read as before.
    const signIn = await raw(server.url, 'POST', '/api/auth/login', { ...json, 'content-encoding': 'gzip' }, gzipSync(JSON.stringify({ email: 'niemand@example.org', password: 'falsch-falsch-falsch' })));
    expect(signIn.status).toBe(401);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('H-4/H-6: the import route reads its body as a stream with the same refusals; a compressed file imports', async () => {
    const logged: unknown[] = [];
    server = await startServer({ log: (error) => logged.push(error), importBurst: 20 });
    const cookie = await adminCookie(server.url);
    const json = { 'content-type': 'application/json', origin: server.url, cookie };
    const file = JSON.stringify(toWorkshopFile({ phase: 'lobby', config: workshopFromTemplate('coesfeld'), finalisedAt: null, projectorView: 'overview', pseudonymOrder: [], participants: [], answers: [], decisions: [] }, false, Date.now()));
    // 40 MiB of zeros gzip to 40 KiB: the limit counts what comes out of the decoder.
    const bomb = gzipSync(Buffer.alloc(40 * 2 ** 20, 0x20));
    const cases: [Record<string, string>, Buffer, number][] = [
      [{ ...json, 'content-encoding': 'gzip' }, Buffer.from('not gzip at all'), 400],
      [{ ...json, 'content-encoding': 'compress' }, Buffer.from(file), 415],
      [{ ...json, 'content-encoding': 'gzip' }, bomb, 413],
      [json, Buffer.alloc(33 * 2 ** 20, 0x20), 413],
    ];
    for (const [headers, body, status] of cases) {
      const answer = await raw(server.url, 'POST', '/api/workshops/import', headers, body);
      expect(answer.status, JSON.stringify({ ...headers, cookie: undefined })).toBe(status);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'BAD_REQUEST', details: [{ path: '', message: expect.any(String) }] });
    }
    expect(logged).toEqual([]);
    for (const [encoding, encode] of [['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const) {
      const imported = await raw(server.url, 'POST', '/api/workshops/import', { ...json, 'content-encoding': encoding }, encode(file));
      expect(imported.status, encoding).toBe(201);
    }
  });
});

describe('operations', () => {
  it('H-7: readiness says whether this node takes work — ready while its database and writer run, 503 with the reason once the writer has stopped; liveness stays', async () => {
    server = await startServer();
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    // A store whose answer writer has stopped (here: closed) cannot take answers: not ready.
    const dir = tempDir();
    const store = await openSqliteStore({ file: `${dir}/konsens.sqlite` });
    expect(await store.unavailable()).toBeNull();
    await store.close();
    expect(await store.unavailable()).toBe('the answer writer has stopped');
    const app = createApp({ store, config: { log: () => undefined } });
    const { port } = await app.listen(0, '127.0.0.1');
    try {
      const notReady = await fetch(`http://127.0.0.1:${port}/api/ready`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({ status: 'unavailable', reason: 'the answer writer has stopped' });
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => app.io.close(() => resolve()));
    }
  });
});

describe('privacy', () => {
  it('V-4: the facilitator deletes a workshop with all its data; everyone in it is told and disconnected', async () => {
    server = await startServer();
    const { created, facilitator } = await facilitatorOf(server.url);
    const other = await facilitatorOf(server.url);
    const tablet = connect(server.url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', displayName: 'Anna', protocolVersion: version });
    await ok(facilitator, 'phase:set', { phase: 'scoring' });
    await ok(tablet, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 3 });
    let told = false;
    tablet.on('workshop:deleted', () => (told = true));
    const gone = new Promise<string>((resolve) => tablet.on('disconnect', (reason) => resolve(reason)));
    expect(await ok(facilitator, 'workshop:delete', {})).toEqual({ deleted: true });
    expect(await gone).toBe('io server disconnect');
    expect(told).toBe(true);

    const db = new Database(server.dbFile, { readonly: true });
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'workshops' ? 'id' : 'workshop_id'} = ?`).get(created.workshopId) as { n: number }).n;
    expect(['workshops', 'participants', 'answer_log', 'answers', 'answer_ops', 'decisions'].map(count)).toEqual([0, 0, 0, 0, 0, 0]);
    db.close();
    expect((await fetch(`${server.url}/api/workshops/${created.code}`)).status).toBe(404);
    // The other workshop is untouched.
    expect(await ok(other.facilitator, 'state:get', {})).toHaveProperty('state.workshop.id', other.created.workshopId);
  });

  it('V-5: after the retention period names are gone and resume tokens stop working; the results stay', async () => {
    const dir = tempDir();
    let now = Date.UTC(2026, 10, 1);
    const store = await openSqliteStore({ file: `${dir}/konsens.sqlite` });
    const app = createApp({ store, clock: { now: () => now }, config: { retentionDays: 30 } });
    const address = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${address.port}`;
    registerSetupPath(url, (await app.accounts.setupPath())!);
    try {
      const { created, facilitator } = await facilitatorOf(url);
      const tablet = connect(url);
      const session = await ok<ParticipantSession>(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', displayName: 'Anna Beispiel', protocolVersion: version });
      await ok(facilitator, 'phase:set', { phase: 'scoring' });
      await ok(tablet, 'answer:set', { opId: opId(), themeId: 'bildung', criterionId: 'importance', value: 4 });
      now += 29 * 86_400_000;
      expect(await app.purgeExpired()).toBe(0);
      // A join on day 29 keeps the workshop alive: a quiet period starts again.
      const late = connect(url);
      const lateSession = await ok<ParticipantSession>(late, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'senden', displayName: 'Spät', protocolVersion: version });
      now += 2 * 86_400_000;
      expect(await app.purgeExpired()).toBe(0);
      now += 29 * 86_400_000;
      expect(await app.purgeExpired()).toBe(1);
      expect(await app.purgeExpired()).toBe(0);
      expect(await request(connect(url), 'workshop:join', { role: 'participant', code: created.code, resumeToken: lateSession.resumeToken, protocolVersion: version })).toMatchObject({ ok: false, code: 'INVALID_RESUME_TOKEN' });

      const db = new Database(`${dir}/konsens.sqlite`, { readonly: true });
      expect(db.prepare('SELECT display_name FROM participants').all()).toEqual([{ display_name: null }, { display_name: null }]);
      db.close();
      const again = connect(url);
      expect(await request(again, 'workshop:join', { role: 'participant', code: created.code, resumeToken: session.resumeToken, protocolVersion: version })).toMatchObject({ ok: false, code: 'INVALID_RESUME_TOKEN' });
      const f = await ok<{ state: { results: { themes: { criteria: { mean: number | null }[] }[] } } }>(facilitator, 'state:get', {});
      expect(f.state.results.themes[1]!.criteria[0]!.mean).toBe(4);
    } finally {
      disconnectAll();
      await app.close();
    }
  });

  it('V-5: operations of a logged activity (here a theme collection’s proposals) keep it alive like answers do', async () => {
    const dir = tempDir();
    let now = Date.UTC(2026, 10, 1);
    const store = await openSqliteStore({ file: `${dir}/konsens.sqlite` });
    const app = createApp({ store, clock: { now: () => now }, config: { retentionDays: 30 } });
    const address = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${address.port}`;
    registerSetupPath(url, (await app.accounts.setupPath())!);
    try {
      const cookie = await adminCookie(url);
      const process = (await (await api(url, '/api/processes', { body: { title: 'Ruhig', template: 'coesfeld' }, cookie })).json()) as { id: string };
      const step = (await (await api(url, `/api/processes/${process.id}/steps`, { body: { kind: 'collection' }, cookie })).json()) as CreatedWorkshop;
      const f = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
      await ok(f, 'workshop:join', { role: 'facilitator', workshopId: step.workshopId, protocolVersion: version });
      await ok(f, 'collection:phase', { phase: 'collecting' });
      const tablet = connect(url);
      const session = await ok<{ resumeToken: string }>(tablet, 'workshop:join', { role: 'participant', code: step.code, organisationId: 'olfen', protocolVersion: version });
      now += 29 * 86_400_000;
      await ok(tablet, 'proposal:submit', { opId: opId(), title: 'Glasfaser' });
      now += 2 * 86_400_000;
      // Day 31: quiet since the join only by its phase — but a proposal came on day 29.
      expect(await app.purgeExpired()).toBe(0);
      expect(await request(connect(url), 'workshop:join', { role: 'participant', code: step.code, resumeToken: session.resumeToken, protocolVersion: version })).toMatchObject({ ok: true });
      now += 29 * 86_400_000;
      expect(await app.purgeExpired()).toBe(1);
      f.disconnect();
    } finally {
      disconnectAll();
      await app.close();
    }
  });
});
