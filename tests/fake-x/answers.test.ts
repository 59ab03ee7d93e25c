import type { TwitterApi } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { weightedLength } from './entities';
import { type FakeX, startFakeX } from './server';
import type { Post } from './state';
import { signInWithPin } from './test-helpers';

/** What X sends back, as unpleasant as X: escaped text, cut posts, reposts, protected and gone. */

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

const idOf = (username: string): string => fake.state.userByUsername(username)?.id ?? '';
function postOf(username: string, match: (post: Post) => boolean): Post {
  const post = [...fake.state.posts.values()].find((p) => p.authorId === idOf(username) && match(p));
  if (!post) throw new Error(`no such post of @${username}`);
  return post;
}
const slice = (text: string, entity: { start: number; end: number }) =>
  Array.from(text).slice(entity.start, entity.end).join('');

type Answer = {
  data?: { id: string; text: string; [field: string]: unknown } | { id: string; text: string }[];
  includes?: { tweets?: { id: string; text: string }[]; users?: { id: string; username: string }[] };
  errors?: { type: string; detail: string; title: string; resource_id?: string; parameter?: string }[];
};

describe('escaped text', () => {
  it('stores Q&A as typed and sends &, < and > escaped, entities at code points of the sent text', async () => {
    const post = postOf('acme_news', (p) => p.text.startsWith('Q&A'));
    expect(post.text).toContain('Q&A at 3pm');
    const { data } = await client.v2.singleTweet(post.id, { 'tweet.fields': ['entities'] });
    expect(data.text).toBe(
      'Q&amp;A at 3pm with @maria_acme: the picker arm team answers your questions. Bring &lt;your&gt; hardest ones &amp; coffee. #AskAcme',
    );
    expect(slice(data.text, data.entities?.mentions?.[0] ?? { start: 0, end: 0 })).toBe('@maria_acme');
    expect(slice(data.text, data.entities?.hashtags?.[0] ?? { start: 0, end: 0 })).toBe('#AskAcme');
  });

  it('escapes what a person posts, and answers the post as created escaped too', async () => {
    const posted = await client.v2.tweet('1 < 2 & 3 > 2');
    expect(posted.data.text).toBe('1 &lt; 2 &amp; 3 &gt; 2');
    expect(fake.state.posts.get(posted.data.id)?.text).toBe('1 < 2 & 3 > 2');
  });

  it('sends names and bios unescaped, as X does with user fields', async () => {
    const { data } = await client.v2.userByUsername('acme_news', { 'user.fields': ['description'] });
    expect(data.description).toBe(
      'News & updates from Acme Robotics <cobots for warehouses>. Press: @acmerobotics',
    );
  });
});

describe('links', () => {
  it('sends a link as t.co with its expanded and display URL', async () => {
    const post = postOf('acme_news', (p) => p.text.startsWith('Read our report'));
    const { data } = await client.v2.singleTweet(post.id, { 'tweet.fields': ['entities'] });
    expect(data.text).toMatch(/^Read our report https:\/\/t\.co\/\w{10}$/);
    const url = data.entities?.urls?.[0];
    expect(url).toMatchObject({
      start: 16,
      end: 39,
      expanded_url: 'https://acme.io/report-2026',
      display_url: 'acme.io/report-2026',
    });
    expect(slice(data.text, url ?? { start: 0, end: 0 })).toBe(url?.url);
  });
});

describe('long posts', () => {
  const long = () => postOf('acme_news', (p) => p.text.startsWith('Field notes'));

  it('stores the whole post and sends `text` cut at a word, within 280, without note_tweet unless asked', async () => {
    const post = long();
    expect(Array.from(post.text).length).toBeGreaterThan(560);
    const { data } = await client.v2.singleTweet(post.id, { 'tweet.fields': ['entities'] });
    expect(weightedLength(data.text)).toBeLessThanOrEqual(280);
    expect(weightedLength(data.text)).toBeGreaterThan(250);
    expect(post.text.startsWith(data.text)).toBe(true);
    expect(post.text[data.text.length]).toBe(' ');
    expect(data.note_tweet).toBeUndefined();
  });

  it('sends note_tweet with the whole text and its own entities when tweet.fields asks', async () => {
    const post = long();
    const { data } = await client.v2.singleTweet(post.id, { 'tweet.fields': ['note_tweet'] });
    expect(data.note_tweet?.text).toBe(post.text);
    const entities = data.note_tweet?.entities;
    expect(entities?.urls?.[0]?.expanded_url).toBe('https://acme.io/blog/spring-tour-2026');
    expect(slice(post.text, entities?.hashtags?.[0] ?? { start: 0, end: 0 })).toBe('#warehouse');
  });

  it('sends no note_tweet for a post that fits', async () => {
    const post = postOf('acme_news', (p) => p.text.startsWith('Read our report'));
    const { data } = await client.v2.singleTweet(post.id, { 'tweet.fields': ['note_tweet'] });
    expect(data.note_tweet).toBeUndefined();
  });
});

