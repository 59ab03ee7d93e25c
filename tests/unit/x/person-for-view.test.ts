// @vitest-environment node
// The record view's person in one round trip: the person's timeline with the author expanded.
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { openDatabase } from '@/lib/store/db';
import { XService } from '@/lib/x/service';
import { spentOn, utcDay } from '@/lib/x/usage';
import { type FakeX, startFakeX } from '../../fake-x';
import { emulatorFetch } from './emulator-fetch';

const NAME = 'x-crm-person-for-view-test';
const DAY = 86_400_000;
let x: FakeX;
let db: Awaited<ReturnType<typeof openDatabase>>;
let requests: string[];
let now: number;

const makeService = () =>
  new XService({
    db: async () => db,
    fetch: emulatorFetch(x, (url) => requests.push(new URL(url).pathname)),
    now: () => now,
  });

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

beforeEach(async () => {
  fakeBrowser.reset();
  x.reset();
  requests = [];
  now = Date.UTC(2026, 10, 2, 12);
  db = await openDatabase(undefined, NAME);
  await saveAppKeys(db, {
    consumerKey: x.app.consumerKey,
    consumerSecret: x.app.consumerSecret,
    clientId: x.app.clientId,
    verifiedAt: 1,
  });
  const token = x.issueOAuth1Token('samrep_crm');
  await putAccount(db, {
    xUserId: token.userId,
    name: 'Sales team',
    handle: 'samrep_crm',
    avatarUrl: '',
    authKind: 'oauth1',
    enabled: true,
    isDefault: true,
    needsSignIn: false,
    oauth1: { token: token.accessToken, tokenSecret: token.accessSecret },
  });
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

const idOf = (handle: string) => x.state.userByUsername(handle)?.id ?? '';

describe('the person of a record view', () => {
  it('comes with their posts in one X call, as complete as a user lookup, at the same price', async () => {
    // The two-call way, on one day: what a view cost and showed before.
    const twoCalls = makeService();
    const looked = await twoCalls.personById(idOf('maria_acme'));
    const postsThen = await twoCalls.recentPosts(idOf('maria_acme'));
    const spentTwoCalls = await spentOn(db, utcDay(now));
    expect(requests).toHaveLength(2);

    // A later day with nothing cached: one call brings both, and the posts then cost nothing.
    await db.clear('cache');
    now += 2 * DAY;
    requests = [];
    const service = makeService();
    const person = await service.personForView(idOf('maria_acme'));
    expect(requests).toEqual([`/2/users/${idOf('maria_acme')}/tweets`]);
    expect(person).toEqual(looked);
    expect(await service.recentPosts(idOf('maria_acme'))).toEqual(postsThen);
    expect(requests).toHaveLength(1);
    expect(await spentOn(db, utcDay(now))).toBeCloseTo(spentTwoCalls, 6);
  });

  it('is looked up on its own when the person has no posts (X then sends no includes)', async () => {
    const maria = x.state.userByUsername('maria_acme');
    if (!maria) throw new Error('seed changed');
    x.state.addUser({
      ...maria,
      id: '1700000000000000001',
      username: 'quiet_buyer',
      pinnedPostId: undefined,
    });
    const service = makeService();
    const person = await service.personForView('1700000000000000001');
    expect(person?.handle).toBe('quiet_buyer');
    expect(person?.bio).toBe(maria.description);
    expect(requests).toEqual(['/2/users/1700000000000000001/tweets', '/2/users/1700000000000000001']);
    expect(await service.recentPosts('1700000000000000001')).toEqual([]);
    expect(requests).toHaveLength(2);
  });

  it('is looked up on its own when X refuses the timeline, and the posts say why without another call', async () => {
    const service = makeService();
    const person = await service.personForView(idOf('janedoe_'));
    expect(person).toMatchObject({ handle: 'janedoe_', protected: true });
    expect(requests).toEqual([`/2/users/${idOf('janedoe_')}/tweets`, `/2/users/${idOf('janedoe_')}`]);
    await expect(service.recentPosts(idOf('janedoe_'))).rejects.toThrow(/protected/i);
    expect(requests).toHaveLength(2);
    // Asked again later, X is asked again: a refusal is not kept as "no posts".
    now += 2 * 60_000;
    await expect(service.recentPosts(idOf('janedoe_'))).rejects.toThrow(/protected/i);
    expect(requests).toHaveLength(3);
  });

  it('is the one cache entry of the person, however found: by handle, by id or with their timeline', async () => {
    const service = makeService();
    // Found by handle (the CRM's Twitter field), then viewed: the view asks X nothing more.
    await service.personByHandle('MARIA_ACME');
    expect(requests).toEqual(['/2/users/by/username/MARIA_ACME']);
    expect((await service.personForView(idOf('maria_acme')))?.handle).toBe('maria_acme');
    expect(requests).toHaveLength(1);
    // Viewed cold, then read by id (associating, a later view): the timeline's person answers.
    requests = [];
    const viewed = await service.personForView(idOf('mgarcia_design'));
    expect(await service.personById(idOf('mgarcia_design'))).toEqual(viewed);
    expect(requests).toEqual([`/2/users/${idOf('mgarcia_design')}/tweets`]);
  });

  it('reads as the chosen account and bills it, not the default', async () => {
    const token = x.issueOAuth1Token('alexseller');
    await putAccount(db, {
      xUserId: token.userId,
      name: 'Alex',
      handle: 'alexseller',
      avatarUrl: '',
      authKind: 'oauth1',
      enabled: true,
      isDefault: false,
      needsSignIn: false,
      oauth1: { token: token.accessToken, tokenSecret: token.accessSecret },
    });
    const service = makeService();
    expect((await service.personForView(idOf('maria_acme'), token.userId))?.handle).toBe('maria_acme');
    expect(requests).toEqual([`/2/users/${idOf('maria_acme')}/tweets`]);
    const billedTo = new Set((await db.getAll('usage')).map((row) => row.accountId));
    expect([...billedTo]).toEqual([token.userId]);
  });

  it('costs no call while fresh, answered from the worker’s memory without reading IndexedDB', async () => {
    const service = makeService();
    await service.personForView(idOf('maria_acme'));
    requests = [];
    let reads = 0;
    const counting = new Proxy(db, {
      get(target, key, receiver) {
        if (key === 'get') reads++;
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // The same service over a database that counts its reads.
    (service.cache as unknown as { db: () => Promise<typeof db> }).db = async () => counting;
    expect((await service.personForView(idOf('maria_acme')))?.handle).toBe('maria_acme');
    expect((await service.recentPosts(idOf('maria_acme'))).length).toBeGreaterThan(0);
    expect(requests).toEqual([]);
    expect(reads).toBe(0);
  });
  it('is answered from the cache alone for a panel not yet shown: never a call, nothing when stale', async () => {
    const service = makeService();
    expect(await service.personIfFresh(idOf('maria_acme'))).toBeUndefined();
    expect(requests).toEqual([]);
    await service.personForView(idOf('maria_acme'));
    requests = [];
    expect((await service.personIfFresh(idOf('maria_acme')))?.handle).toBe('maria_acme');
    // Past the profile window (24 hours by default) the person is not warm any more.
    now += DAY;
    expect(await service.personIfFresh(idOf('maria_acme'))).toBeUndefined();
    expect(requests).toEqual([]);
  });
});
