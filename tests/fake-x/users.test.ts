import type { TwitterApi, UserV2 } from 'twitter-api-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from './png';
import { type FakeX, startFakeX } from './server';
import { apiRefusal, binaryRequest, rawRequest, signInWithPin } from './test-helpers';

let fake: FakeX;
let client: TwitterApi;
let me: string;
beforeAll(async () => {
  fake = await startFakeX({ https: true });
  const login = await signInWithPin(fake);
  client = login.client;
  me = login.userId;
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.faults.clear();
  fake.limits.reset();
});

const idOf = (username: string): string => fake.state.userByUsername(username)?.id ?? '';

describe('users/search', () => {
  it('finds the three Maria Garcias, the Acme one with its bio, URL and location', async () => {
    const result = await client.v2.get('users/search', {
      query: 'Maria Garcia',
      'user.fields': 'description,url,location,entities,verified',
    });
    const marias = result.data as UserV2[];
    expect(marias.map((u) => u.name)).toEqual(['Maria Garcia', 'Maria Garcia', 'Maria Garcia']);
    const acme = marias.find((u) => u.description?.includes('Acme Robotics'));
    expect(acme).toMatchObject({ username: 'maria_acme', location: 'Austin, TX', verified: true });
    expect(acme?.url).toMatch(/^https:\/\/t\.co\/\w{10}$/);
    expect(acme?.entities?.url?.urls[0]?.expanded_url).toBe('https://acmerobotics.com');
    expect(result.meta).toEqual({ result_count: 3 });
  });

  it('matches names folded to the allowed characters', async () => {
    const result = await client.v2.get('users/search', { query: 'Jose Nunez OBrien' });
    expect(result.data).toEqual([
      { id: idOf('jnunezobrien'), name: "José Núñez-O'Brien", username: 'jnunezobrien' },
    ]);
  });

  it("refuses a query outside ^[A-Za-z0-9_' ]{1,50}$ with 400 invalid-request", async () => {
    const error = await apiRefusal(client.v2.get('users/search', { query: 'José Núñez' }));
    expect(error.code).toBe(400);
    expect(error.data).toMatchObject({
      title: 'Invalid Request',
      type: 'https://api.x.com/2/problems/invalid-request',
      errors: [{ parameters: { query: ['José Núñez'] } }],
    });
    expect((await apiRefusal(client.v2.get('users/search', { query: 'a'.repeat(51) }))).code).toBe(400);
    expect(
      (await apiRefusal(client.v2.get('users/search', { query: 'maria', max_results: 1001 }))).code,
    ).toBe(400);
  });

  it('pages with next_token', async () => {
    const first = await client.v2.get('users/search', { query: 'supply', max_results: 1 });
    // generated accounts are not searchable by bio, only name and handle
    expect(first.meta.result_count).toBe(0);
    const page1 = await client.v2.get('users/search', { query: 'Avery', max_results: 10 });
    expect(page1.data).toHaveLength(10);
    const page2 = await client.v2.get('users/search', {
      query: 'Avery',
      max_results: 10,
      next_token: page1.meta.next_token,
    });
    expect(page2.data).toHaveLength(8);
    expect(page2.meta.next_token).toBeUndefined();
    const ids = new Set([...page1.data, ...page2.data].map((u: UserV2) => u.id));
    expect(ids.size).toBe(18);
    expect(
      (await apiRefusal(client.v2.get('users/search', { query: 'Avery', next_token: 'bogus' }))).code,
    ).toBe(400);
  });

  it("answers X's client-not-enrolled 403 when the access level lacks it", async () => {
    fake.faults.setUsersSearchForbidden(true);
    const error = await apiRefusal(client.v2.get('users/search', { query: 'maria' }));
    expect(error.code).toBe(403);
    expect(error.data).toMatchObject({
      title: 'Client Forbidden',
      reason: 'client-not-enrolled',
      type: 'https://api.twitter.com/2/problems/client-forbidden',
    });
  });
});

