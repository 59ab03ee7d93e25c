// @vitest-environment node
import { deleteDB } from 'idb';
import { RequestHandlerHelper } from 'twitter-api-v2/dist/esm/client-mixins/request-handler.helper.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { openDatabase } from '@/lib/store/db';
import { XError } from '@/lib/x/errors';
import { formatUntil } from '@/lib/x/limit-time';
import { sessionLimitStore } from '@/lib/x/rate-limits';
import { XService } from '@/lib/x/service';
import { endpointOf, rateLimitOf } from '@/lib/x/transport/fetch-plugin';
import { type FakeX, startFakeX } from '../../fake-x';
import { emulatorFetch } from './emulator-fetch';

/** X's 24-hour caps: a 429 while the 15-minute window still has calls left. */

const NAME = 'x-crm-daily-caps-test';
const CREATE_POST = 'POST /2/tweets';
const LIKE = 'POST /2/users/:id/likes';
const HOUR = 60 * 60_000;
let x: FakeX;
let db: Awaited<ReturnType<typeof openDatabase>>;

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

async function addAccount(username: string, isDefault: boolean) {
  const token = x.issueOAuth1Token(username);
  await putAccount(db, {
    xUserId: token.userId,
    name: username,
    handle: username,
    avatarUrl: '',
    authKind: 'oauth1',
    enabled: true,
    isDefault,
    needsSignIn: false,
    oauth1: { token: token.accessToken, tokenSecret: token.accessSecret },
  });
  return token.userId;
}

beforeEach(async () => {
  fakeBrowser.reset();
  x.reset();
  db = await openDatabase(undefined, NAME);
  await saveAppKeys(db, {
    consumerKey: x.app.consumerKey,
    consumerSecret: x.app.consumerSecret,
    clientId: x.app.clientId,
    verifiedAt: 1,
  });
  await addAccount('samrep_crm', true);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

async function failure(work: Promise<unknown>): Promise<XError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof XError)) throw new Error(`expected an XError, got ${String(error)}`);
  return error;
}

function makeService(now: () => number) {
  return new XService({ db: async () => db, fetch: emulatorFetch(x), now, dailyBudget: async () => null });
}

describe('a spent 24-hour posting cap', () => {
  it.each(['user', 'app'] as const)(
    'per %s: says "posting limit reached" until its reset, 20 hours away, and sends nothing before then',
    async (scope) => {
      x.limits.setDaily({ endpoint: CREATE_POST, scope, remaining: 0, resetInMs: 20 * HOUR });
      let now = Date.now();
      const service = makeService(() => now);

      const limited = await failure(service.post('Quarterly numbers are out', null, false));
      expect(limited.problem).toBe('rate-limited');
      // X answered 429 with 99 calls left in its 15-minute window: the 24-hour reset is what counts.
      expect(x.calls.at(-1)).toMatchObject({ endpoint: CREATE_POST, status: 429 });
      const until = limited.until ?? 0;
      expect(Math.abs(until - (now + 20 * HOUR))).toBeLessThan(5_000);
      expect(limited.message).toBe(
        `Posting limit reached until ${formatUntil(until, now)}. Nothing is sent to X before then.`,
      );

      // Nothing more is sent to that endpoint until then, even a minute before the reset…
      for (const at of [now + 15 * 60_000 + 1, now + 10 * HOUR, until - 60_000]) {
        now = at;
        expect((await failure(service.post(`Try at ${at}`, null, false))).problem).toBe('rate-limited');
      }
      expect(x.callsTo(CREATE_POST)).toHaveLength(1);
      // …while reading still works.
      expect((await service.personByHandle('maria_acme'))?.handle).toBe('maria_acme');

      x.clock.advance(20 * HOUR);
      now = until + 1;
      expect(await service.post('A new day', null, false)).toMatchObject({ text: 'A new day' });
      expect(x.callsTo(CREATE_POST)).toHaveLength(2);
    },
  );

  it('is still known by a worker started again later, which sends nothing before the reset', async () => {
    x.limits.setDaily({ endpoint: CREATE_POST, scope: 'user', remaining: 0, resetInMs: 20 * HOUR });
    let now = Date.now();
    const first = new XService({
      db: async () => db,
      fetch: emulatorFetch(x),
      now: () => now,
      limitStore: sessionLimitStore,
    });
    await failure(first.post('Before the worker stopped', null, false));
    // The worker is stopped; an hour later a new one starts with a new service.
    now += HOUR;
    const restarted = new XService({
      db: async () => db,
      fetch: emulatorFetch(x),
      now: () => now,
      limitStore: sessionLimitStore,
    });
    const limited = await failure(restarted.post('After it started again', null, false));
    expect(limited.message).toMatch(/^Posting limit reached until /);
    expect(x.callsTo(CREATE_POST)).toHaveLength(1);
  });

  it("the app's cap closes posting for every account signed in with the same keys", async () => {
    const alex = await addAccount('alexseller', false);
    x.limits.setDaily({ endpoint: CREATE_POST, scope: 'app', remaining: 0, resetInMs: 5 * HOUR });
    const now = Date.now();
    const service = makeService(() => now);
    await failure(service.post('From Sam', null, false));
    const other = await failure(service.post('From Alex', null, false, alex));
    expect(other.message).toMatch(/^Posting limit reached until /);
    expect(x.callsTo(CREATE_POST)).toHaveLength(1);
  });

  it("one account's own cap leaves the others posting", async () => {
    const alex = await addAccount('alexseller', false);
    const sam = x.state.userByUsername('samrep_crm')?.id ?? '';
    x.limits.setDaily({
      endpoint: CREATE_POST,
      scope: 'user',
      remaining: 0,
      resetInMs: 5 * HOUR,
      userId: sam,
    });
    const service = makeService(Date.now);
    await failure(service.post('From Sam', null, false));
    expect(await service.post('From Alex', null, false, alex)).toMatchObject({ text: 'From Alex' });
  });

  it('a spent like cap closes liking in X’s general words, with the day of its reset', async () => {
    x.limits.setDaily({ endpoint: LIKE, scope: 'user', remaining: 0, resetInMs: 23 * HOUR });
    const now = Date.now();
    const service = makeService(() => now);
    const postId = x.state.userByUsername('maria_acme')?.pinnedPostId ?? '';
    const limited = await failure(service.like(postId, false));
    expect(limited.message).toBe(
      `X limits how often this can be done. Try again after ${formatUntil(limited.until ?? 0, now)}.`,
    );
    await failure(service.like(postId, false));
    expect(x.callsTo(LIKE)).toHaveLength(1);
  });
});

