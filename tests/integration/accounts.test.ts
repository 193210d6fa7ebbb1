/**
 * Accounts (SPEC AC-1 … AC-11) against a real server, a real SQLite file and
 * real sockets: the setup link, invitations, sign-in and its limit, sessions
 * that end, who may create, import, export and facilitate, and cross-site requests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountView, AuthStatus, CreatedInvite } from '../../shared/accounts.js';
import { PROTOCOL_VERSION, type CreatedWorkshop, type FacilitatorSession } from '../../shared/protocol.js';
import { io } from 'socket.io-client';
import { ADMIN, adminCookie, api, connect, cookieOf, createWorkshop, disconnectAll, ok, request, setupPathOf, startServer, type Client, type TestServer } from '../support/harness.js';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

async function start(config: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  server = await startServer(config);
  return server;
}

/** A socket.io connection that carries a sign-in cookie, as a browser page of the server would. */
function connectWithCookie(url: string, cookie: string): Client {
  return io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } }) as Client;
}

async function invite(url: string, cookie: string, role: 'facilitator' | 'admin' = 'facilitator'): Promise<string> {
  const response = await api(url, '/api/invites', { body: { role }, cookie });
  expect(response.status).toBe(201);
  return ((await response.json()) as CreatedInvite).path.split('/').pop()!;
}

async function accept(url: string, token: string, email: string, name = 'Bernd Beispiel'): Promise<{ cookie: string; account: AccountView }> {
  const response = await api(url, `/api/invites/${token}/accept`, { body: { email, name, password: 'noch-ein-langes-passwort' } });
  expect(response.status, await response.clone().text()).toBe(201);
  return { cookie: cookieOf(response), account: (await response.json()) as AccountView };
}