describe('user lookups', () => {
  it('by username with default fields only', async () => {
    const result = await client.v2.userByUsername('hanako_sato');
    expect(result).toEqual({ data: { id: idOf('hanako_sato'), name: '佐藤 花子', username: 'hanako_sato' } });
  });

  it('with fields and the pinned post expanded', async () => {
    const result = await client.v2.userByUsername('maria_acme', {
      'user.fields': [
        'created_at',
        'public_metrics',
        'profile_image_url',
        'pinned_tweet_id',
        'verified_type',
      ],
      expansions: ['pinned_tweet_id'],
      'tweet.fields': ['created_at'],
    });
    expect(result.data.created_at).toBe('2012-06-21T17:45:02.000Z');
    expect(result.data.verified_type).toBe('blue');
    expect(result.data.public_metrics?.followers_count).toBeGreaterThan(100);
    expect(result.includes?.tweets?.[0]?.id).toBe(result.data.pinned_tweet_id);
    expect(result.includes?.tweets?.[0]?.text).toContain('picker arm');
  });

  it('unknown username: 200 with a resource-not-found error', async () => {
    const result = await client.v2.userByUsername('nobody_here');
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]).toMatchObject({
      title: 'Not Found Error',
      parameter: 'username',
      value: 'nobody_here',
      type: 'https://api.x.com/2/problems/resource-not-found',
    });
  });

  it('many usernames with partial errors', async () => {
    const result = await client.v2.usersByUsernames(['priyaraman', 'nobody_here', 'wangxiaoming']);
    expect(result.data.map((u) => u.username)).toEqual(['priyaraman', 'wangxiaoming']);
    expect(result.errors).toHaveLength(1);
    const tooMany = Array.from({ length: 101 }, (_, i) => `user${i}`);
    expect((await apiRefusal(client.v2.usersByUsernames(tooMany))).code).toBe(400);
    expect((await apiRefusal(client.v2.userByUsername('bad-name!'))).code).toBe(400);
  });

  it('by id and me', async () => {
    expect((await client.v2.user(idOf('wangxiaoming'))).data.name).toBe('王小明');
    expect((await client.v2.me({ 'user.fields': ['location'] })).data).toMatchObject({
      id: me,
      location: 'Denver, CO',
    });
    expect((await client.v2.user('1')).errors?.[0]?.title).toBe('Not Found Error');
  });
});

describe('profile images', () => {
  it('serves _normal, _bigger and the original as PNGs of 48, 73 and 400 px on the request origin', async () => {
    const result = await client.v2.userByUsername('jnunezobrien', { 'user.fields': ['profile_image_url'] });
    const url = result.data.profile_image_url ?? '';
    expect(url).toMatch(/^https:\/\/api\.x\.com\/profile_images\/\d+\/\w+_normal\.png$/);
    for (const [variant, size] of [
      ['_normal', 48],
      ['_bigger', 73],
      ['', 400],
    ] as const) {
      const image = await binaryRequest(fake, url.replace('_normal', variant));
      expect(image.status).toBe(200);
      expect(image.type).toBe('image/png');
      expect(pngSize(image.body)).toEqual({ width: size, height: size });
    }
  });
});

describe('followers and following', () => {
  it('pages through 300+ followers with pagination_token', async () => {
    const priya = idOf('priyaraman');
    const paginator = await client.v2.followers(priya, { asPaginator: true, max_results: 100 });
    expect(paginator.data.data).toHaveLength(100);
    expect(paginator.meta.next_token).toBeTruthy();
    await paginator.fetchLast(1000);
    const all = paginator.users;
    expect(all.length).toBe(fake.state.followersOf(priya).length);
    expect(all.length).toBeGreaterThan(250);
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    expect(fake.callsTo('GET /2/users/:id/followers').length).toBeGreaterThanOrEqual(4);
    expect((await apiRefusal(client.v2.followers(priya, { max_results: 0 }))).code).toBe(400);
  });

  it('follows and unfollows as the signed-in user only', async () => {
    const target = idOf('zoe_angstrom');
    expect(await client.v2.follow(me, target)).toEqual({ data: { following: true, pending_follow: false } });
    expect(fake.state.isFollowing(me, target)).toBe(true);
    const following = await client.v2.following(me);
    expect(following.data[0]?.id).toBe(target);
    expect(await client.v2.unfollow(me, target)).toEqual({ data: { following: false } });
    expect(fake.state.isFollowing(me, target)).toBe(false);
    const error = await apiRefusal(client.v2.follow(idOf('alexseller'), target));
    expect(error.code).toBe(403);
    expect(await client.v2.follow(me, idOf('janedoe_'))).toEqual({
      data: { following: false, pending_follow: true },
    });
  });
});

describe('hosts', () => {
  it('answers the same on api.x.com, x.com and 127.0.0.1', async () => {
    const token = fake.issueOAuth1Token('samrep_crm');
    expect(token.userId).toBe(me);
    const info = await rawRequest(fake, 'https://x.com/__fakex/info');
    expect(JSON.parse(info.body).app.consumerKey).toBe(fake.app.consumerKey);
    for (const host of ['api.x.com', 'x.com', `127.0.0.1:${fake.port}`]) {
      const answer = await rawRequest(fake, 'https://api.x.com/2/users/me', { headers: { host } });
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      });
    }
  });
});
