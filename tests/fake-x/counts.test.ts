import type { TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postAs } from './conversations';
import { type FakeX, startFakeX } from './server';
import { ALL_SCOPES, apiRefusal, signInWithOAuth2, signInWithPin } from './test-helpers';

let fake: FakeX;
let client: TwitterApi;
beforeAll(async () => {
  fake = await startFakeX({ https: true });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  client = (await signInWithOAuth2(fake, ALL_SCOPES)).client;
});

type Counts = {
  data: { start: string; end: string; tweet_count: number }[];
  meta: { total_tweet_count: number };
};
const counts = (c: TwitterApi, query: string, params: Record<string, string> = {}) =>
  c.v2.get<Counts>('tweets/counts/recent', { query, ...params });
const search = (query: string, params: Record<string, string> = {}) =>
  client.v2.get<{ data?: { id: string }[]; meta: { newest_id?: string } }>('tweets/search/recent', {
    query,
    max_results: '100',
    ...params,
  });

describe('GET /2/tweets/counts/recent', () => {
  it('counts exactly what recent search returns for the same query and since_id, in buckets', async () => {
    const now = fake.clock.now();
    const first = postAs(fake.state, { username: 'maria_acme', text: 'Hiring two engineers' }, now - 120_000);
    postAs(fake.state, { username: 'priyaraman', text: 'Our funding round closed' }, now - 60_000);
    postAs(fake.state, { username: 'seanoconnor', text: 'Not in the query' }, now - 30_000);
    const query = '(from:maria_acme OR from:priyaraman) -is:retweet';
    const found = (await search(query)).data ?? [];
    const answer = await counts(client, query, { granularity: 'day' });
    expect(answer.meta.total_tweet_count).toBe(found.length);
    expect(answer.data.reduce((sum, bucket) => sum + bucket.tweet_count, 0)).toBe(found.length);
    expect(answer.data.length).toBeGreaterThanOrEqual(7);
    expect(answer.data[0]).toEqual({ start: expect.any(String), end: expect.any(String), tweet_count: 0 });

    const since = { since_id: first.id };
    expect((await counts(client, query, since)).meta.total_tweet_count).toBe(
      (await search(query, since)).data?.length ?? 0,
    );
  });

  it('refuses OAuth 1.0a user context with 403 Unsupported Authentication, as X does', async () => {
    const pin = await signInWithPin(fake);
    const error = await apiRefusal(counts(pin.client, 'from:maria_acme'));
    expect(error.code).toBe(403);
    expect(error.data).toMatchObject({
      title: 'Unsupported Authentication',
      type: 'https://api.x.com/2/problems/unsupported-authentication',
    });
  });

  it('takes the query grammar and limits of recent search: 512 characters, 7 days, granularity', async () => {
    expect((await apiRefusal(counts(client, `from:${'a'.repeat(600)}`))).code).toBe(400);
    const old = new Date(fake.clock.now() - 8 * 86_400_000).toISOString();
    expect((await apiRefusal(counts(client, 'hiring', { start_time: old }))).code).toBe(400);
    expect((await apiRefusal(counts(client, 'hiring', { granularity: 'week' }))).code).toBe(400);
    expect((await apiRefusal(counts(client, 'hiring', { max_results: '10' }))).code).toBe(400);
  });
});