describe('reposts and quotes', () => {
  it('sends a repost as `RT @handle: …` cut, the original whole in includes with its author', async () => {
    const answer = await client.v2.get<Answer>(`users/${idOf('acme_news')}/tweets`, {
      'tweet.fields': 'referenced_tweets,author_id',
      expansions: 'referenced_tweets.id,referenced_tweets.id.author_id',
    });
    const posts = Array.isArray(answer.data) ? answer.data : [];
    const repost = posts.find((p) => p.text.startsWith('RT @'));
    expect(repost?.text).toMatch(/^RT @acmerobotics: Big launch today, we .*…$/);
    expect(Array.from(repost?.text ?? '').length).toBe(140);
    const original = postOf('acmerobotics', (p) => p.text.startsWith('Big launch'));
    expect(repost).toMatchObject({ referenced_tweets: [{ type: 'retweeted', id: original.id }] });
    expect(answer.includes?.tweets?.find((t) => t.id === original.id)?.text).toBe(original.text);
    expect(answer.includes?.users?.map((u) => u.username)).toContain('acmerobotics');
  });

  it('sends a quote with type quoted and the quoted post in includes', async () => {
    const quote = postOf('acme_news', (p) => !!p.quoteOf);
    const answer = await client.v2.get<Answer>(`tweets/${quote.id}`, {
      'tweet.fields': 'referenced_tweets',
      expansions: 'referenced_tweets.id',
    });
    expect(answer.data).toMatchObject({ referenced_tweets: [{ type: 'quoted', id: quote.quoteOf }] });
    expect(answer.includes?.tweets?.[0]?.id).toBe(quote.quoteOf);
  });

  it('finds reposts with is:retweet, leaves them out with -is:retweet, and finds quotes with is:quote', async () => {
    const ids = async (query: string) =>
      (await client.v2.search(query, { 'tweet.fields': ['referenced_tweets'] })).tweets;
    expect((await ids('from:acme_news is:retweet')).map((p) => p.referenced_tweets?.[0]?.type)).toEqual([
      'retweeted',
    ]);
    expect((await ids('from:acme_news -is:retweet')).some((p) => p.text.startsWith('RT @'))).toBe(false);
    expect((await ids('from:acme_news is:quote')).map((p) => p.referenced_tweets?.[0]?.type)).toEqual([
      'quoted',
    ]);
  });
});

describe('protected, suspended, deactivated, deleted', () => {
  it('answers a protected account’s timeline read by a non-follower 200 with only errors', async () => {
    const id = idOf('janedoe_');
    const answer = await client.v2.get<Answer>(`users/${id}/tweets`);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        type: 'https://api.x.com/2/problems/not-authorized-for-resource',
        resource_id: id,
      }),
    ]);
    const { data } = await client.v2.user(id, { 'user.fields': ['protected'] });
    expect(data.protected).toBe(true);
  });

  it('answers a suspended account with X’s "User has been suspended" entry, a deactivated one as not found', async () => {
    const suspended = await client.v2.get<Answer>('users/by/username/rex_suspended');
    expect(suspended.data).toBeUndefined();
    expect(suspended.errors?.[0]).toMatchObject({
      title: 'Forbidden',
      detail: 'User has been suspended: [rex_suspended].',
      type: 'https://api.x.com/2/problems/resource-not-found',
    });
    const timeline = await client.v2.get<Answer>(`users/${idOf('rex_suspended')}/tweets`);
    expect(timeline.errors?.[0]?.detail).toMatch(/^User has been suspended/);
    const gone = await client.v2.get<Answer>('users/by/username/dana_left');
    expect(gone.errors?.[0]).toMatchObject({ detail: 'Could not find user with username: [dana_left].' });
    const search = await client.v2.search('from:rex_suspended OR from:dana_left');
    expect(search.tweets).toEqual([]);
  });

  it('answers users/by with data beside errors for the ones it will not show', async () => {
    const answer = await client.v2.get<Answer>('users/by', {
      usernames: 'samrep_crm,rex_suspended,dana_left',
    });
    expect(Array.isArray(answer.data) && answer.data.map((u) => u.id)).toEqual([idOf('samrep_crm')]);
    expect(answer.errors?.map((e) => e.detail)).toEqual([
      'User has been suspended: [rex_suspended].',
      'Could not find user with usernames: [dana_left].',
    ]);
  });

  it('answers a deleted post not found, and a repost of it with errors beside data', async () => {
    const original = postOf('acmerobotics', (p) => p.text.startsWith('Big launch'));
    fake.state.posts.delete(original.id);
    const lookup = await client.v2.get<Answer>(`tweets/${original.id}`);
    expect(lookup.errors?.[0]).toMatchObject({ detail: `Could not find tweet with id: [${original.id}].` });
    const answer = await client.v2.get<Answer>(`users/${idOf('acme_news')}/tweets`, {
      expansions: 'referenced_tweets.id',
    });
    expect(Array.isArray(answer.data) && answer.data.length).toBeGreaterThan(0);
    expect(answer.errors).toEqual([
      expect.objectContaining({
        parameter: 'referenced_tweets.id',
        resource_id: original.id,
        detail: `Could not find tweet with referenced_tweets.id: [${original.id}].`,
      }),
    ]);
  });
});