describe('reading the limit headers', () => {
  /** twitter-api-v2's own parsing of a Node answer's headers, as its https transport does it. */
  function libraryParse(headers: Record<string, string>) {
    const helper = Object.create(RequestHandlerHelper.prototype) as {
      requestData: object;
      getRateLimitFromResponse(res: { headers: Record<string, string> }): unknown;
    };
    helper.requestData = {};
    return helper.getRateLimitFromResponse({ headers });
  }

  it.each([
    [
      'window only',
      { 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '899', 'x-rate-limit-reset': '1790000000' },
    ],
    [
      'window and both 24-hour caps',
      {
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '99',
        'x-rate-limit-reset': '1790000000',
        'x-user-limit-24hour-limit': '100',
        'x-user-limit-24hour-remaining': '0',
        'x-user-limit-24hour-reset': '1790070000',
        'x-app-limit-24hour-limit': '10000',
        'x-app-limit-24hour-remaining': '4',
        'x-app-limit-24hour-reset': '1790060000',
      },
    ],
    [
      'a 24-hour cap without a window (ignored, as the library does)',
      {
        'x-user-limit-24hour-limit': '100',
        'x-user-limit-24hour-remaining': '0',
        'x-user-limit-24hour-reset': '1',
      },
    ],
    [
      'an empty 24-hour limit header',
      {
        'x-rate-limit-limit': '50',
        'x-rate-limit-remaining': '1',
        'x-rate-limit-reset': '1790000000',
        'x-app-limit-24hour-limit': '',
      },
    ],
    ['no limit headers', { 'content-type': 'application/json' }],
  ])('%s: as twitter-api-v2 reads it', (_label, headers) => {
    expect(rateLimitOf(new Headers(headers))).toEqual(libraryParse(headers));
  });
});

describe('endpointOf', () => {
  it('names endpoints as X does, the API version kept and ids replaced', () => {
    const at = (method: string, path: string) => endpointOf(method, new URL(`https://api.x.com${path}`));
    expect(at('post', '/2/tweets')).toBe(CREATE_POST);
    expect(at('POST', '/2/users/1400000000000000000/likes')).toBe(LIKE);
    expect(at('DELETE', '/2/users/14/likes/1790000000000000001')).toBe('DELETE /2/users/:id/likes/:id');
    expect(at('GET', '/2/users/by/username/maria_acme')).toBe('GET /2/users/by/username/:username');
  });
});

describe('formatUntil', () => {
  it('gives the time alone later today, and the day too when the reset is another day', () => {
    const now = new Date(2026, 10, 29, 13, 0).getTime();
    const later = formatUntil(new Date(2026, 10, 29, 13, 10).getTime(), now);
    expect(later).not.toMatch(/Nov|29/);
    const tomorrow = formatUntil(now + 20 * HOUR, now);
    expect(tomorrow).toMatch(/Nov/);
    expect(tomorrow).toMatch(/30/);
  });
});
