/**
 * The test OpenID provider (tests/support/oidcProvider.ts) against
 * openid-client alone, no Konsens code: discovery, an authorization URL with
 * PKCE, state and nonce, the login walked with fetch, the code exchanged at
 * the token endpoint and the signed id_token checked; a wrong password yields
 * no code. openid-client refuses plain http unless `allowInsecureRequests` is
 * passed in `execute` — fine for a provider on 127.0.0.1 in a test only.
 */
import * as client from 'openid-client';
import { afterEach, describe, expect, it } from 'vitest';
import { loginWithFetch, startOidcProvider, type TestProvider } from '../support/oidcProvider.js';

const CALLBACK = 'http://127.0.0.1:9/callback';
const USER = { sub: 'u-mia', email: 'mia@kreis.example', name: 'Mia Moderatorin', password: 'richtig-1' };

let provider: TestProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function relyingParty(claimsInIdToken = true) {
  provider = await startOidcProvider({ redirectUris: [CALLBACK], users: [USER], clientId: 'rp-test', clientSecret: 'rp-test-secret-0123456789abcdef', claimsInIdToken });
  const config = await client.discovery(new URL(provider.issuer), provider.clientId, undefined, client.ClientSecretBasic(provider.clientSecret), {
    execute: [client.allowInsecureRequests],
  });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { config, verifier, state, nonce, url };
}

describe('test OpenID provider', () => {
  it('discovery, login with fetch, code exchange with PKCE: a signed id_token with sub, email and name', async () => {
    const { config, verifier, state, nonce, url } = await relyingParty();
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(provider!.issuer);
    expect(metadata.code_challenge_methods_supported).toContain('S256');
    expect(metadata.token_endpoint_auth_methods_supported).toContain('client_secret_basic');
    const jwks = (await (await fetch(metadata.jwks_uri!)).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA' });
    expect(jwks.keys[0]!.d).toBeUndefined();

    const back = await loginWithFetch(url.href, { login: USER.email, password: USER.password }, CALLBACK);
    expect(back).not.toBeNull();
    const callback = new URL(back!);
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('code')).toBeTruthy();

    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    expect(tokens.id_token!.split('.')).toHaveLength(3);
    expect(tokens.claims()).toMatchObject({ iss: provider!.issuer, aud: 'rp-test', sub: USER.sub, email: USER.email, email_verified: true, name: USER.name, nonce });
    const info = await client.fetchUserInfo(config, tokens.access_token, USER.sub);
    expect(info).toMatchObject({ sub: USER.sub, email: USER.email });

    // The code is single-use.
    await expect(client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce })).rejects.toThrow();
  });

  it('by default, as the spec has it, the id_token carries the subject and UserInfo the address', async () => {
    const { config, verifier, state, nonce, url } = await relyingParty(false);
    const back = await loginWithFetch(url.href, { login: USER.email, password: USER.password }, CALLBACK);
    const tokens = await client.authorizationCodeGrant(config, new URL(back!), { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    expect(tokens.claims()).toMatchObject({ sub: USER.sub });
    expect(tokens.claims()!.email).toBeUndefined();
    expect(await client.fetchUserInfo(config, tokens.access_token, USER.sub)).toMatchObject({ sub: USER.sub, email: USER.email, email_verified: true, name: USER.name });
  });

  it('a wrong password or an unknown user yields no code', async () => {
    const { url } = await relyingParty();
    expect(await loginWithFetch(url.href, { login: USER.email, password: 'falsch' }, CALLBACK)).toBeNull();
    expect(await loginWithFetch(url.href, { login: 'niemand@kreis.example', password: USER.password })).toBeNull();
  });

  it('the code is useless without the PKCE verifier it was issued for', async () => {
    const { config, state, nonce, url } = await relyingParty();
    const back = await loginWithFetch(url.href, { email: USER.email, password: USER.password });
    expect(back?.startsWith(`${CALLBACK}?`)).toBe(true);
    await expect(client.authorizationCodeGrant(config, new URL(back!), { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: state, expectedNonce: nonce })).rejects.toThrow();
  });
});