describe('accounts', () => {
  it('AC-1: the setup link creates the first administrator once; the status says who is signed in', async () => {
    const { url } = await start();
    const before = (await (await api(url, '/api/auth/status')).json()) as AuthStatus;
    expect(before).toMatchObject({ account: null, setupRequired: true });
    const token = setupPathOf(url)!.split('/').pop()!;
    const wrong = await api(url, '/api/auth/setup', { body: { token: 'x'.repeat(32), email: 'a@b.de', name: 'A', password: 'lang-genug-12' } });
    expect(wrong.status).toBe(401);
    const setup = await api(url, '/api/auth/setup', { body: { token, email: ' Anna@Kreis-Coesfeld.DE ', name: 'Anna', password: 'lang-genug-12' } });
    expect(setup.status).toBe(201);
    expect(setup.headers.get('set-cookie')).toMatch(/^konsens_session=[A-Za-z0-9_-]{32}; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/);
    expect(await setup.json()).toMatchObject({ email: 'anna@kreis-coesfeld.de', role: 'admin', disabled: false });
    const again = await api(url, '/api/auth/setup', { body: { token, email: 'b@b.de', name: 'B', password: 'lang-genug-12' } });
    expect(again.status).toBe(401);
    const status = (await (await api(url, '/api/auth/status', { cookie: cookieOf(setup) })).json()) as AuthStatus;
    expect(status).toMatchObject({ account: { email: 'anna@kreis-coesfeld.de' }, setupRequired: false });
    // A weak password is refused with details, not stored.
    expect((await api(url, '/api/auth/setup', { body: { token, email: 'c@b.de', name: 'C', password: 'kurz' } })).status).toBe(400);
  });

  it('AC-3: passwords are stored only as scrypt hashes; a wrong password and an unknown address get the same answer', async () => {
    const { url, dbFile } = await start();
    await adminCookie(url);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(dbFile, { readonly: true });
    const row = db.prepare('SELECT password_hash FROM accounts').get() as { password_hash: string };
    db.close();
    expect(row.password_hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
    const wrong = await api(url, '/api/auth/login', { body: { email: ADMIN.email, password: 'falsches-passwort' } });
    const unknown = await api(url, '/api/auth/login', { body: { email: 'niemand@example.org', password: 'falsches-passwort' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await api(url, '/api/auth/login', { body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password } });
    expect(right.status).toBe(200);
  });

  it('AC-3: sign-in attempts are limited per account and per address; the right password does not pass the limit', async () => {
    const { url } = await start({ loginFailureBurst: 3, loginFailuresPerMinute: 1 });
    await adminCookie(url);
    const attempt = (email: string, password: string, from: string) => api(url, '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': from } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(ADMIN.email, `falsch-${i}-xxxxx`, '10.0.0.1')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await attempt(ADMIN.email, ADMIN.password, '10.0.0.1')).status).toBe(429);
    // Per account: from elsewhere too (no proxy is trusted here, so all come from one address anyway).
    expect((await attempt(ADMIN.email, ADMIN.password, '10.0.0.2')).status).toBe(429);
  });

  it('AC-3: per client address, spraying many accounts is limited too', async () => {
    const { url } = await start({ loginFailureBurst: 2, loginFailuresPerMinute: 1, trustProxy: true });
    await adminCookie(url);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await api(url, '/api/auth/login', { body: { email: `person${i}@example.org`, password: 'falsch-xxxxxxxx' }, headers: { 'x-forwarded-for': '10.0.0.9' } })).status);
    // 4 × the per-account burst per address.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
    expect((await api(url, '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password }, headers: { 'x-forwarded-for': '10.0.0.10' } })).status).toBe(200);
  });

  it('AC-5: an invitation makes one account, once; an address is taken once; only administrators invite', async () => {
    const { url } = await start();
    const admin = await adminCookie(url);
    const token = await invite(url, admin);
    expect(await (await api(url, `/api/invites/${token}`)).json()).toMatchObject({ role: 'facilitator', note: null });
    const taken = await api(url, `/api/invites/${token}/accept`, { body: { email: ADMIN.email, name: 'X', password: 'lang-genug-12' } });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'EMAIL_TAKEN' });
    const { cookie, account } = await accept(url, token, 'bernd@duelmen.de');
    expect(account).toMatchObject({ role: 'facilitator', email: 'bernd@duelmen.de' });
    const twice = await api(url, `/api/invites/${token}/accept`, { body: { email: 'c@d.de', name: 'C', password: 'lang-genug-12' } });
    expect(twice.status).toBe(410);
    expect((await api(url, `/api/invites/${token}`)).status).toBe(410);
    expect((await api(url, '/api/invites', { body: {}, cookie })).status).toBe(403);
    expect((await api(url, '/api/accounts', { cookie })).status).toBe(403);
    expect((await api(url, '/api/accounts', { cookie: admin })).status).toBe(200);
  });

  it('AC-5: an invitation expires', async () => {
    // A policy of 0 days: the invitation has expired the moment it is made.
    const { url } = await start({ accountPolicy: { sessionDays: 30, inviteDays: 0 } });
    const token = await invite(url, await adminCookie(url));
    expect((await api(url, `/api/invites/${token}`)).status).toBe(410);
    expect((await api(url, `/api/invites/${token}/accept`, { body: { email: 'z@z.de', name: 'Z', password: 'lang-genug-12' } })).status).toBe(410);
  });

  it('AC-6: signing out ends the session at once: its console is disconnected and cannot come back', async () => {
    const { url } = await start();
    const cookie = await adminCookie(url);
    const created = await createWorkshop(url);
    const console_ = connectWithCookie(url, cookie);
    await ok<FacilitatorSession>(console_, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    const gone = new Promise<string>((resolve) => console_.on('disconnect', (reason) => resolve(reason)));
    expect((await api(url, '/api/auth/logout', { method: 'POST', body: {}, cookie })).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await api(url, '/api/processes', { cookie })).status).toBe(401);
    const again = connectWithCookie(url, cookie);
    expect(await request(again, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    again.disconnect();
  });

  it('AC-6: disabling an account ends its sessions and consoles; it cannot sign in until enabled again', async () => {
    const { url } = await start();
    const admin = await adminCookie(url);
    const { cookie, account } = await accept(url, await invite(url, admin), 'clara@olfen.de', 'Clara');
    const made = await api(url, '/api/workshops', { body: {}, cookie });
    const created = (await made.json()) as CreatedWorkshop;
    const console_ = connectWithCookie(url, cookie);
    await ok(console_, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    const gone = new Promise<string>((resolve) => console_.on('disconnect', (reason) => resolve(reason)));
    const disabled = await api(url, `/api/accounts/${account.id}`, { method: 'PATCH', body: { disabled: true }, cookie: admin });
    expect(await disabled.json()).toMatchObject({ disabled: true });
    expect(await gone).toBe('io server disconnect');
    expect((await api(url, '/api/processes', { cookie })).status).toBe(401);
    expect((await api(url, '/api/auth/login', { body: { email: 'clara@olfen.de', password: 'noch-ein-langes-passwort' } })).status).toBe(401);
    await api(url, `/api/accounts/${account.id}`, { method: 'PATCH', body: { disabled: false }, cookie: admin });
    expect((await api(url, '/api/auth/login', { body: { email: 'clara@olfen.de', password: 'noch-ein-langes-passwort' } })).status).toBe(200);
    // Nobody disables themselves (the last administrator could lock everyone out).
    const self = (await (await api(url, '/api/auth/status', { cookie: admin })).json()) as AuthStatus;
    expect((await api(url, `/api/accounts/${self.account!.id}`, { method: 'PATCH', body: { disabled: true }, cookie: admin })).status).toBe(403);
  });

  it('AC-3: a new password ends the other sessions of the account, not this one', async () => {
    const { url } = await start();
    const first = await adminCookie(url);
    const second = cookieOf(await api(url, '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } }));
    expect((await api(url, '/api/auth/password', { body: { current: 'falsch-falsch', next: 'ganz-neues-passwort' }, cookie: first })).status).toBe(401);
    expect((await api(url, '/api/auth/password', { body: { current: ADMIN.password, next: 'ganz-neues-passwort' }, cookie: first })).status).toBe(204);
    expect((await api(url, '/api/processes', { cookie: first })).status).toBe(200);
    expect((await api(url, '/api/processes', { cookie: second })).status).toBe(401);
    expect((await api(url, '/api/auth/login', { body: { email: ADMIN.email, password: 'ganz-neues-passwort' } })).status).toBe(200);
  });
});

describe('who may do what', () => {
  it('AC-7: without an account nobody creates, imports, exports or facilitates; a participant connection cannot either', async () => {
    const { url } = await start();
    const created = await createWorkshop(url);
    expect((await api(url, '/api/workshops', { body: {} })).status).toBe(401);
    expect((await api(url, '/api/workshops/import', { body: '{}' })).status).toBe(401);
    expect((await api(url, '/api/processes', { body: { title: 'X' } })).status).toBe(401);
    expect((await api(url, `/api/workshops/${created.workshopId}/export/themes.csv`)).status).toBe(401);
    expect((await api(url, `/api/workshops/${created.workshopId}/co-facilitation-link`, { method: 'POST', body: {} })).status).toBe(401);
    const guest = connect(url);
    expect(await request(guest, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    const tablet = connect(url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: PROTOCOL_VERSION });
    for (const event of ['workshop:update', 'phase:set', 'consolidation:move', 'workshop:duplicate', 'workshop:delete']) {
      expect(await request(tablet, event, {}), event).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('AC-7: a signed-in facilitator facilitates only the processes they own or were added to; administrators see all', async () => {
    const { url } = await start();
    const admin = await adminCookie(url);
    const bernd = await accept(url, await invite(url, admin), 'bernd@duelmen.de', 'Bernd');
    const clara = await accept(url, await invite(url, admin), 'clara@olfen.de', 'Clara');
    const made = (await (await api(url, '/api/workshops', { body: {}, cookie: bernd.cookie })).json()) as CreatedWorkshop;
    const claraSocket = connectWithCookie(url, clara.cookie);
    expect(await request(claraSocket, 'workshop:join', { role: 'facilitator', workshopId: made.workshopId, protocolVersion: PROTOCOL_VERSION })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await api(url, `/api/workshops/${made.workshopId}/export/themes.csv`, { cookie: clara.cookie })).status).toBe(404);
    expect((await api(url, `/api/processes/${made.processId}`, { cookie: clara.cookie })).status).toBe(404);
    // The owner adds Clara; now she may.
    const added = await api(url, `/api/processes/${made.processId}/facilitators`, { body: { email: 'clara@olfen.de' }, cookie: bernd.cookie });
    expect(await added.json()).toMatchObject({ facilitators: [{ name: 'Clara' }] });
    const claraAgain = connectWithCookie(url, clara.cookie);
    await ok(claraAgain, 'workshop:join', { role: 'facilitator', workshopId: made.workshopId, protocolVersion: PROTOCOL_VERSION });
    expect((await api(url, `/api/workshops/${made.workshopId}/export/themes.csv`, { cookie: clara.cookie })).status).toBe(200);
    // A co-facilitator runs the process but does not manage it.
    expect((await api(url, `/api/processes/${made.processId}`, { method: 'PATCH', body: { title: 'Neu' }, cookie: clara.cookie })).status).toBe(403);
    const adminSocket = connectWithCookie(url, admin);
    await ok(adminSocket, 'workshop:join', { role: 'facilitator', workshopId: made.workshopId, protocolVersion: PROTOCOL_VERSION });
    const listed = (await (await api(url, '/api/processes', { cookie: admin })).json()) as { id: string }[];
    expect(listed.map((p) => p.id)).toContain(made.processId);
    for (const s of [claraSocket, claraAgain, adminSocket]) s.disconnect();
  });

  it('AC-8: the co-facilitation link is opt-in, replaced by a new one and revoked; its consoles go with it', async () => {
    const { url } = await start();
    const cookie = await adminCookie(url);
    const made = (await (await api(url, '/api/workshops', { body: {}, cookie })).json()) as CreatedWorkshop;
    const guest = connect(url);
    expect(await request(guest, 'workshop:join', { role: 'facilitator', workshopId: made.workshopId, secret: 'x'.repeat(32), protocolVersion: PROTOCOL_VERSION })).toMatchObject({ ok: false, code: 'UNAUTHORISED' });
    const link = (await (await api(url, `/api/workshops/${made.workshopId}/co-facilitation-link`, { method: 'POST', body: {}, cookie })).json()) as { secret: string; path: string };
    expect(link.path).toBe(`/moderation/${made.workshopId}#${link.secret}`);
    const holder = connect(url);
    await ok(holder, 'workshop:join', { role: 'facilitator', workshopId: made.workshopId, secret: link.secret, protocolVersion: PROTOCOL_VERSION });
    expect((await api(url, `/api/workshops/${made.workshopId}/export/themes.csv`, { headers: { authorization: `Bearer ${link.secret}` } })).status).toBe(200);
    const gone = new Promise<string>((resolve) => holder.on('disconnect', (reason) => resolve(reason)));
    const renewed = (await (await api(url, `/api/workshops/${made.workshopId}/co-facilitation-link`, { method: 'POST', body: {}, cookie })).json()) as { secret: string };
    expect(await gone).toBe('io server disconnect');
    expect((await api(url, `/api/workshops/${made.workshopId}/export/themes.csv`, { headers: { authorization: `Bearer ${link.secret}` } })).status).toBe(401);
    expect((await api(url, `/api/workshops/${made.workshopId}/co-facilitation-link`, { method: 'DELETE', body: {}, cookie })).status).toBe(204);
    const late = connect(url);
    expect(await request(late, 'workshop:join', { role: 'facilitator', workshopId: made.workshopId, secret: renewed.secret, protocolVersion: PROTOCOL_VERSION })).toMatchObject({ ok: false, code: 'UNAUTHORISED' });
  });

  it('AC-9: a decision records the signed-in facilitator who took it', async () => {
    const { url } = await start();
    const cookie = await adminCookie(url);
    const created = await createWorkshop(url);
    const f = connectWithCookie(url, cookie);
    await ok(f, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, protocolVersion: PROTOCOL_VERSION });
    await ok(f, 'workshop:update', { tierRule: { minOrganisations: 1 } });
    await ok(f, 'phase:set', { phase: 'scoring' });
    const tablet = connect(url);
    await ok(tablet, 'workshop:join', { role: 'participant', code: created.code, organisationId: 'olfen', protocolVersion: PROTOCOL_VERSION });
    await ok(tablet, 'answer:set', { opId: 'op-ac9-00001', themeId: 'bildung', criterionId: 'importance', value: 5 });
    for (const phase of ['closed', 'revealed', 'consolidating']) await ok(f, 'phase:set', { phase });
    const decision = await ok<{ by: unknown }>(f, 'consolidation:move', { themeId: 'kultur', tier: 'I', reason: 'Ehrenamt' });
    const self = (await (await api(url, '/api/auth/status', { cookie })).json()) as AuthStatus;
    expect(decision.by).toEqual({ accountId: self.account!.id, name: ADMIN.name });
    const viaLink = connect(url);
    await ok(viaLink, 'workshop:join', { role: 'facilitator', workshopId: created.workshopId, secret: created.facilitatorSecret, protocolVersion: PROTOCOL_VERSION });
    const second = await ok<{ by: unknown }>(viaLink, 'consolidation:move', { themeId: 'kultur', tier: 'II', reason: 'doch nicht' });
    expect(second.by).toEqual({ accountId: null, name: 'Co-Moderation (Link)' });
    f.disconnect();
  });
});

describe('cross-site requests (AC-11)', () => {
  it('every state-changing route refuses a cross-site form or text/plain POST before reading it, and changes nothing', async () => {
    const { url, dbFile } = await start();
    const cookie = await adminCookie(url);
    const created = await createWorkshop(url);
    const routes: [method: string, path: string][] = [
      ['POST', '/api/auth/setup'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/logout'],
      ['POST', '/api/auth/password'],
      ['POST', '/api/invites'],
      ['POST', '/api/invites/abcdefghijklmnopqrstuvwx/accept'],
      ['PATCH', '/api/accounts/x'],
      ['POST', '/api/processes'],
      ['PATCH', `/api/processes/${created.processId}`],
      ['DELETE', `/api/processes/${created.processId}`],
      ['POST', `/api/processes/${created.processId}/facilitators`],
      ['DELETE', `/api/processes/${created.processId}/facilitators/x`],
      ['POST', `/api/processes/${created.processId}/steps`],
      ['POST', '/api/workshops'],
      ['POST', '/api/workshops/import'],
      ['POST', `/api/workshops/${created.workshopId}/co-facilitation-link`],
      ['DELETE', `/api/workshops/${created.workshopId}/co-facilitation-link`],
    ];
    const { default: Database } = await import('better-sqlite3');
    const count = () => {
      const db = new Database(dbFile, { readonly: true });
      const n = ['workshops', 'processes', 'accounts', 'auth_sessions', 'invites'].map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
      db.close();
      return n;
    };
    const before = count();
    const attacks: Record<string, Record<string, string>>[] = [
      // A cross-site HTML form (the browser sends the cookie only if SameSite allowed it; even then).
      { headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', cookie } },
      { headers: { 'content-type': 'text/plain', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', cookie } },
      { headers: { 'content-type': 'multipart/form-data; boundary=x', cookie } },
      // No browser headers at all, but not JSON: a text/plain body is never read as JSON.
      { headers: { 'content-type': 'text/plain', cookie } },
      // JSON, but from another site (a preflight would have stopped a browser; this checks the server too).
      { headers: { 'content-type': 'application/json', origin: 'http://evil.example', cookie } },
      { headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', cookie } },
      { headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site', cookie } },
    ];
    for (const [method, path] of routes) {
      for (const { headers } of attacks) {
        const response = await fetch(`${url}${path}`, { method, headers: headers!, body: '{"template":"coesfeld","title":"x","email":"a@b.de","password":"lang-genug-12","token":"abcdefghijklmnopqrstuvwx","name":"x","kind":"quickcheck"}' });
        expect(response.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'CROSS_SITE' });
      }
    }
    expect(count()).toEqual(before);
    // The same request as the page sends it goes through.
    expect((await api(url, '/api/workshops', { body: {}, cookie, headers: { origin: url, 'sec-fetch-site': 'same-origin' } })).status).toBe(201);
  });

  it('the session cookie is Secure behind a TLS-terminating proxy that says so', async () => {
    const { url } = await start({ trustProxy: true });
    const token = setupPathOf(url)!.split('/').pop()!;
    const response = await api(url, '/api/auth/setup', { body: { token, email: 'a@b.de', name: 'A', password: 'lang-genug-12' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });
});
