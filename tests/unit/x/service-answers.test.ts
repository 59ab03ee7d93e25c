// @vitest-environment node
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { openDatabase } from '@/lib/store/db';
import { XService } from '@/lib/x/service';
import { type FakeX, startFakeX } from '../../fake-x';
import { emulatorFetch } from './emulator-fetch';
import { openSignedIn } from './signed-in';

const NAME = 'x-crm-service-answers-test';
let x: FakeX;
let db: Awaited<ReturnType<typeof openDatabase>>;
let requests: string[];
let service: XService;
let offline = false;

function makeService(options: { now?: () => number; budget?: number | null } = {}) {
  const base = emulatorFetch(x, (url) => requests.push(url));
  return new XService({
    db: async () => db,
    fetch: (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : base(input, init)),
    now: options.now,
    dailyBudget: async () => options.budget ?? null,
  });
}

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

beforeEach(async () => {
  fakeBrowser.reset();
  x.reset();
  offline = false;
  requests = [];
  ({ db } = await openSignedIn(x, NAME));
  service = makeService();
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

const idOf = (username: string) => x.state.userByUsername(username)?.id ?? '';

describe('what X sends back, read by the service as a person should see it', () => {
  it('shows escaped text decoded once, a t.co link by its display URL, a long post whole', async () => {
    const posts = await service.recentPosts(idOf('acme_news'));
    const qa = posts.find((post) => post.text.startsWith('Q&A'));
    expect(qa?.text).toBe(
      'Q&A at 3pm with @maria_acme: the picker arm team answers your questions. Bring <your> hardest ones & coffee. #AskAcme',
    );
    expect(qa?.parts.filter((part) => part.kind !== 'text').map((part) => part.kind)).toEqual([
      'mention',
      'hashtag',
    ]);
    const report = posts.find((post) => post.text.startsWith('Read our report'));
    expect(report?.parts[1]).toEqual({
      kind: 'link',
      text: 'acme.io/report-2026',
      href: 'https://acme.io/report-2026',
      title: 'https://acme.io/report-2026',
    });
    const stored = [...x.state.posts.values()].find((post) => post.text.startsWith('Field notes'));
    const long = posts.find((post) => post.text.startsWith('Field notes'));
    expect(long?.text).toMatch(/numbers: acme\.io\/blog\/spring-t.* #warehouse$/);
    expect(long?.text.length).toBeGreaterThan(560);
    expect(stored?.text.endsWith('#warehouse')).toBe(true);
    expect(requests.some((url) => /tweet\.fields=[^&]*note_tweet/.test(decodeURIComponent(url)))).toBe(true);
  });

  it('shows a repost as its original, whole, with its author and who reposted it; a quote beneath', async () => {
    const posts = await service.recentPosts(idOf('acme_news'));
    const original = [...x.state.posts.values()].find((post) => post.text.startsWith('Big launch'));
    const repost = posts.find((post) => post.repostedBy);
    expect(repost).toMatchObject({
      id: original?.id,
      text: original?.text,
      author: { handle: 'acmerobotics', name: 'Acme Robotics' },
      repostedBy: { handle: 'acme_news', name: 'Acme Newsroom' },
    });
    const quote = posts.find((post) => post.quoted);
    expect(quote?.text).toBe('Proud of this team. Orders open in March.');
    expect(quote?.quoted?.author?.handle).toBe('maria_acme');
    expect(quote?.quoted?.text).toMatch(/^Our new picker arm ships in March/);
  });

  it('says what X said when a repost’s original is gone', async () => {
    const original = [...x.state.posts.values()].find((post) => post.text.startsWith('Big launch'));
    x.state.posts.delete(original?.id ?? '');
    const posts = await service.recentPosts(idOf('acme_news'));
    const repost = posts.find((post) => post.text.startsWith('RT @acmerobotics'));
    expect(repost?.notice).toBe(`X says: Could not find tweet with referenced_tweets.id: [${original?.id}].`);
  });

  it('says a protected account’s posts are protected, asks `protected`, and does not cache it as no posts', async () => {
    const jane = await service.personByHandle('janedoe_');
    expect(jane?.protected).toBe(true);
    const read = () => service.recentPosts(idOf('janedoe_'));
    await expect(read()).rejects.toThrow(
      'These posts are protected: only followers the account has approved can read them.',
    );
    expect(await db.get('cache', `posts:${idOf('janedoe_')}`)).toBeUndefined();
    const calls = x.callsTo('GET /2/users/:id/tweets').length;
    await expect(read()).rejects.toThrow(/protected/);
    expect(x.callsTo('GET /2/users/:id/tweets').length).toBe(calls + 1);
  });

  it('says X suspended an account, and what X said of one that is gone', async () => {
    await expect(service.personByHandle('rex_suspended')).rejects.toThrow('X has suspended this account.');
    await expect(service.recentPosts(idOf('rex_suspended'))).rejects.toThrow('X has suspended this account.');
    expect(await service.personByHandle('dana_left')).toBeNull();
    await expect(service.personById(idOf('dana_left'))).rejects.toThrow(
      `X says: Could not find user with id: [${idOf('dana_left')}].`,
    );
  });

  it('leaves reposts out of a search unless the query asks for them', async () => {
    const plain = await service.searchRecent('from:acme_news', null);
    expect(plain.posts.some((post) => post.repostedBy)).toBe(false);
    expect(decodeURIComponent(requests.at(-1) ?? '').replace(/\+/g, ' ')).toContain(
      'query=from:acme_news -is:retweet',
    );
    const reposts = await service.searchRecent('from:acme_news is:retweet', null);
    expect(reposts.posts).toHaveLength(1);
    expect(reposts.posts[0]).toMatchObject({
      authorHandle: 'acmerobotics',
      repostedBy: { handle: 'acme_news' },
    });
  });

  it('reads again, rather than shows, a person or posts cached in an earlier version’s shape', async () => {
    const id = idOf('acme_news');
    const fetchedAt = Date.now();
    const old = { id, name: 'Acme Newsroom', handle: 'acme_news', bio: 'News &amp; updates' };
    await db.put('cache', { key: `user:${id}`, value: old, fetchedAt });
    await db.put('cache', { key: `posts:${id}`, value: [{ id: '1', text: 'Q&amp;A' }], fetchedAt });
    const person = await service.personById(id);
    expect(person?.bioParts.length).toBeGreaterThan(0);
    expect(person?.protected).toBe(false);
    const posts = await service.recentPosts(id);
    expect(posts.every((post) => Array.isArray(post.parts))).toBe(true);
    expect(x.callsTo('GET /2/users/:id')).toHaveLength(1);
  });
});
