// @vitest-environment node
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { openDatabase } from '@/lib/store/db';
import type { Account } from '@/lib/store/schema';
import { XService } from '@/lib/x/service';
import { postReadsInMonth, spentOn, utcDay } from '@/lib/x/usage';
import { type FakeX, startFakeX } from '../../fake-x';
import { emulatorFetch } from './emulator-fetch';
import { openSignedIn } from './signed-in';

const NAME = 'x-crm-service-test';
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

const maria = () => x.state.userByUsername('maria_acme');

describe('the X service against the emulator, through the fetch transport', () => {
  it('finds people by name, looks up a handle and an id, and reads recent posts', async () => {
    const found = (await service.searchPeople('Maria Garcia')).people;
    expect(found.filter((p) => p.name === 'Maria Garcia')).toHaveLength(3);
    const byHandle = await service.personByHandle('maria_acme');
    expect(byHandle?.id).toBe(maria()?.id);
    expect((await service.personById(maria()?.id ?? ''))?.handle).toBe('maria_acme');
    const posts = await service.recentPosts(maria()?.id ?? '');
    expect(posts.length).toBeGreaterThan(0);
  });

  it('keeps one person however found: a handle lookup, then reads by id and by handle, ask X once', async () => {
    const byHandle = await service.personByHandle('Maria_Acme');
    expect(await service.personById(byHandle?.id ?? '')).toEqual(byHandle);
    expect(await service.personByHandle('maria_acme')).toEqual(byHandle);
    expect(x.callsTo('GET /2/users/by/username/:username')).toHaveLength(1);
    expect(x.callsTo('GET /2/users/:id')).toHaveLength(0);
  });

  it('reads a person a search page handed out by id without asking X again', async () => {
    const found = (await service.searchPeople('Maria Garcia')).people;
    for (const person of found) expect(await service.personById(person.id)).toEqual(person);
    expect(x.callsTo('GET /2/users/:id')).toHaveLength(0);
  });

  it('searches names five people a page, the next page by its token, each person billed once', async () => {
    const first = await service.searchPeople('Avery');
    expect(first.people).toHaveLength(5);
    expect(first.nextToken).toBeTruthy();
    const second = await service.searchPeople('Avery', first.nextToken);
    expect(second.people).toHaveLength(5);
    expect(second.people.map((p) => p.id)).not.toContain(first.people[0]?.id);
    expect(x.callsTo('GET /2/users/search')).toHaveLength(2);
    expect(
      requests.filter((url) => url.includes('/2/users/search')).every((url) => url.includes('max_results=5')),
    ).toBe(true);
    expect(await spentOn(db, utcDay(Date.now()))).toBeCloseTo(10 * 0.01, 5);
  });

  it('prices the app owner’s reads of its own posts and followers as Owned Reads, others as usual', async () => {
    const samId = x.state.userByUsername('samrep_crm')?.id ?? '';
    const today = utcDay(Date.now());
    // A timeline also bills its author, from includes, as a user read: posts are what is owned.
    const billed = async (read: () => Promise<unknown>, operation = 'read-post') => {
      await db.clear('usage');
      await db.clear('cache');
      // A new worker: the last one's answers held in memory went with it.
      service = makeService();
      await read();
      const rows = (await db.getAll('usage')).filter((row) => row.operation === operation);
      return {
        count: rows.length,
        units: [...new Set(rows.map((row) => row.costUsd))],
        spent: await spentOn(db, today),
      };
    };
    // Not marked as the owner: its own posts cost what anyone's do.
    const asUsual = await billed(() => service.recentPosts(samId));
    expect(asUsual.count).toBeGreaterThan(0);
    expect(asUsual.units).toEqual([0.005]);

    const account = await db.get('accounts', samId);
    await db.put('accounts', { ...(account as Account), ownsApp: true });
    expect((await billed(() => service.recentPosts(samId))).units).toEqual([0.001]);
    expect((await billed(() => service.ownRecentPosts())).units).toEqual([0.001]);
    const followers = await billed(() => service.peoplePage(samId, 'followers', null), 'read-user');
    expect(followers.count).toBeGreaterThan(0);
    expect(followers.units).toEqual([0.001]);
    expect(followers.spent).toBeCloseTo(followers.count * 0.001, 6);
    // Owned or not, a post read counts against X's monthly post-read cap.
    const own = await billed(() => service.recentPosts(samId));
    expect(await postReadsInMonth(db, Date.now())).toBe(own.count);
    // Someone else's posts and followers, read by the owner, are not Owned Reads.
    expect((await billed(() => service.recentPosts(maria()?.id ?? ''))).units).toEqual([0.005]);
    expect(
      (await billed(() => service.peoplePage(maria()?.id ?? '', 'followers', null), 'read-user')).units,
    ).toEqual([0.01]);
  });

  it('looks up many handles 100 a call, and reads the posts that mention a person', async () => {
    // X answers suspended and deactivated accounts as not found
    const known = [...x.state.users.values()]
      .filter((user) => x.state.isActive(user))
      .map((user) => user.username)
      .slice(0, 120);
    const handles = [...known, ...Array.from({ length: 30 }, (_, i) => `nobody_${i}`)];
    const found = await service.peopleByHandles(handles);
    expect(found.size).toBe(known.length);
    expect(x.callsTo('GET /2/users/by')).toHaveLength(2);
    const priya = x.state.userByUsername('priyaraman')?.id ?? '';
    const mentions = await service.mentions(priya);
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.every((post) => post.text.toLowerCase().includes('@priyaraman'))).toBe(true);
  });

  it('pages through followers with next tokens', async () => {
    const priya = x.state.userByUsername('priyaraman');
    const first = await service.peoplePage(priya?.id ?? '', 'followers', null);
    expect(first.people).toHaveLength(20);
    const second = await service.peoplePage(priya?.id ?? '', 'followers', first.nextToken);
    expect(second.people[0]?.id).not.toBe(first.people[0]?.id);
  });

  it('follows, likes, reposts and posts, each seen at X', async () => {
    const target = maria()?.id ?? '';
    await service.follow(target);
    expect(x.state.follows.has(`1400000000000000000>${target}`)).toBe(true);
    const post = (await service.recentPosts(target))[0];
    await service.like(post?.id ?? '', false);
    await service.repost(post?.id ?? '', false);
    expect(x.state.likes.has(`1400000000000000000:${post?.id}`)).toBe(true);
    const created = await service.post('Hello from the CRM', null, false);
    expect(x.state.posts.get(created.id)?.text).toBe('Hello from the CRM');
  });

  it('serves a cached read with no call, and shares one request between identical reads in flight', async () => {
    await service.personByHandle('maria_acme');
    const afterFirst = requests.length;
    await service.personByHandle('maria_acme');
    expect(requests.length).toBe(afterFirst);
    const fresh = makeService();
    await db.clear('cache');
    requests = [];
    await Promise.all([fresh.personById(maria()?.id ?? ''), fresh.personById(maria()?.id ?? '')]);
    expect(requests).toHaveLength(1);
  });

  it('maps 401, 403 (access level), 429, 5xx and offline to what the user can do', async () => {
    x.faults.setUsersSearchForbidden(true);
    await expect(service.searchPeople('Ana Lopez')).rejects.toMatchObject({ problem: 'not-permitted' });
    x.faults.setUsersSearchForbidden(false);
    x.faults.failNext('GET /2/users/by/username/:username', 503, 1);
    await expect(service.personByHandle('alexseller')).rejects.toMatchObject({ problem: 'x-unavailable' });
    offline = true;
    await expect(service.personByHandle('alexseller')).rejects.toMatchObject({ problem: 'offline' });
    offline = false;
    x.faults.revokeToken((await db.get('accounts', '1400000000000000000'))?.oauth1?.token ?? '');
    await expect(service.personByHandle('alexseller')).rejects.toMatchObject({ problem: 'needs-sign-in' });
  });

  it('sends nothing to an endpoint whose limit is spent until its reset', async () => {
    x.faults.setRateLimit('GET /2/users/:id', 1);
    await service.personById(maria()?.id ?? '');
    const other = x.state.userByUsername('alexseller')?.id ?? '';
    await expect(service.personById(other)).rejects.toMatchObject({ problem: 'rate-limited' });
    const sent = x.callsTo('GET /2/users/:id').length;
    await expect(service.personById(x.state.userByUsername('priyaraman')?.id ?? '')).rejects.toMatchObject({
      problem: 'rate-limited',
    });
    expect(x.callsTo('GET /2/users/:id').length).toBe(sent);
  });

  it('meters cost as X bills: a user read twice a day counts once, and stops at the daily budget', async () => {
    await service.searchPeople('Maria Garcia');
    const today = utcDay(Date.now());
    const afterSearch = await spentOn(db, today);
    const found = (await db.getAll('usage')).length;
    expect(afterSearch).toBeCloseTo(found * 0.01, 5);
    await db.clear('cache');
    await service.personByHandle('maria_acme');
    expect(await spentOn(db, today)).toBeCloseTo(afterSearch, 5);
    const capped = makeService({ budget: afterSearch });
    await expect(capped.personByHandle('alexseller')).rejects.toMatchObject({ problem: 'budget' });
  });
});

