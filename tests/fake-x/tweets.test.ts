import type { TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeX, startFakeX } from './server';
import { apiRefusal, signInWithPin } from './test-helpers';

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

const idOf = (username: string): string => fake.state.userByUsername(username)?.id ?? '';
const pinnedOf = (username: string): string => fake.state.userByUsername(username)?.pinnedPostId ?? '';

describe('posting', () => {
  it('posts with t.co links and entities at code-point offsets', async () => {
    const text = 'Olá @maria_acme 王小明 see https://acmerobotics.com/picker #Robótica';
    const posted = await client.v2.tweet(text);
    expect(posted.data.text).toMatch(/^Olá @maria_acme 王小明 see https:\/\/t\.co\/\w{10} #Robótica$/);
    const stored = fake.state.posts.get(posted.data.id);
    expect(stored?.authorId).toBe(me);
    const lookup = await client.v2.singleTweet(posted.data.id, {
      'tweet.fields': ['entities', 'author_id', 'created_at', 'public_metrics'],
    });
    const entities = lookup.data.entities;
    const chars = Array.from(lookup.data.text);
    for (const entity of [
      ...(entities?.mentions ?? []),
      ...(entities?.urls ?? []),
      ...(entities?.hashtags ?? []),
    ]) {
      const slice = chars.slice(entity.start, entity.end).join('');
      expect(slice).toMatch(/^(@maria_acme|https:\/\/t\.co\/\w{10}|#Robótica)$/);
    }
    expect(entities?.mentions?.[0]).toMatchObject({ username: 'maria_acme', id: idOf('maria_acme') });
    expect(entities?.urls?.[0]?.expanded_url).toBe('https://acmerobotics.com/picker');
    expect(entities?.hashtags?.[0]?.tag).toBe('Robótica');
    expect(lookup.data.public_metrics).toMatchObject({ like_count: 0, retweet_count: 0 });
  });

  it('replies and refuses duplicate text with 403', async () => {
    const parent = pinnedOf('maria_acme');
    const reply = await client.v2.reply('@maria_acme when can we talk?', parent);
    const lookup = await client.v2.singleTweet(reply.data.id, {
      'tweet.fields': ['in_reply_to_user_id', 'referenced_tweets', 'conversation_id'],
      expansions: ['in_reply_to_user_id', 'referenced_tweets.id'],
    });
    expect(lookup.data.in_reply_to_user_id).toBe(idOf('maria_acme'));
    expect(lookup.data.referenced_tweets).toEqual([{ type: 'replied_to', id: parent }]);
    expect(lookup.data.conversation_id).toBe(parent);
    expect(lookup.includes?.users?.[0]?.username).toBe('maria_acme');
    expect(lookup.includes?.tweets?.[0]?.id).toBe(parent);

    await client.v2.tweet('Hello from the CRM');
    const error = await apiRefusal(client.v2.tweet('Hello from the CRM'));
    expect(error.code).toBe(403);
    expect(error.data).toEqual({
      detail: 'You are not allowed to create a Tweet with duplicate content.',
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
    });
  });

  it('deletes own posts only', async () => {
    const posted = await client.v2.tweet('short-lived');
    expect(await client.v2.deleteTweet(posted.data.id)).toEqual({ data: { deleted: true } });
    expect(fake.state.posts.has(posted.data.id)).toBe(false);
    expect((await apiRefusal(client.v2.deleteTweet(pinnedOf('maria_acme')))).code).toBe(403);
  });

  it('refuses text over 280 weighted characters (CJK weighs 2)', async () => {
    expect((await client.v2.tweet('王'.repeat(140))).data.id).toBeTruthy();
    expect((await apiRefusal(client.v2.tweet('王'.repeat(141)))).code).toBe(403);
  });
});

describe('reposts and likes', () => {
  it('reposts, likes and undoes both, reflected in state and metrics', async () => {
    const target = pinnedOf('maria_acme');
    const reposted = await client.v2.retweet(me, target);
    expect(await client.v2.like(me, target)).toEqual({ data: { liked: true } });
    expect(fake.state.retweets.has(`${me}:${target}`)).toBe(true);
    // rest_id names the repost itself, as X's description says
    expect(reposted).toEqual({
      data: { retweeted: true, rest_id: fake.state.retweets.get(`${me}:${target}`) },
    });
    expect(fake.state.likes.has(`${me}:${target}`)).toBe(true);
    const metrics = await client.v2.singleTweet(target, { 'tweet.fields': ['public_metrics'] });
    expect(metrics.data.public_metrics).toMatchObject({ like_count: 1, retweet_count: 1 });
    const timeline = await client.v2.userTimeline(me, { 'tweet.fields': ['referenced_tweets'] });
    expect(timeline.tweets[0]?.referenced_tweets).toEqual([{ type: 'retweeted', id: target }]);
    expect(await client.v2.unretweet(me, target)).toEqual({ data: { retweeted: false } });
    expect(await client.v2.unlike(me, target)).toEqual({ data: { liked: false } });
    expect(fake.state.retweets.has(`${me}:${target}`)).toBe(false);
    expect(fake.state.likes.size).toBe(0);
    expect((await apiRefusal(client.v2.like(idOf('alexseller'), target))).code).toBe(403);
    expect((await apiRefusal(client.v2.like(me, '123'))).code).toBe(400);
  });
});

describe('timelines and search', () => {
  it("lists a user's posts newest first with author expansion", async () => {
    const maria = idOf('maria_acme');
    const timeline = await client.v2.userTimeline(maria, {
      expansions: ['author_id'],
      'tweet.fields': ['created_at', 'author_id'],
      'user.fields': ['username'],
      max_results: 5,
    });
    expect(timeline.tweets.length).toBe(4);
    const times = timeline.tweets.map((t) => Date.parse(t.created_at ?? ''));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(timeline.includes.users[0]?.username).toBe('maria_acme');
    expect(timeline.meta.newest_id).toBe(timeline.tweets[0]?.id);
    expect((await apiRefusal(client.v2.userTimeline(maria, { max_results: 4 }))).code).toBe(400);
  });

  it("hides a protected account's posts from non-followers", async () => {
    const result = await client.v2.get(`users/${idOf('janedoe_')}/tweets`);
    expect(result.errors[0].title).toBe('Authorization Error');
  });

  it('lists mentions', async () => {
    const mentions = await client.v2.userMentionTimeline(idOf('maria_acme'), { expansions: ['author_id'] });
    const authors = mentions.includes.users.map((u) => u.username);
    expect(authors).toEqual(
      expect.arrayContaining(['samrep_crm', 'priyaraman', 'chloe_martin', 'jnunezobrien']),
    );
  });

  it('searches recent posts with operators and pages with next_token', async () => {
    const robotics = await client.v2.search('#robotics', { max_results: 10 });
    expect(robotics.tweets.every((t) => /#robotics/i.test(t.text))).toBe(true);
    // the 30-day-old #robotics post is outside the 7-day window
    expect(robotics.tweets.some((t) => t.text.includes('Looking back'))).toBe(false);

    const fromMaria = await client.v2.search('from:maria_acme -is:reply', { 'tweet.fields': ['author_id'] });
    expect(fromMaria.tweets.length).toBe(3);
    expect(fromMaria.tweets.every((t) => t.author_id === idOf('maria_acme'))).toBe(true);

    const phrase = await client.v2.search('"picker arm" -from:acmerobotics');
    expect(phrase.tweets.map((t) => t.text).every((t) => t.toLowerCase().includes('picker arm'))).toBe(true);
    expect(phrase.tweets.length).toBeGreaterThan(0);

    const mention = await client.v2.search('@priyaraman');
    expect(mention.tweets.length).toBeGreaterThan(0);

    const cjk = await client.v2.search('机器人');
    expect(cjk.tweets[0]?.text).toContain('机器人');

    for (let i = 0; i < 12; i++) await client.v2.tweet(`Paging test number ${i} #pagingtest`);
    const paginator = await client.v2.search('#pagingtest', { max_results: 10 });
    expect(paginator.tweets.length).toBe(10);
    await paginator.fetchNext();
    expect(paginator.tweets.length).toBe(12);

    expect((await apiRefusal(client.v2.search('x'.repeat(513)))).code).toBe(400);
    expect((await apiRefusal(client.v2.search('robots', { max_results: 9 }))).code).toBe(400);
  });

  it('validates field names like X', async () => {
    const error = await apiRefusal(client.v2.userTimeline(me, { 'tweet.fields': ['bogus' as 'id'] }));
    expect(error.code).toBe(400);
    expect(error.data.type).toBe('https://api.x.com/2/problems/invalid-request');
  });
});
