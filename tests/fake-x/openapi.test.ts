// The emulator against X's official OpenAPI description of API v2, for every operation the
// product calls: its answers (2xx bodies, inline errors and problem bodies) match the
// described schemas, it accepts what the description allows (every field and expansion
// value, the max_results range, its own pagination tokens) and refuses what it does not
// (unknown values and parameters, out-of-range numbers, malformed ids) with X's problem shape.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Answer, XOpenApi } from './openapi-contract';
import { type FakeX, startFakeX } from './server';
import { ALL_SCOPES, rawRequest, signInWithOAuth2 } from './test-helpers';

const spec = new XOpenApi();
let fake: FakeX;
let token: string;

beforeAll(async () => {
  fake = await startFakeX({ https: true });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  token = (await signInWithOAuth2(fake, ALL_SCOPES)).accessToken;
});

type Query = Record<string, string>;

interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
}

interface Sent extends Answer {
  headers: Record<string, string | string[] | undefined>;
}

async function send(call: Call, bearer = token): Promise<Sent> {
  const url = new URL(`https://api.x.com${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { authorization: `Bearer ${bearer}` };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const response = await rawRequest(fake, url.toString(), {
    method: call.method,
    headers,
    ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
  });
  return {
    status: response.status,
    contentType: String(response.headers['content-type'] ?? ''),
    body: response.body ? JSON.parse(response.body) : undefined,
    headers: response.headers,
  };
}

/** Sends a call and insists the answer matches the operation's described response. */
async function sendChecked(call: Call, bearer?: string): Promise<Sent> {
  const answer = await send(call, bearer);
  const verdict = spec.checkAnswer(call.method, call.path, answer);
  expect(verdict.errors, `${call.method} ${call.path} ${answer.status} (${verdict.schema})`).toEqual([]);
  return answer;
}

const idOf = (username: string): string => fake.state.userByUsername(username)?.id ?? '';
const me = (): string => idOf('samrep_crm');
const pinned = (): string => fake.state.userByUsername('maria_acme')?.pinnedPostId ?? '';
const ownPost = (): string =>
  fake.state.createPost({ authorId: me(), text: 'One of mine', at: fake.clock.now() }).id;

/**
 * One valid call per operation the product makes (lib/x/service.ts and the sign-in flows),
 * built lazily because ids come from the seeded world of each test.
 */
const OPERATIONS: {
  name: string;
  status: number;
  write?: true;
  /** Answers no posts or users, so takes no tweet.fields or user.fields (counts). */
  noFields?: true;
  call: () => Call;
}[] = [
  {
    name: 'users/search',
    status: 200,
    call: () => ({ method: 'GET', path: '/2/users/search', query: { query: 'Maria Garcia' } }),
  },
  { name: 'users/me', status: 200, call: () => ({ method: 'GET', path: '/2/users/me' }) },
  {
    name: 'users/by/username',
    status: 200,
    call: () => ({ method: 'GET', path: '/2/users/by/username/maria_acme' }),
  },
  {
    name: 'users/by',
    status: 200,
    call: () => ({ method: 'GET', path: '/2/users/by', query: { usernames: 'maria_acme,priyaraman' } }),
  },
  { name: 'users/:id', status: 200, call: () => ({ method: 'GET', path: `/2/users/${idOf('maria_acme')}` }) },
  {
    name: 'followers',
    status: 200,
    call: () => ({ method: 'GET', path: `/2/users/${idOf('priyaraman')}/followers` }),
  },
  {
    name: 'following',
    status: 200,
    call: () => ({ method: 'GET', path: `/2/users/${idOf('maria_acme')}/following` }),
  },
  {
    name: 'follow',
    write: true,
    status: 200,
    call: () => ({
      method: 'POST',
      path: `/2/users/${me()}/following`,
      body: { target_user_id: idOf('maria_acme') },
    }),
  },
  {
    name: 'unfollow',
    write: true,
    status: 200,
    call: () => ({ method: 'DELETE', path: `/2/users/${me()}/following/${idOf('maria_acme')}` }),
  },
  {
    name: 'users/:id/tweets',
    status: 200,
    call: () => ({
      method: 'GET',
      path: `/2/users/${idOf('maria_acme')}/tweets`,
      query: { exclude: 'retweets' },
    }),
  },
  {
    name: 'mentions',
    status: 200,
    call: () => ({ method: 'GET', path: `/2/users/${idOf('maria_acme')}/mentions` }),
  },
  {
    name: 'post',
    write: true,
    status: 201,
    call: () => ({ method: 'POST', path: '/2/tweets', body: { text: 'Contract check from the CRM' } }),
  },
  {
    name: 'reply',
    write: true,
    status: 201,
    call: () => ({
      method: 'POST',
      path: '/2/tweets',
      body: { text: '@maria_acme thanks!', reply: { in_reply_to_tweet_id: pinned() } },
    }),
  },
  { name: 'tweets/:id', status: 200, call: () => ({ method: 'GET', path: `/2/tweets/${pinned()}` }) },
  {
    name: 'tweets?ids=',
    status: 200,
    call: () => ({ method: 'GET', path: '/2/tweets', query: { ids: pinned() } }),
  },
  {
    name: 'delete post',
    write: true,
    status: 200,
    call: () => ({ method: 'DELETE', path: `/2/tweets/${ownPost()}` }),
  },
  {
    name: 'repost',
    write: true,
    status: 200,
    call: () => ({ method: 'POST', path: `/2/users/${me()}/retweets`, body: { tweet_id: pinned() } }),
  },
  {
    name: 'undo repost',
    write: true,
    status: 200,
    call: () => ({ method: 'DELETE', path: `/2/users/${me()}/retweets/${pinned()}` }),
  },
  {
    name: 'like',
    write: true,
    status: 200,
    call: () => ({ method: 'POST', path: `/2/users/${me()}/likes`, body: { tweet_id: pinned() } }),
  },
  {
    name: 'unlike',
    write: true,
    status: 200,
    call: () => ({ method: 'DELETE', path: `/2/users/${me()}/likes/${pinned()}` }),
  },
  {
    name: 'tweets/search/recent',
    status: 200,
    call: () => ({ method: 'GET', path: '/2/tweets/search/recent', query: { query: 'acme' } }),
  },
  {
    name: 'tweets/counts/recent',
    status: 200,
    noFields: true,
    call: () => ({
      method: 'GET',
      path: '/2/tweets/counts/recent',
      query: { query: 'from:maria_acme -is:retweet', granularity: 'day' },
    }),
  },
];

const READS = OPERATIONS.filter((op) => !op.write);
const WITH_FIELDS = READS.filter((op) => !op.noFields);
const LIST_PARAMETERS = [
  'tweet.fields',
  'user.fields',
  'expansions',
  'media.fields',
  'poll.fields',
  'place.fields',
];

describe('the description itself', () => {
  it('describes every operation the product calls', () => {
    for (const op of OPERATIONS) {
      const call = op.call();
      expect(spec.operation(call.method, call.path)?.operationId, op.name).toBeTruthy();
    }
  });
});

describe('2xx answers match the described schemas', () => {
  it.each(OPERATIONS)('$name with the default fields', async ({ status, call }) => {
    const answer = await sendChecked(call());
    expect(answer.status).toBe(status);
  });

  it.each(WITH_FIELDS)('$name with every field and expansion the description lists', async ({ call }) => {
    const base = call();
    const op = spec.operation(base.method, base.path);
    if (!op) throw new Error('not described');
    const query: Query = { ...base.query };
    for (const name of LIST_PARAMETERS) {
      const values = spec.wireValues(op, name);
      if (values.length) query[name] = values.join(',');
    }
    expect(query['tweet.fields'] ?? query['user.fields']).toBeTruthy();
    const answer = await sendChecked({ ...base, query });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveProperty('data');
  });

  it('a post read with every field carries the fields a reader asks for', async () => {
    const answer = await sendChecked({
      method: 'GET',
      path: `/2/tweets/${pinned()}`,
      query: {
        'tweet.fields': 'author_id,created_at,entities,public_metrics,edit_history_tweet_ids',
        expansions: 'author_id',
        'user.fields': 'public_metrics,pinned_tweet_id',
      },
    });
    const body = answer.body as { data: Record<string, unknown>; includes: { users: unknown[] } };
    expect(body.data).toMatchObject({ author_id: idOf('maria_acme'), edit_history_tweet_ids: [pinned()] });
    expect(body.includes.users).toHaveLength(1);
  });
});

describe('inline errors beside or instead of data', () => {
  it('an unknown user answers 200 with a resource-not-found error', async () => {
    const answer = await sendChecked({ method: 'GET', path: '/2/users/by/username/nobody_here_x' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      errors: [{ type: 'https://api.x.com/2/problems/resource-not-found' }],
    });
  });

  it('users/by answers the found users and an error for the missing one', async () => {
    const answer = await sendChecked({
      method: 'GET',
      path: '/2/users/by',
      query: { usernames: 'maria_acme,nobody_here_x' },
    });
    expect(answer.body).toMatchObject({
      data: [{ username: 'maria_acme' }],
      errors: [{ value: 'nobody_here_x' }],
    });
  });

  it('an unknown post answers 200 with a resource-not-found error', async () => {
    const answer = await sendChecked({ method: 'GET', path: '/2/tweets/1234567890123456789' });
    expect(answer.body).toMatchObject({ errors: [{ resource_type: 'tweet' }] });
  });

  it("a protected account's posts read by a non-follower: 200 with only a not-authorized error", async () => {
    const answer = await sendChecked({ method: 'GET', path: `/2/users/${idOf('janedoe_')}/tweets` });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body).toMatchObject({
      errors: [{ type: 'https://api.x.com/2/problems/not-authorized-for-resource' }],
    });
  });
});

describe('problem bodies', () => {
  it.each(OPERATIONS)('$name: 401 for a token X does not know', async ({ call }) => {
    const answer = await sendChecked(call(), 'not-a-real-token');
    expect(answer.status).toBe(401);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
  });

  it.each(READS)('$name: 400 invalid-request for an unknown field name', async ({ call }) => {
    const base = call();
    const answer = await sendChecked({
      ...base,
      query: { ...base.query, 'user.fields': 'favourite_colour' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: 'https://api.x.com/2/problems/invalid-request' });
  });

  it('403 for writing as another account, and for a duplicate post', async () => {
    const other = await sendChecked({
      method: 'POST',
      path: `/2/users/${idOf('maria_acme')}/likes`,
      body: { tweet_id: pinned() },
    });
    expect(other.status).toBe(403);
    await sendChecked({ method: 'POST', path: '/2/tweets', body: { text: 'Said once' } });
    const twice = await sendChecked({ method: 'POST', path: '/2/tweets', body: { text: 'Said once' } });
    expect(twice.status).toBe(403);
    expect(twice.body).toMatchObject({ detail: expect.stringMatching(/duplicate content/) });
  });

  it('403 client-forbidden when the access level lacks users/search', async () => {
    fake.faults.setUsersSearchForbidden(true);
    const answer = await sendChecked({ method: 'GET', path: '/2/users/search', query: { query: 'Maria' } });
    expect(answer.status).toBe(403);
  });

  it('429 once the window is spent, with the rate-limit headers', async () => {
    fake.limits.set('GET /2/users/me', 1);
    await sendChecked({ method: 'GET', path: '/2/users/me' });
    const answer = await sendChecked({ method: 'GET', path: '/2/users/me' });
    expect(answer.status).toBe(429);
    expect(answer.headers['x-rate-limit-remaining']).toBe('0');
    expect(Number(answer.headers['x-rate-limit-reset'])).toBeGreaterThan(0);
  });
});

describe('what the description allows is accepted, what it does not is refused', () => {
  it.each(READS)(
    '$name: max_results at both ends of its range, and refused just outside',
    async ({ call }) => {
      const base = call();
      const op = spec.operation(base.method, base.path);
      const range = op ? spec.parameterSchema(op, 'max_results') : undefined;
      if (!range) return expect(op?.parameters.some((p) => p.name === 'max_results')).toBe(false);
      const { minimum, maximum } = range as { minimum: number; maximum: number };
      for (const value of [minimum, maximum]) {
        const answer = await sendChecked({ ...base, query: { ...base.query, max_results: String(value) } });
        expect(answer.status, `max_results=${value}`).toBe(200);
      }
      for (const value of [minimum - 1, maximum + 1, 'ten']) {
        const answer = await sendChecked({ ...base, query: { ...base.query, max_results: String(value) } });
        expect(answer.status, `max_results=${value}`).toBe(400);
        expect(answer.body).toMatchObject({ type: 'https://api.x.com/2/problems/invalid-request' });
      }
    },
  );

  it.each(OPERATIONS)('$name: a malformed id in the path is a 400', async ({ call }) => {
    const base = call();
    const ids = [...base.path.matchAll(/\/(\d{6,19})(?=\/|$)/g)];
    if (!ids.length)
      return expect(
        spec.operation(base.method, base.path)?.parameters.some((p) => p.in === 'path' && /id$/.test(p.name)),
      ).toBeFalsy();
    for (const bad of ['12ab', '12345678901234567890']) {
      const path = base.path.replace(ids[0]?.[1] ?? '', bad);
      const answer = await send({ ...base, path });
      expect(answer.status, path).toBe(400);
      expect(spec.checkAnswer(base.method, path, answer).errors).toEqual([]);
    }
  });

  it.each(READS)('$name: an unknown query parameter is a 400', async ({ call }) => {
    const base = call();
    const answer = await sendChecked({ ...base, query: { ...base.query, colour: 'blue' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      type: 'https://api.x.com/2/problems/invalid-request',
      errors: [{ parameters: { colour: ['blue'] } }],
    });
  });

  it('an unknown value is refused even when the answer would be empty', async () => {
    const answer = await sendChecked({
      method: 'GET',
      path: '/2/users/search',
      query: { query: 'Nobody Matches This', 'user.fields': 'favourite_colour' },
    });
    expect(answer.status).toBe(400);
  });

  it('the time window and exclude are checked for form', async () => {
    const path = `/2/users/${idOf('maria_acme')}/tweets`;
    const good = await sendChecked({
      method: 'GET',
      path,
      query: { start_time: '2020-01-01T00:00:00Z', since_id: '1', exclude: 'replies,retweets' },
    });
    expect(good.status).toBe(200);
    const refused: Query[] = [{ start_time: 'yesterday' }, { since_id: 'abc' }, { exclude: 'quotes' }];
    for (const query of refused) {
      const bad = await sendChecked({ method: 'GET', path, query });
      expect(bad.status, JSON.stringify(query)).toBe(400);
    }
  });

  describe('pagination tokens', () => {
    const listings: { name: string; call: () => Call; param: string; size: string }[] = [
      {
        name: 'followers',
        call: () => ({ method: 'GET', path: `/2/users/${idOf('priyaraman')}/followers` }),
        param: 'pagination_token',
        size: '1',
      },
      {
        name: 'following',
        call: () => ({ method: 'GET', path: `/2/users/${me()}/following` }),
        param: 'pagination_token',
        size: '1',
      },
      {
        name: 'users/search',
        call: () => ({ method: 'GET', path: '/2/users/search', query: { query: 'Maria' } }),
        param: 'next_token',
        size: '1',
      },
      {
        name: 'users/:id/tweets',
        call: () => ({ method: 'GET', path: `/2/users/${me()}/tweets` }),
        param: 'pagination_token',
        size: '5',
      },
      {
        name: 'mentions',
        call: () => ({ method: 'GET', path: `/2/users/${idOf('maria_acme')}/mentions` }),
        param: 'pagination_token',
        size: '5',
      },
      {
        name: 'tweets/search/recent',
        call: () => ({ method: 'GET', path: '/2/tweets/search/recent', query: { query: 'quarterly' } }),
        param: 'next_token',
        size: '10',
      },
    ];

    beforeEach(() => {
      for (const handle of ['maria_acme', 'priyaraman']) fake.state.follow(me(), idOf(handle));
      // enough of Sam's own posts, each mentioning Maria and saying "quarterly", to fill two pages
      for (let i = 0; i < 12; i++) {
        fake.state.createPost({
          authorId: me(),
          text: `@maria_acme quarterly note ${i}`,
          at: fake.clock.now() - i * 60_000,
        });
      }
    });

    it.each(listings)(
      '$name: the next token is well-formed, accepted, and bound to its listing',
      async ({ call, param, size }) => {
        const base = call();
        const first = await sendChecked({ ...base, query: { ...base.query, max_results: size } });
        const next = (first.body as { meta?: { next_token?: string } }).meta?.next_token;
        expect(next, 'a second page').toBeTruthy();
        const op = spec.operation(base.method, base.path);
        if (!op) throw new Error('not described');
        expect(spec.checkParameter(op, param, next)).toEqual([]);
        const second = await sendChecked({
          ...base,
          query: { ...base.query, max_results: size, [param]: String(next) },
        });
        expect(second.status).toBe(200);
        expect((second.body as { data: { id: string }[] }).data[0]?.id).not.toBe(
          (first.body as { data: { id: string }[] }).data[0]?.id,
        );
        const foreign = await sendChecked({
          ...base,
          query: { ...base.query, [param]: 'ffffffffffffffffffffzz' },
        });
        expect(foreign.status).toBe(400);
      },
    );
  });

  it('the request bodies the product sends are the described ones', () => {
    const post = '1346889436626259968';
    expect(spec.checkRequestBody('POST', '/2/tweets', { text: 'Hi' })).toEqual([]);
    expect(
      spec.checkRequestBody('POST', '/2/tweets', { text: 'Hi', reply: { in_reply_to_tweet_id: post } }),
    ).toEqual([]);
    expect(spec.checkRequestBody('POST', `/2/users/${post}/following`, { target_user_id: post })).toEqual([]);
    expect(spec.checkRequestBody('POST', `/2/users/${post}/retweets`, { tweet_id: post })).toEqual([]);
    expect(spec.checkRequestBody('POST', `/2/users/${post}/likes`, { tweet_id: post })).toEqual([]);
    // and the checker does refuse a wrong one
    expect(spec.checkRequestBody('POST', `/2/users/${post}/likes`, { tweet_id: 'abc' })).not.toEqual([]);
  });

  it.each([
    { name: 'follow', path: () => `/2/users/${me()}/following`, body: () => ({ target_user_id: 'abc' }) },
    { name: 'repost', path: () => `/2/users/${me()}/retweets`, body: () => ({ tweet_id: 'abc' }) },
    { name: 'like', path: () => `/2/users/${me()}/likes`, body: () => ({ tweet_id: 'abc' }) },
    {
      name: 'like, extra member',
      path: () => `/2/users/${me()}/likes`,
      body: () => ({ tweet_id: pinned(), colour: 'blue' }),
    },
    {
      name: 'reply to a malformed id',
      path: () => '/2/tweets',
      body: () => ({ text: 'Hi', reply: { in_reply_to_tweet_id: 'abc' } }),
    },
  ])('$name: a body the description refuses is a 400', async ({ path, body }) => {
    const answer = await sendChecked({ method: 'POST', path: path(), body: body() });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ type: 'https://api.x.com/2/problems/invalid-request' });
  });
});
