/**
 * A real OpenID Connect provider for the tests (panva's oidc-provider, the
 * certified reference implementation), on 127.0.0.1 and a free port: discovery,
 * authorization with PKCE, token endpoint, signed id_tokens, JWKS. Its login
 * is a plain HTML form (a browser fills it in; `loginWithFetch` walks it with
 * fetch); consent for the one client is given without asking.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OidcUser {
  sub: string;
  email: string;
  name: string;
  password: string;
  emailVerified?: boolean;
}

/** The user `startOidcProvider` knows when the test names none. */
export const DEFAULT_OIDC_USER: OidcUser = { sub: 'user-1', email: 'moderatorin@example.test', name: 'Mia Moderatorin', password: 'idp-passwort' };

export interface OidcProviderOptions {
  /** The relying party's redirect URIs; without them the provider answers 503 until `register` is called. */
  redirectUris?: string[];
  clientId?: string;
  clientSecret?: string;
  /** Who can sign in (the form's `login` field is the address); `[DEFAULT_OIDC_USER]` when omitted. */
  users?: OidcUser[];
  /**
   * Put the scopes' claims (email, name) into the id_token too. Off by default,
   * as the spec and many providers do it: with an access token issued they come
   * only from the UserInfo endpoint, and the id_token holds little beyond `sub`.
   */
  claimsInIdToken?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * Register a further redirect URI of the relying party (known once its
   * server listens): the provider starts answering then, if it did not yet.
   * It is a fresh provider then: interactions begun before are forgotten.
   */
  register(redirectUri: string): void;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcProvider(options: OidcProviderOptions = {}): Promise<TestProvider> {
  const clientId = options.clientId ?? 'konsens';
  const clientSecret = options.clientSecret ?? 'konsens-test-secret-0123456789abcdef';
  const users = options.users ?? [DEFAULT_OIDC_USER];
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const byId = new Map(users.map((u) => [u.sub, u]));

  let provider: Provider | null = null;
  const redirectUris = [...(options.redirectUris ?? [])];
  const configure = () => new Provider(issuer, {
    // A confidential client: its secret goes in the Authorization header (client_secret_basic).
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_basic' }],
    // A signing key of its own (the provider's built-in one is for quick starts only).
    jwks: { keys: [{ ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as object), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile'],
    pkce: { required: () => true },
    conformIdTokenClaims: !options.claimsInIdToken,
    // Lifetimes of its own (the defaults log a notice each).
    ttl: { Session: 3600, Grant: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = byId.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: user.email, email_verified: user.emailVerified ?? true, name: user.name }) };
    },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!provider) {
      res.writeHead(503);
      return res.end();
    }
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? '');
    if (!match) return provider.callback()(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'consent') {
      // One known client: consent is given for what Konsens asks (openid email profile).
      const grant = new provider.Grant({ accountId: details.session!.accountId!, clientId });
      grant.addOIDCScope('openid email profile');
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
    if (req.method === 'POST' && match[2]) {
      const form = await formBody(req);
      const user = users.find((u) => u.email === form.get('login') && u.password === form.get('password'));
      if (user) return provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid, 'Anmeldung fehlgeschlagen'));
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginPage(details.uid));
  };
  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  if (redirectUris.length > 0) provider = configure();
  return {
    issuer,
    clientId,
    clientSecret,
    register: (uri) => {
      if (!redirectUris.includes(uri)) redirectUris.push(uri);
      provider = configure();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="de"><head><title>Landkreis-Anmeldung</title></head><body>
<h1>Landkreis-Anmeldung</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label>E-Mail <input name="login" autocomplete="username"></label>
<label>Passwort <input name="password" type="password"></label>
<button type="submit">Anmelden</button></form></body></html>`;
}

/** A tiny cookie jar per origin: enough to walk the provider's redirects with fetch. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Who fills in the login form: `login` (or, the same, `email`) and `password`. */
export type OidcCredentials = { password: string } & ({ login: string } | { email: string });

/**
 * Walk the provider's login from an authorization URL with fetch, as a browser
 * would (its redirects followed by hand, its cookies kept), and return the
 * final redirect to the relying party (code and state in it) without following
 * it; null when the login is refused. `relyingParty` is the prefix of that
 * redirect (the callback URL); without it, the first redirect that leaves the
 * provider's origin is the one.
 */
export async function loginWithFetch(authorizationUrl: string, user: OidcCredentials, relyingParty?: string): Promise<string | null> {
  const login = 'login' in user ? user.login : user.email;
  const providerOrigin = new URL(authorizationUrl).origin;
  const leaves = (next: string) => (relyingParty === undefined ? new URL(next).origin !== providerOrigin : next.startsWith(relyingParty));
  const jar = new Jar();
  let url = authorizationUrl;
  let form: URLSearchParams | null = null;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form.toString() } : {}),
    });
    jar.take(response);
    form = null;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).toString();
      if (leaves(next)) return next;
      url = next;
      continue;
    }
    if (response.status !== 200) return null;
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) return null;
    url = new URL(action.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))), url).toString();
    form = new URLSearchParams({ login, password: user.password });
  }
  throw new Error('too many redirects');
}
