/**
 * HTTP routes for accounts (SPEC AC-1 … AC-8, docs/PROTOCOL.md "Accounts"):
 * /api/auth/* (status, setup, sign-in, sign-out, password), /api/accounts and
 * /api/invites (administrators). The session travels only in its cookie.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import { acceptInviteSchema, accountPatchSchema, inviteSchema, loginSchema, oneTimeTokenSchema, passwordChangeSchema, setupSchema, type AuthStatus } from '../../shared/accounts.js';
import { idSchema } from '../../shared/schemas.js';
import { KonsensError } from '../errors.js';
import { clientAddress } from '../security/address.js';
import type { AttemptLimiter } from '../security/rateLimit.js';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies.js';
import { accountView, type AccountService, type SignedIn } from './service.js';
import { OIDC_STATE_COOKIE, type OidcSignIn } from './oidc.js';
import { sendProblem } from '../http/problem.js';

export interface AuthHttpDeps {
  accounts: AccountService;
  /** AC-10: sign-in with the organisation's OpenID provider, when configured. */
  oidcSignIn: OidcSignIn | null;
  /** Where people reach Konsens (the provider's redirect goes there); null: as the request says. */
  publicUrl: string | null;
  /** AC-3: failed sign-ins per e-mail address … */
  loginFailuresPerAccount: AttemptLimiter;
  /** … and per client address. */
  loginFailuresPerAddress: AttemptLimiter;
  trustProxy: boolean;
}

/** Requests reached over TLS (directly, or through a proxy that says so) get a Secure cookie. */
export function overTls(req: Request, trustProxy: boolean): boolean {
  if (req.secure) return true;
  return trustProxy && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https';
}

/** Where the provider sends the browser back: this server's own callback, as the browser reached it. */
function callbackUrl(req: Request, trustProxy: boolean): string {
  const proto = overTls(req, trustProxy) ? 'https' : 'http';
  const host = (trustProxy ? String(req.headers['x-forwarded-host'] ?? '').split(',')[0]?.trim() : '') || req.headers.host;
  return `${proto}://${host}/api/auth/oidc/callback`;
}

/** The signed-in facilitator of this request, or null. */
export async function signedInOf(req: Request, accounts: AccountService): Promise<SignedIn | null> {
  return accounts.authenticate(readCookie(req.headers, SESSION_COOKIE));
}

/** AC-7: only signed-in facilitators pass; the account is in res.locals.signedIn. */
export function requireSignIn(accounts: AccountService): RequestHandler {
  return (req, res, next) => {
    signedInOf(req, accounts).then((signedIn) => {
      if (!signedIn) return sendProblem(res, 'NOT_SIGNED_IN');
      res.locals.signedIn = signedIn;
      next();
    }, next);
  };
}

export function signedIn(res: Response): SignedIn {
  return res.locals.signedIn as SignedIn;
}

