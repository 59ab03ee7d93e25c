import { TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emulatorAgent } from './node-agent';
import { type FakeX, startFakeX } from './server';
import {
  ALL_SCOPES,
  apiRefusal,
  authorizeOAuth2,
  REDIRECT_URI,
  rawRequest,
  signInWithOAuth2,
  submitAuthorizeForm,
} from './test-helpers';

let fake: FakeX;
beforeAll(async () => {
  fake = await startFakeX({ https: true });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('OAuth 2.0 authorization code with PKCE', () => {
  it('redirects with state and code, then trades the code for tokens', async () => {
    const { status, location, state, code, link } = await authorizeOAuth2(fake, ALL_SCOPES);
    expect(link.url).toMatch(/^https:\/\/x\.com\/i\/oauth2\/authorize\?/);
    expect(status).toBe(302);
    expect(location.startsWith(`${REDIRECT_URI}?state=`)).toBe(true);
    expect(state).toBe(link.state);
    expect(code).not.toBe('');
    const login = await new TwitterApi(
      { clientId: fake.app.clientId },
      { httpAgent: emulatorAgent(fake) },
    ).loginWithOAuth2({ code, codeVerifier: link.codeVerifier, redirectUri: REDIRECT_URI });
    expect(login.expiresIn).toBe(7200);
    expect(login.scope.sort()).toEqual([...ALL_SCOPES].sort());
    expect(login.refreshToken).toBeTruthy();
    expect((await login.client.v2.me()).data.username).toBe('samrep_crm');
    // a code works once
    const again = new TwitterApi({ clientId: fake.app.clientId }, { httpAgent: emulatorAgent(fake) });
    const error = await apiRefusal(
      again.loginWithOAuth2({ code, codeVerifier: link.codeVerifier, redirectUri: REDIRECT_URI }),
    );
    expect(error.code).toBe(400);
    expect(error.data).toMatchObject({ error: 'invalid_request' });
  });

  it('also takes a form-encoded token request', async () => {
    const { code, link } = await authorizeOAuth2(fake, ['tweet.read', 'users.read']);
    const response = await rawRequest(fake, 'https://api.x.com/2/oauth2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: link.codeVerifier,
        client_id: fake.app.clientId,
      }).toString(),
    });
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'tweet.read users.read' });
    expect(body.refresh_token).toBeUndefined();
  });

  it('refuses a wrong code verifier', async () => {
    const { client, code } = await authorizeOAuth2(fake, ALL_SCOPES);
    const error = await apiRefusal(
      client.loginWithOAuth2({ code, codeVerifier: 'x'.repeat(64), redirectUri: REDIRECT_URI }),
    );
    expect(error.code).toBe(400);
    // twitter-api-v2 adds its own `errors` entry beside X's OAuth error fields
    expect(error.data).toMatchObject({
      error: 'invalid_request',
      error_description: 'Value passed for the authorization code was invalid.',
    });
  });

  it('redirects with access_denied when the person cancels', async () => {
    const client = new TwitterApi({ clientId: fake.app.clientId }, { httpAgent: emulatorAgent(fake) });
    const link = client.generateOAuth2AuthLink(REDIRECT_URI, { scope: ALL_SCOPES });
    const decision = await submitAuthorizeForm(fake, link.url, { button: 'cancel' });
    const location = new URL(String(decision.headers.location));
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('shows an error page for an unregistered redirect_uri and accepts it once registered', async () => {
    const client = new TwitterApi({ clientId: fake.app.clientId }, { httpAgent: emulatorAgent(fake) });
    const uri = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
    const link = client.generateOAuth2AuthLink(uri, { scope: ALL_SCOPES });
    expect((await rawRequest(fake, link.url)).status).toBe(400);
    fake.addRedirectUri(uri);
    expect((await rawRequest(fake, link.url)).status).toBe(200);
  });

  it('rotates refresh tokens and refuses a spent one', async () => {
    const login = await signInWithOAuth2(fake, ALL_SCOPES);
    const client = new TwitterApi({ clientId: fake.app.clientId }, { httpAgent: emulatorAgent(fake) });
    const refreshed = await client.refreshOAuth2Token(login.refreshToken ?? '');
    expect(refreshed.refreshToken).toBeTruthy();
    expect(refreshed.refreshToken).not.toBe(login.refreshToken);
    expect(refreshed.accessToken).not.toBe(login.accessToken);
    expect((await refreshed.client.v2.me()).data.username).toBe('samrep_crm');
    const error = await apiRefusal(client.refreshOAuth2Token(login.refreshToken ?? ''));
    expect(error.code).toBe(400);
    expect(error.data).toMatchObject({
      error: 'invalid_request',
      error_description: 'Value passed for the token was invalid.',
    });
    // the new one still works once
    expect((await client.refreshOAuth2Token(refreshed.refreshToken ?? '')).accessToken).toBeTruthy();
  });

  it('expires access tokens after their lifetime', async () => {
    fake.faults.setTokenLifetime(60);
    const login = await signInWithOAuth2(fake, ALL_SCOPES);
    expect(login.expiresIn).toBe(60);
    await login.client.v2.me();
    fake.faults.advanceClock(61_000);
    const error = await apiRefusal(login.client.v2.me());
    expect(error.code).toBe(401);
    expect(error.data).toEqual({
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    });
  });

  it('enforces scopes per endpoint with 403', async () => {
    const login = await signInWithOAuth2(fake, ['tweet.read', 'users.read']);
    expect((await login.client.v2.me()).data.username).toBe('samrep_crm');
    const target = fake.state.userByUsername('priyaraman');
    const error = await apiRefusal(login.client.v2.follow(fake.accounts[0]?.userId ?? '', target?.id ?? ''));
    expect(error.code).toBe(403);
    expect(error.data).toMatchObject({ title: 'Forbidden', type: 'about:blank', status: 403 });
    expect((await apiRefusal(login.client.v2.followers(target?.id ?? ''))).code).toBe(403);
    expect((await apiRefusal(login.client.v2.tweet('hello'))).code).toBe(403);
  });

  it('revokes tokens', async () => {
    const login = await signInWithOAuth2(fake, ALL_SCOPES);
    const client = new TwitterApi({ clientId: fake.app.clientId }, { httpAgent: emulatorAgent(fake) });
    expect(await client.revokeOAuth2Token(login.accessToken)).toEqual({ revoked: true });
    expect((await apiRefusal(login.client.v2.me())).code).toBe(401);
    await client.revokeOAuth2Token(login.refreshToken ?? '', 'refresh_token');
    expect((await apiRefusal(client.refreshOAuth2Token(login.refreshToken ?? ''))).code).toBe(400);
  });
});