async function samAccount(): Promise<Account> {
  const account = await db.get('accounts', '1400000000000000000');
  if (!account) throw new Error('the signed-in account is missing');
  return account;
}

describe('OAuth 2.0 accounts', () => {
  async function oauth2Account(expiresAt: number) {
    const account = await samAccount();
    // A real grant from the emulator, so the refresh below is checked by X's rules.
    const { refreshToken } = await signInWithPkce();
    await db.put('accounts', {
      ...account,
      authKind: 'oauth2',
      oauth1: undefined,
      oauth2: {
        accessToken: 'expired',
        refreshToken,
        expiresAt,
        scope: 'tweet.read users.read offline.access',
      },
    });
  }

  async function signInWithPkce() {
    const { pkceSignIn } = await import('@/lib/x/auth/pkce-sign-in');
    const { authorize } = await import('./emulator-fetch');
    const redirect = 'https://igdoendhfdhhnipboohihecaklcghkmh.chromiumapp.org/';
    x.addRedirectUri(redirect);
    fakeBrowser.identity.getRedirectURL = () => redirect;
    const account = await pkceSignIn(x.app.clientId, 'Support', {
      fetch: emulatorFetch(x),
      webAuthFlow: async (url) => (await authorize(x, url)).headers.get('location') ?? undefined,
    });
    return { refreshToken: account.oauth2?.refreshToken ?? null };
  }

  it('refreshes an expiring token once for concurrent calls and stores the rotated refresh token', async () => {
    await oauth2Account(Date.now() - 1000);
    const before = x.callsTo('POST /2/oauth2/token').length;
    await Promise.all([service.personByHandle('maria_acme'), service.personByHandle('alexseller')]);
    expect(x.callsTo('POST /2/oauth2/token').length).toBe(before + 1);
    const stored = await db.get('accounts', '1400000000000000000');
    expect(stored?.oauth2?.accessToken).not.toBe('expired');
    expect(stored?.oauth2?.expiresAt).toBeGreaterThan(Date.now());
  });

  it('marks the account "needs sign-in again" once when the refresh is refused, and then sends nothing', async () => {
    await oauth2Account(Date.now() - 1000);
    const account = await samAccount();
    const grant = account.oauth2;
    if (!grant) throw new Error('not an OAuth 2.0 account');
    await db.put('accounts', { ...account, oauth2: { ...grant, refreshToken: 'revoked-or-unknown' } });
    await expect(service.personByHandle('maria_acme')).rejects.toMatchObject({ problem: 'needs-sign-in' });
    expect((await db.get('accounts', '1400000000000000000'))?.needsSignIn).toBe(true);
    const sent = x.calls.length;
    await expect(service.personByHandle('alexseller')).rejects.toMatchObject({ problem: 'needs-sign-in' });
    expect(x.calls.length).toBe(sent);
  });

  it('fails cleanly when a worker was stopped mid-refresh after X had rotated the token', async () => {
    await oauth2Account(Date.now() - 1000);
    const stored = await samAccount();
    // The refresh reached X (which rotated the refresh token), then the worker was stopped
    // before it stored the answer: the next worker holds a spent refresh token.
    const { refreshOauth2 } = await import('@/lib/x/auth/pkce-sign-in');
    await refreshOauth2(x.app.clientId, stored.oauth2?.refreshToken ?? '', emulatorFetch(x));
    const nextWorker = makeService();
    await expect(nextWorker.personByHandle('maria_acme')).rejects.toMatchObject({
      problem: 'needs-sign-in',
      message: expect.stringContaining('Sign in again in the integration manager'),
    });
    const after = await samAccount();
    expect(after.needsSignIn).toBe(true);
    // The rest of the account is untouched: signing in again from Edit repairs it.
    expect({ ...after, needsSignIn: false }).toEqual(stored);
  });
});
