import { TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { emulatorAgent } from './node-agent';
import { type FakeX, startFakeX } from './server';
import { apiRefusal, appClient, rawRequest, signInWithPin, submitAuthorizeForm } from './test-helpers';

let fake: FakeX;
beforeAll(async () => {
  fake = await startFakeX({ https: true });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('OAuth 1.0a PIN flow', () => {
  it('signs in with request token, authorize page, 7-digit PIN and access token', async () => {
    const { pin, link, userId, screenName, accessToken, client } = await signInWithPin(fake);
    expect(link.oauth_callback_confirmed).toBe('true');
    expect(link.url).toMatch(/^https:\/\/api\.x\.com\/oauth\/authenticate\?oauth_token=/);
    expect(pin).toMatch(/^\d{7}$/);
    expect(screenName).toBe('samrep_crm');
    expect(accessToken.startsWith(`${userId}-`)).toBe(true);
    const me = await client.v2.me();
    expect(me.data).toEqual({ id: userId, name: 'Sam Rep', username: 'samrep_crm' });
    expect(fake.callsTo('GET /2/users/me')[0]?.account).toBe(userId);
  });

  it('lets the authorize page pick another seeded person', async () => {
    const { screenName } = await signInWithPin(fake, 'alexseller');
    expect(screenName).toBe('alexseller');
  });

  it('serves the same page on /oauth/authorize with the PIN in #oauth_pin', async () => {
    const link = await appClient(fake).generateAuthLink('oob', { linkMode: 'authorize' });
    const page = await rawRequest(fake, link.url);
    expect(page.body).toContain('value="Authorize app"');
    const decision = await submitAuthorizeForm(fake, link.url);
    expect(decision.body).toMatch(/<div id="oauth_pin"><p><kbd[^>]*><code>\d{7}<\/code><\/kbd><\/p><\/div>/);
    // a used request token cannot be authorized again
    expect((await rawRequest(fake, link.url)).status).toBe(403);
  });

  it('refuses a wrong PIN', async () => {
    const link = await appClient(fake).generateAuthLink('oob');
    await submitAuthorizeForm(fake, link.url);
    const pending = new TwitterApi(
      {
        appKey: fake.app.consumerKey,
        appSecret: fake.app.consumerSecret,
        accessToken: link.oauth_token,
        accessSecret: link.oauth_token_secret,
      },
      { httpAgent: emulatorAgent(fake) },
    );
    const error = await apiRefusal(pending.login('0000000'));
    expect(error.code).toBe(401);
  });

  it('answers 401 code 32 when the consumer secret is wrong', async () => {
    const error = await apiRefusal(appClient(fake, 'not-the-secret').generateAuthLink('oob'));
    expect(error.code).toBe(401);
    expect(error.data).toEqual({ errors: [{ code: 32, message: 'Could not authenticate you.' }] });
  });

  it('answers 401 for an unknown consumer key', async () => {
    const client = new TwitterApi(
      { appKey: 'unknownKey', appSecret: fake.app.consumerSecret },
      { httpAgent: emulatorAgent(fake) },
    );
    expect((await apiRefusal(client.generateAuthLink('oob'))).code).toBe(401);
  });

  it('answers v2 problem JSON for a bad signature on a v2 call', async () => {
    const token = fake.issueOAuth1Token('samrep_crm');
    const client = new TwitterApi(
      {
        appKey: fake.app.consumerKey,
        appSecret: 'wrong',
        accessToken: token.accessToken,
        accessSecret: token.accessSecret,
      },
      { httpAgent: emulatorAgent(fake) },
    );
    const error = await apiRefusal(client.v2.me());
    expect(error.code).toBe(401);
    expect(error.data).toEqual({
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    });
  });

  it('refuses a timestamp more than 5 minutes off', async () => {
    const token = fake.issueOAuth1Token('samrep_crm');
    const client = new TwitterApi(
      {
        appKey: fake.app.consumerKey,
        appSecret: fake.app.consumerSecret,
        accessToken: token.accessToken,
        accessSecret: token.accessSecret,
      },
      { httpAgent: emulatorAgent(fake) },
    );
    // twitter-api-v2 reads its timestamp from Date#getTime; the emulator uses Date.now()
    const spy = vi.spyOn(Date.prototype, 'getTime').mockReturnValue(Date.now() - 6 * 60_000);
    try {
      expect((await apiRefusal(client.v2.me())).code).toBe(401);
    } finally {
      spy.mockRestore();
    }
    expect((await client.v2.me()).data.username).toBe('samrep_crm');
  });

  it('refuses a replayed nonce', async () => {
    const token = fake.issueOAuth1Token('samrep_crm');
    let authorization = '';
    const client = new TwitterApi(
      {
        appKey: fake.app.consumerKey,
        appSecret: fake.app.consumerSecret,
        accessToken: token.accessToken,
        accessSecret: token.accessSecret,
      },
      {
        httpAgent: emulatorAgent(fake),
        plugins: [
          {
            onBeforeRequest(args) {
              authorization = String(args.computedParams.headers.Authorization ?? '');
            },
          },
        ],
      },
    );
    await client.v2.me();
    const replay = await rawRequest(fake, 'https://api.x.com/2/users/me', { headers: { authorization } });
    expect(replay.status).toBe(401);
    expect(JSON.parse(replay.body)).toMatchObject({ title: 'Unauthorized', status: 401 });
  });

  it('signs query and form parameters (users/search with an apostrophe and spaces)', async () => {
    const token = fake.issueOAuth1Token('samrep_crm');
    const client = new TwitterApi(
      {
        appKey: fake.app.consumerKey,
        appSecret: fake.app.consumerSecret,
        accessToken: token.accessToken,
        accessSecret: token.accessSecret,
      },
      { httpAgent: emulatorAgent(fake) },
    );
    const result = await client.v2.get('users/search', { query: "Jose Nunez O'Brien", max_results: 5 });
    expect(result.data[0].username).toBe('jnunezobrien');
  });

  it('revokes the access token with /1.1/oauth/invalidate_token', async () => {
    const { client, accessToken } = await signInWithPin(fake);
    const answer = await client.v1.post('oauth/invalidate_token');
    expect(answer).toEqual({ access_token: accessToken });
    const error = await apiRefusal(client.v2.me());
    expect(error.code).toBe(401);
    expect(error.data).toMatchObject({ title: 'Unauthorized', type: 'about:blank' });
  });

  it('honours a revoked token fault', async () => {
    const { client, accessToken } = await signInWithPin(fake);
    expect(fake.faults.revokeToken(accessToken)).toBe(true);
    expect((await apiRefusal(client.v2.me())).code).toBe(401);
  });
});
