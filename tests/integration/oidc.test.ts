/**
 * AC-10: sign-in with the organisation's OpenID Connect provider, against a
 * real provider (oidc-provider) started by the test: the code flow with PKCE
 * from Konsens's start route through the provider's login form back to
 * Konsens's callback, an account found by its verified address and linked,
 * an unknown identity refused (or made a facilitator with autoCreate), a
 * wrong password and a foreign state refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../shared/accounts.js';
import { adminCookie, api, ADMIN, startServer, type TestServer } from '../support/harness.js';
import { loginWithFetch, startOidcProvider, type TestProvider } from '../support/oidcProvider.js';

let server: TestServer | undefined;
let provider: TestProvider | undefined;
afterEach(async () => {
  await server?.close();
  await provider?.close();
  server = undefined;
  provider = undefined;
});

const USERS = [
  { sub: 'u-anna', email: ADMIN.email, name: 'Anna aus dem Verzeichnis', password: 'idp-passwort-1' },
  { sub: 'u-neu', email: 'neu@kreis-coesfeld.de', name: 'Nina Neu', password: 'idp-passwort-2' },
  { sub: 'u-unbestaetigt', email: 'offen@kreis-coesfeld.de', name: 'Olaf Offen', password: 'idp-passwort-3', emailVerified: false },
];

async function start(autoCreate = false) {
  provider = await startOidcProvider({ users: USERS });
  server = await startServer({ oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, label: 'Landkreis-Anmeldung', autoCreate, allowHttp: true } });
  provider.register(`${server.url}/api/auth/oidc/callback`);
  return { url: server.url, provider };
}

/** As a browser: Konsens's start route (its state cookie kept), the provider's login, back to Konsens's callback. */
async function signInThroughProvider(url: string, user: { email: string; password: string }, next = '/prozess/x') {
  const started = await fetch(`${url}/api/auth/oidc/start?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
  expect(started.status).toBe(302);
  const stateCookie = started.headers.get('set-cookie')!.split(';')[0]!;
  expect(stateCookie).toMatch(/^konsens_oidc=/);
  const authorization = started.headers.get('location')!;
  expect(authorization).toContain('code_challenge_method=S256');
  const back = await loginWithFetch(authorization, user, `${url}/api/auth/oidc/callback`);
  if (!back) return { back: null, response: null, stateCookie };
  const response = await fetch(back, { redirect: 'manual', headers: { cookie: stateCookie } });
  return { back, response, stateCookie };
}

const sessionOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('konsens_session='))?.split(';')[0];

describe('OpenID Connect sign-in (AC-10)', () => {
  it('the sign-in page offers it; an account with the verified address signs in, is linked, and lands where it wanted to go', async () => {
    const { url } = await start();
    await adminCookie(url);
    expect(((await (await api(url, '/api/auth/status')).json()) as AuthStatus).oidc).toEqual({ enabled: true, label: 'Landkreis-Anmeldung' });
    const { response } = await signInThroughProvider(url, USERS[0]!);
    expect(response!.status).toBe(302);
    expect(response!.headers.get('location')).toBe('/prozess/x');
    const cookie = sessionOf(response!)!;
    const status = (await (await api(url, '/api/auth/status', { cookie })).json()) as AuthStatus;
    expect(status.account).toMatchObject({ email: ADMIN.email, role: 'admin', oidc: true });
    // Linked: the same identity signs in again by its subject.
    const again = await signInThroughProvider(url, USERS[0]!, '/');
    expect(again.response!.headers.get('location')).toBe('/');
    expect(sessionOf(again.response!)).toBeDefined();
  });

  it('an unknown identity is refused unless new facilitators are allowed; an unverified address never finds an account', async () => {
    const { url } = await start();
    await adminCookie(url);
    const unknown = await signInThroughProvider(url, USERS[1]!);
    expect(unknown.response!.headers.get('location')).toBe('/anmelden?anmeldung=unbekannt');
    expect(sessionOf(unknown.response!)).toBeUndefined();
    await server!.close();
    await provider!.close();
    const { url: second } = await start(true);
    await adminCookie(second);
    const created = await signInThroughProvider(second, USERS[1]!);
    const cookie = sessionOf(created.response!)!;
    expect(((await (await api(second, '/api/auth/status', { cookie })).json()) as AuthStatus).account).toMatchObject({ email: 'neu@kreis-coesfeld.de', name: 'Nina Neu', role: 'facilitator', oidc: true });
    const unverified = await signInThroughProvider(second, USERS[2]!);
    // An address the provider did not verify makes no account either.
    expect(unverified.response!.headers.get('location')).toBe('/anmelden?anmeldung=unbekannt');
  });

  it('a wrong password at the provider yields no code; a callback without this browser\'s state, or replayed, signs nobody in', async () => {
    const { url } = await start();
    await adminCookie(url);
    expect((await signInThroughProvider(url, { email: ADMIN.email, password: 'falsch' })).back).toBeNull();
    const started = await fetch(`${url}/api/auth/oidc/start`, { redirect: 'manual' });
    const back = (await loginWithFetch(started.headers.get('location')!, USERS[0]!, `${url}/api/auth/oidc/callback`))!;
    // Another browser (no state cookie) — e.g. a link sent to a victim to sign them in as someone else.
    const foreign = await fetch(back, { redirect: 'manual' });
    expect(foreign.headers.get('location')).toBe('/anmelden?anmeldung=fehlgeschlagen');
    expect(sessionOf(foreign)).toBeUndefined();
    // The state is used up: the right browser cannot use it afterwards either.
    const late = await fetch(back, { redirect: 'manual', headers: { cookie: started.headers.get('set-cookie')!.split(';')[0]! } });
    expect(sessionOf(late)).toBeUndefined();
  });

  it('a disabled account cannot sign in through the provider either', async () => {
    const { url } = await start();
    const admin = await adminCookie(url);
    const invite = (await (await api(url, '/api/invites', { body: {}, cookie: admin })).json()) as { path: string };
    const accepted = await api(url, `/api/invites/${invite.path.split('/').pop()}/accept`, { body: { email: 'neu@kreis-coesfeld.de', name: 'Nina', password: 'ein-langes-passwort' } });
    const { id } = (await accepted.json()) as { id: string };
    await api(url, `/api/accounts/${id}`, { method: 'PATCH', body: { disabled: true }, cookie: admin });
    const refused = await signInThroughProvider(url, USERS[1]!);
    expect(refused.response!.headers.get('location')).toBe('/anmelden?anmeldung=deaktiviert');
  });

  it('without configuration there is no OpenID sign-in', async () => {
    server = await startServer();
    expect((await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' })).status).toBe(404);
    expect(((await (await api(server.url, '/api/auth/status')).json()) as AuthStatus).oidc.enabled).toBe(false);
  });
});
