/**
 * Sign-in with the organisation's OpenID Connect provider (SPEC AC-10), as a
 * relying party through openid-client: authorization code flow with PKCE, a
 * state bound to the browser by a short-lived cookie, and a nonce. A verified
 * e-mail address finds the facilitator's account (and links it to the
 * identity); with `autoCreate`, an unknown identity becomes a new facilitator.
 */
import * as client from 'openid-client';
import type { AccountRecord } from '../store/accountStore.js';
import type { AccountService } from './service.js';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's words on the sign-in page, e.g. "Landkreis-Anmeldung". */
  label: string;
  /** New facilitator accounts for identities Konsens does not know yet (off: only existing accounts). */
  autoCreate: boolean;
  /** Allow an issuer over plain http (tests, a provider on the same host). */
  allowHttp: boolean;
}

/** Who the provider says signed in. */
interface Identity {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/** What waits between the redirect to the provider and the way back. */
interface Pending {
  verifier: string;
  nonce: string;
  next: string;
  redirectUri: string;
  expires: number;
}

const PENDING_MS = 10 * 60_000;
export const OIDC_STATE_COOKIE = 'konsens_oidc';

export type OidcOutcome = { ok: true; account: AccountRecord; next: string } | { ok: false; reason: 'failed' | 'unknown' | 'disabled' };

export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;
  private readonly pending = new Map<string, Pending>();

  constructor(
    readonly config: OidcConfig,
    private readonly accounts: AccountService,
    private readonly now: () => number,
  ) {}

  /** Discovery once, on first use (the provider may start after Konsens); a failure is tried again next time. */
  private discovered(): Promise<client.Configuration> {
    if (!this.configuration) {
      const options = this.config.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined;
      this.configuration = client.discovery(new URL(this.config.issuer), this.config.clientId, undefined, client.ClientSecretBasic(this.config.clientSecret), options);
      this.configuration.catch(() => (this.configuration = null));
    }
    return this.configuration;
  }

  /** The provider's authorization URL and the state to keep in the browser's cookie. */
  async start(next: string, redirectUri: string): Promise<{ url: string; state: string }> {
    const configuration = await this.discovered();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    this.sweep();
    this.pending.set(state, { verifier, nonce, next, redirectUri, expires: this.now() + PENDING_MS });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /** The way back: the code exchanged, the id_token checked, the account found (or made). */
  async finish(callbackUrl: URL, stateCookie: string | null): Promise<OidcOutcome> {
    const state = callbackUrl.searchParams.get('state');
    const pending = state ? this.pending.get(state) : undefined;
    if (state) this.pending.delete(state);
    // The state must be the one this browser started with (no sign-in forced onto someone else's browser).
    if (!state || !pending || stateCookie !== state || pending.expires < this.now()) return { ok: false, reason: 'failed' };
    let claims: Identity;
    try {
      const configuration = await this.discovered();
      const redirect = new URL(pending.redirectUri);
      const current = new URL(`${redirect.origin}${redirect.pathname}${callbackUrl.search}`);
      const tokens = await client.authorizationCodeGrant(configuration, current, { pkceCodeVerifier: pending.verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
      const idToken = tokens.claims()!;
      claims = { iss: idToken.iss, sub: idToken.sub, email: idToken.email, email_verified: idToken.email_verified, name: idToken.name };
      // Many providers put address and name only into the UserInfo answer (OIDC Core 5.4).
      if (claims.email === undefined) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = { ...claims, email: info.email, email_verified: info.email_verified, name: info.name ?? claims.name };
      }
    } catch {
      return { ok: false, reason: 'failed' };
    }
    const account = await this.accountFor(claims);
    if (account === 'unknown' || account === 'disabled') return { ok: false, reason: account };
    return { ok: true, account, next: pending.next };
  }

  private async accountFor(claims: Identity): Promise<AccountRecord | 'unknown' | 'disabled'> {
    const subject = `${claims.iss} ${claims.sub}`;
    const store = this.accounts.store;
    let account = await store.accountByOidcSubject(subject);
    const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email.trim().toLowerCase() : null;
    if (!account && email) {
      const byEmail = await store.accountByEmail(email);
      // Linked once; from then on the identity finds the account, whatever its address becomes.
      if (byEmail && byEmail.oidcSubject === null) {
        await store.updateAccount(byEmail.id, { oidcSubject: subject });
        account = { ...byEmail, oidcSubject: subject };
      }
    }
    if (!account && email && this.config.autoCreate) {
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
      account = await this.accounts.createFromIdentity({ email, name, oidcSubject: subject });
    }
    if (!account) return 'unknown';
    return account.disabledAt === null ? account : 'disabled';
  }

  private sweep(): void {
    const now = this.now();
    for (const [state, p] of this.pending) if (p.expires < now) this.pending.delete(state);
    // A flood of unfinished starts cannot grow the map without bound.
    if (this.pending.size > 10_000) this.pending.clear();
  }
}
