import type { TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postAs } from './conversations';
import { type FakeX, startFakeX } from './server';
import { apiRefusal, rawRequest, signInWithPin } from './test-helpers';

let fake: FakeX;
let client: TwitterApi;
let me: string;
beforeAll(async () => {
  fake = await startFakeX({ https: true });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  const login = await signInWithPin(fake);
  client = login.client;
  me = login.userId;
});

const MINUTE = 60_000;
const mentionsOf = (id: string, params: Record<string, string> = {}) =>
  client.v2.get<{
    data?: { id: string; text: string; in_reply_to_user_id?: string; conversation_id?: string }[];
    meta: { newest_id?: string; result_count: number };
  }>(`users/${id}/mentions`, { 'tweet.fields': 'author_id,conversation_id,in_reply_to_user_id', ...params });
const search = (query: string, params: Record<string, string> = {}) =>
  client.v2.get<{
    data?: { id: string; author_id?: string }[];
    meta: { newest_id?: string; result_count: number };
  }>('tweets/search/recent', { query, 'tweet.fields': 'author_id', max_results: '100', ...params });

describe('conversations with the signed-in account over time', () => {
  it('lists a mention and a reply to the account, and since_id gives only what came after', async () => {
    const own = postAs(
      fake.state,
      { username: 'samrep_crm', text: 'Who wants the new price list?' },
      fake.clock.now(),
    );
    fake.clock.advance(MINUTE);
    const mention = postAs(
      fake.state,
      { username: 'maria_acme', text: 'Hi @samrep_crm, call me?' },
      fake.clock.now(),
    );
    const first = await mentionsOf(me);
    expect(first.data?.map((post) => post.id)).toContain(mention.id);
    const since = first.meta.newest_id ?? '';
    expect(since).toBe(mention.id);

    fake.clock.advance(10 * MINUTE);
    // A reply that does not write the handle: X still counts it as speaking to the account.
    const reply = postAs(
      fake.state,
      { username: 'priyaraman', text: 'Me please.', replyTo: own.id },
      fake.clock.now(),
    );
    const second = await mentionsOf(me, { since_id: since });
    expect(second.data?.map((post) => post.id)).toEqual([reply.id]);
    expect(second.data?.[0]).toMatchObject({ in_reply_to_user_id: me, conversation_id: own.id });
    expect((await mentionsOf(me, { since_id: reply.id })).meta.result_count).toBe(0);
    expect((await mentionsOf(me, { until_id: reply.id })).data?.map((post) => post.id)).not.toContain(
      reply.id,
    );
  });

  it('takes new posts through the control API, dated by the emulator clock', async () => {
    fake.clock.advance(5 * MINUTE);
    const answer = await rawRequest(fake, 'https://api.x.com/__fakex/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'seanoconnor', text: '@samrep_crm are you at the summit?' }),
    });
    expect(answer.status).toBe(201);
    const made = JSON.parse(answer.body) as { id: string; createdAt: number };
    expect(Math.abs(made.createdAt - fake.clock.now())).toBeLessThan(1000);
    expect((await mentionsOf(me)).data?.[0]?.id).toBe(made.id);
    const unknown = await rawRequest(fake, 'https://api.x.com/__fakex/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody_here', text: 'hello' }),
    });
    expect(unknown.status).toBe(400);
  });
});

describe('recent search over several people', () => {
  it('finds posts by any of from:a OR from:b, and since_id leaves out what was read', async () => {
    const maria = fake.state.userByUsername('maria_acme')?.id;
    const priya = fake.state.userByUsername('priyaraman')?.id;
    const first = await search('from:maria_acme OR from:priyaraman');
    const authors = new Set(first.data?.map((post) => post.author_id));
    expect(authors).toEqual(new Set([maria, priya]));
    fake.clock.advance(MINUTE);
    const news = postAs(
      fake.state,
      { username: 'priyaraman', text: 'We are hiring two analysts.' },
      fake.clock.now(),
    );
    const second = await search('from:maria_acme OR from:priyaraman', {
      since_id: first.meta.newest_id ?? '',
    });
    expect(second.data?.map((post) => post.id)).toEqual([news.id]);
  });

  it('refuses a query over 512 characters, as X does for this access level', async () => {
    const handles = Array.from({ length: 40 }, (_, i) => `from:person_number_${i}`).join(' OR ');
    expect(handles.length).toBeGreaterThan(512);
    expect((await apiRefusal(search(handles))).code).toBe(400);
    expect((await search(handles.slice(0, 500).replace(/ OR [^ ]*$/, ''))).meta).toBeDefined();
  });

  it('refuses a since_id older than its seven days rather than answering from there', async () => {
    const old = postAs(fake.state, { username: 'maria_acme', text: 'An old note.' }, fake.clock.now());
    fake.clock.advance(8 * 86_400_000);
    const error = await apiRefusal(search('from:maria_acme', { since_id: old.id }));
    expect(error.code).toBe(400);
    expect(JSON.stringify(error.data)).toContain("'since_id' must be a tweet id created after");
  });
});