export function authRouter(deps: AuthHttpDeps): express.Router {
  const router = express.Router();
  const { accounts } = deps;
  const address = (req: Request) => clientAddress(req.headers, req.socket.remoteAddress, deps.trustProxy);
  const signIn = async (req: Request, res: Response, account: Parameters<AccountService['startSession']>[0]) => {
    const { token, maxAgeSeconds } = await accounts.startSession(account);
    res.setHeader('Set-Cookie', sessionCookie(token, maxAgeSeconds, overTls(req, deps.trustProxy)));
  };
  const requireAdmin: RequestHandler = (_req, res, next) => {
    if (signedIn(res).account.role !== 'admin') return sendProblem(res, 'FORBIDDEN');
    next();
  };

  router.get('/auth/status', async (req, res) => {
    const current = await signedInOf(req, accounts);
    const oidc = deps.oidcSignIn ? { enabled: true, label: deps.oidcSignIn.config.label } : { enabled: false, label: '' };
    const status: AuthStatus = { account: current && accountView(current.account), setupRequired: await accounts.setupRequired(), oidc };
    res.set('Cache-Control', 'no-store').json(status);
  });

  // AC-1: the printed setup link creates the first administrator, who is then signed in.
  router.post('/auth/setup', async (req, res) => {
    const account = await accounts.setup(setupSchema.parse(req.body));
    await signIn(req, res, account);
    res.status(201).json(accountView(account));
  });

  // AC-3: limited per account and per address; a refusal does not say which part was wrong.
  router.post('/auth/login', async (req, res) => {
    const { email, password } = loginSchema.parse(req.body);
    const from = address(req);
    if ((await deps.loginFailuresPerAccount.blocked(email)) || (await deps.loginFailuresPerAddress.blocked(from))) return sendProblem(res, 'RATE_LIMITED');
    const account = await accounts.verifyLogin(email, password);
    if (!account) {
      await deps.loginFailuresPerAccount.fail(email);
      await deps.loginFailuresPerAddress.fail(from);
      return sendProblem(res, 'UNAUTHORISED');
    }
    await signIn(req, res, account);
    res.json(accountView(account));
  });

  router.post('/auth/logout', async (req, res) => {
    const current = await signedInOf(req, accounts);
    if (current) await accounts.endSession(current.sessionHash);
    res.setHeader('Set-Cookie', clearedSessionCookie(overTls(req, deps.trustProxy)));
    res.status(204).end();
  });

  router.get('/invites/:token', async (req, res) => {
    const token = oneTimeTokenSchema.safeParse(req.params.token);
    const info = token.success ? await accounts.inviteInfo(token.data) : null;
    if (!info) return sendProblem(res, 'INVITE_USED');
    res.set('Cache-Control', 'no-store').json(info);
  });

  // AC-5: the invitee chooses address, name and password, and is signed in.
  router.post('/invites/:token/accept', async (req, res) => {
    const token = oneTimeTokenSchema.safeParse(req.params.token);
    if (!token.success) return sendProblem(res, 'INVITE_USED');
    const account = await accounts.acceptInvite(token.data, acceptInviteSchema.parse(req.body));
    await signIn(req, res, account);
    res.status(201).json(accountView(account));
  });

  // AC-10: to the organisation's provider and back. Both are GETs a browser navigates (no JSON, no CSRF
  // guard): the state in a short-lived cookie of this browser must match the one that comes back.
  router.get('/auth/oidc/start', async (req, res) => {
    if (!deps.oidcSignIn) return sendProblem(res, 'NOT_FOUND');
    const next = typeof req.query.next === 'string' && req.query.next.startsWith('/') && !req.query.next.startsWith('//') ? req.query.next.slice(0, 500) : '/';
    const { url, state } = await deps.oidcSignIn.start(next, deps.publicUrl ? `${deps.publicUrl.replace(/\/$/, '')}/api/auth/oidc/callback` : callbackUrl(req, deps.trustProxy));
    res.setHeader('Set-Cookie', `${OIDC_STATE_COOKIE}=${state}; Path=/api/auth/oidc; Max-Age=600; HttpOnly; SameSite=Lax${overTls(req, deps.trustProxy) ? '; Secure' : ''}`);
    res.set('Cache-Control', 'no-store').redirect(302, url);
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    if (!deps.oidcSignIn) return sendProblem(res, 'NOT_FOUND');
    const from = address(req);
    if (await deps.loginFailuresPerAddress.blocked(from)) return res.redirect(302, '/anmelden?anmeldung=gesperrt');
    const outcome = await deps.oidcSignIn.finish(new URL(req.originalUrl, 'http://konsens.invalid'), readCookie(req.headers, OIDC_STATE_COOKIE));
    const clear = `${OIDC_STATE_COOKIE}=; Path=/api/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax`;
    if (!outcome.ok) {
      await deps.loginFailuresPerAddress.fail(from);
      res.setHeader('Set-Cookie', clear);
      return res.redirect(302, `/anmelden?anmeldung=${outcome.reason === 'failed' ? 'fehlgeschlagen' : outcome.reason === 'unknown' ? 'unbekannt' : 'deaktiviert'}`);
    }
    const { token, maxAgeSeconds } = await accounts.startSession(outcome.account);
    res.setHeader('Set-Cookie', [clear, sessionCookie(token, maxAgeSeconds, overTls(req, deps.trustProxy))]);
    res.redirect(302, outcome.next);
  });

  router.use(['/auth/password', '/accounts', '/invites'], requireSignIn(accounts));

  router.post('/auth/password', async (req, res) => {
    const { current, next } = passwordChangeSchema.parse(req.body);
    const from = address(req);
    if (await deps.loginFailuresPerAddress.blocked(from)) return sendProblem(res, 'RATE_LIMITED');
    try {
      await accounts.changePassword(signedIn(res), current, next);
    } catch (error) {
      if (error instanceof KonsensError && error.code === 'UNAUTHORISED') await deps.loginFailuresPerAddress.fail(from);
      throw error;
    }
    res.status(204).end();
  });

  router.get('/accounts', requireAdmin, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json((await accounts.store.listAccounts()).map(accountView));
  });

  router.patch('/accounts/:id', requireAdmin, async (req, res) => {
    const id = idSchema.parse(req.params.id);
    const { disabled } = accountPatchSchema.parse(req.body);
    res.json(accountView(await accounts.setDisabled(signedIn(res).account, id, disabled)));
  });

  router.post('/invites', requireAdmin, async (req, res) => {
    const { role, note } = inviteSchema.parse(req.body ?? {});
    res.status(201).json(await accounts.invite(signedIn(res).account, role, note ?? null));
  });

  return router;
}
