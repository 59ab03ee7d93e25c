import { ApiRequestError, ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeX, startFakeX } from './server';
import { rawRequest, signInWithPin } from './test-helpers';

let fake: FakeX;
let client: TwitterApi;
beforeAll(async () => {
  fake = await startFakeX({ https: true });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  client = (await signInWithPin(fake)).client;
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('rate limits', () => {
  it('sends x-rate-limit-* on every API answer', async () => {
    const result = await client.v2.userByUsername('priyaraman');
    expect(result.data.username).toBe('priyaraman');
    const raw = await client.v2.get('users/by/username/priyaraman', undefined, { fullResponse: true });
    expect(raw.rateLimit?.limit).toBe(900);
    expect(raw.rateLimit?.remaining).toBe(898);
    expect(raw.rateLimit?.reset).toBeGreaterThan(Date.now() / 1000);
    expect(raw.rateLimit?.reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 900);
  });

  it('answers 429 with headers when spent, and resets after the window', async () => {
    fake.limits.set('GET /2/users/me', 2);
    await client.v2.me();
    await client.v2.me();
    const error = await failure(client.v2.me());
    expect(error).toBeInstanceOf(ApiResponseError);
    const response = error as ApiResponseError;
    expect(response.code).toBe(429);
    expect(response.rateLimitError).toBe(true);
    expect(response.rateLimit).toMatchObject({ limit: 2, remaining: 0 });
    expect(response.data).toEqual({
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
      type: 'about:blank',
      status: 429,
    });
    // limits are per user: another account still has its own budget
    const other = (await signInWithPin(fake, 'alexseller')).client;
    expect((await other.v2.me()).data.username).toBe('alexseller');
    fake.faults.advanceClock(15 * 60_000);
    expect((await client.v2.me()).data.username).toBe('samrep_crm');
  });

  it('uses the endpoint limits from the X notes', async () => {
    const me = await client.v2.get('users/me', undefined, { fullResponse: true });
    expect(me.rateLimit?.limit).toBe(75);
    const userId = fake.accounts[0]?.userId ?? '';
    const like = await client.v2.post(
      `users/${userId}/likes`,
      { tweet_id: fake.state.userByUsername('maria_acme')?.pinnedPostId },
      { fullResponse: true },
    );
    expect(like.rateLimit?.limit).toBe(50);
  });
});

describe('24-hour caps', () => {
  const HOUR = 60 * 60_000;

  it('sends the per-user and per-app 24-hour headers on creating posts, as twitter-api-v2 reads them', async () => {
    const posted = await client.v2.post('tweets', { text: 'first of the day' }, { fullResponse: true });
    expect(posted.headers['x-user-limit-24hour-limit']).toBe('100');
    expect(posted.rateLimit).toMatchObject({
      limit: 100,
      remaining: 99,
      userDay: { limit: 100, remaining: 99 },
      day: { limit: 10_000, remaining: 9_999 },
    });
    const dayReset = posted.rateLimit?.userDay?.reset ?? 0;
    expect(dayReset).toBeGreaterThan(Date.now() / 1000 + 23.9 * 3600);
    expect(dayReset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 24 * 3600);
    const userId = fake.accounts[0]?.userId ?? '';
    const like = await client.v2.post(
      `users/${userId}/likes`,
      { tweet_id: fake.state.userByUsername('maria_acme')?.pinnedPostId },
      { fullResponse: true },
    );
    expect(like.rateLimit).toMatchObject({ limit: 50, userDay: { limit: 1_000, remaining: 999 } });
    expect(like.rateLimit?.day).toBeUndefined();
    const lookup = await client.v2.get('users/me', undefined, { fullResponse: true });
    expect(lookup.headers['x-user-limit-24hour-limit']).toBeUndefined();
    expect(lookup.rateLimit?.userDay).toBeUndefined();
  });

  it('answers 429 from a spent user cap while the 15-minute window has calls left, until the cap resets', async () => {
    const setAt = fake.clock.now();
    fake.limits.setDaily({ endpoint: 'POST /2/tweets', scope: 'user', remaining: 0, resetInMs: 20 * HOUR });
    const error = (await failure(client.v2.tweet('over the daily cap'))) as ApiResponseError;
    expect(error.code).toBe(429);
    expect(error.rateLimit).toMatchObject({ remaining: 99, userDay: { limit: 100, remaining: 0 } });
    expect(error.rateLimit?.reset).toBeLessThanOrEqual(Math.ceil(fake.clock.now() / 1000) + 15 * 60);
    // The reset X names is 20 hours from when the cap was set, in whole seconds.
    expect(error.rateLimit?.userDay?.reset).toBeGreaterThanOrEqual(Math.ceil((setAt + 20 * HOUR) / 1000));
    expect(error.rateLimit?.userDay?.reset).toBeLessThanOrEqual(
      Math.ceil((fake.clock.now() + 20 * HOUR) / 1000),
    );
    expect(fake.state.postsNewestFirst((post) => post.text === 'over the daily cap')).toEqual([]);
    fake.faults.advanceClock(19 * HOUR);
    expect(((await failure(client.v2.tweet('still over'))) as ApiResponseError).code).toBe(429);
    fake.faults.advanceClock(HOUR);
    expect((await client.v2.tweet('a new day')).data.text).toBe('a new day');
  });

  it('answers 429 to every user of the app once the app cap is spent', async () => {
    fake.limits.setDaily({ endpoint: 'POST /2/tweets', scope: 'app', remaining: 1, resetInMs: 3 * HOUR });
    const posted = await client.v2.post('tweets', { text: 'the last one' }, { fullResponse: true });
    expect(posted.rateLimit?.day).toMatchObject({ limit: 10_000, remaining: 0 });
    const other = (await signInWithPin(fake, 'alexseller')).client;
    const error = (await failure(other.v2.tweet('one too many'))) as ApiResponseError;
    expect(error.code).toBe(429);
    expect(error.rateLimit).toMatchObject({
      remaining: 99,
      userDay: { remaining: 100 },
      day: { remaining: 0 },
    });
  });
});

describe('faults', () => {
  it('answers a given status for the next N calls of an endpoint', async () => {
    fake.faults.failNext('GET /2/users/me', 503, 2);
    for (let i = 0; i < 2; i++) {
      const error = (await failure(client.v2.me())) as ApiResponseError;
      expect(error.code).toBe(503);
      expect(error.data).toMatchObject({ title: 'Service Unavailable', status: 503 });
    }
    expect((await client.v2.me()).data.username).toBe('samrep_crm');
  });

  it('drops the connection', async () => {
    fake.faults.dropNext('GET /2/users/:id', 1);
    const error = await failure(client.v2.user(fake.accounts[0]?.userId ?? ''));
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((await client.v2.user(fake.accounts[0]?.userId ?? '')).data.username).toBe('samrep_crm');
  });

  it('adds latency per endpoint', async () => {
    fake.faults.latency(300, 'GET /2/users/me');
    const started = Date.now();
    await client.v2.me();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const quick = Date.now();
    await client.v2.userByUsername('priyaraman');
    expect(Date.now() - quick).toBeLessThan(290);
  });

  it('reset() restores the seed and clears faults and tokens', async () => {
    const posted = await client.v2.tweet('temporary');
    fake.faults.failNext('GET /2/users/me', 500, 5);
    fake.reset();
    expect(fake.state.posts.has(posted.data.id)).toBe(false);
    expect(((await failure(client.v2.me())) as ApiResponseError).code).toBe(401);
  });
});

describe('HTTP control API', () => {
  it('resets, injects faults and shows state and calls as JSON', async () => {
    const url = (path: string): string => `https://api.x.com/__fakex/${path}`;
    const post = (path: string, body: unknown) =>
      rawRequest(fake, url(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await client.v2.tweet('seen by the control API');
    const state = JSON.parse((await rawRequest(fake, url('state'))).body);
    expect(state.posts.some((p: { text: string }) => p.text === 'seen by the control API')).toBe(true);
    const posts = JSON.parse((await rawRequest(fake, url('state/posts'))).body);
    expect(posts.length).toBe(state.posts.length);
    const calls = JSON.parse((await rawRequest(fake, url('calls'))).body);
    expect(calls).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/2/tweets', endpoint: 'POST /2/tweets' }),
    );

    await post('faults', { status: { endpoint: 'GET /2/users/me', status: 500, count: 1 } });
    expect(((await failure(client.v2.me())) as ApiResponseError).code).toBe(500);
    await post('faults', { usersSearchForbidden: true });
    expect(
      ((await failure(client.v2.get('users/search', { query: 'maria' }))) as ApiResponseError).code,
    ).toBe(403);
    const capSetAt = fake.clock.now();
    await post('faults', {
      dailyCap: { endpoint: 'POST /2/tweets', scope: 'user', remaining: 0, resetInMs: 3_600_000 },
    });
    const capped = ((await failure(client.v2.tweet('capped'))) as ApiResponseError).rateLimit?.userDay;
    expect(capped?.remaining).toBe(0);
    expect(capped?.reset).toBeGreaterThanOrEqual(Math.ceil((capSetAt + 3_600_000) / 1000));
    expect(capped?.reset).toBeLessThanOrEqual(Math.ceil((fake.clock.now() + 3_600_000) / 1000));
    expect((await post('faults', { dailyCap: { endpoint: 'GET /2/users/me', scope: 'user' } })).status).toBe(
      400,
    );
    await rawRequest(fake, url('faults'), { method: 'DELETE' });
    expect((await client.v2.get('users/search', { query: 'maria' })).data.length).toBe(3);

    const token = JSON.parse((await post('tokens/oauth1', { username: 'alexseller' })).body);
    expect(token.userId).toBe(fake.state.userByUsername('alexseller')?.id);

    expect((await post('reset', {})).status).toBe(200);
    const after = JSON.parse((await rawRequest(fake, url('state'))).body);
    expect(after.posts.some((p: { text: string }) => p.text === 'seen by the control API')).toBe(false);
    expect(JSON.parse((await rawRequest(fake, url('calls'))).body)).toEqual([]);
  });
});
