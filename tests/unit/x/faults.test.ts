// @vitest-environment node
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { openDatabase } from '@/lib/store/db';
import { XError } from '@/lib/x/errors';
import { XService } from '@/lib/x/service';
import { type FakeX, startFakeX } from '../../fake-x';
import { emulatorFetch } from './emulator-fetch';

/** X misbehaving as it does in real life: limits, outages, dropped connections, slowness. */

const NAME = 'x-crm-faults-test';
const USER_BY_ID = 'GET /2/users/:id';
let x: FakeX;
let db: Awaited<ReturnType<typeof openDatabase>>;

function makeService(now?: () => number) {
  return new XService({ db: async () => db, fetch: emulatorFetch(x), now, dailyBudget: async () => null });
}

/** Distinct people, so no read is answered from the cache or shared with another in flight. */
const idOf = (username: string) => {
  const id = x.state.userByUsername(username)?.id;
  if (!id) throw new Error(`the emulator has no @${username}`);
  return id;
};

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

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

async function failure(work: Promise<unknown>): Promise<XError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof XError)) throw new Error(`expected an XError, got ${String(error)}`);
  return error;
}

describe('X answering 429 with a reset', () => {
  it('sends nothing more to that endpoint before the reset, and works again after it', async () => {
    x.faults.setRateLimit(USER_BY_ID, 1, 60_000);
    // Another browser (or a service worker that restarted) spent the window: this one does not know.
    await makeService().personById(idOf('maria_acme'));

    let now = Date.now();
    const service = makeService(() => now);
    const limited = await failure(service.personById(idOf('alexseller')));
    expect(limited.problem).toBe('rate-limited');
    expect(x.calls.at(-1)).toMatchObject({ endpoint: USER_BY_ID, status: 429 });
    const reset = limited.until ?? 0;
    expect(reset).toBeGreaterThan(now);
    expect(limited.message).toMatch(/^X limits how often this can be done\. Try again after .+\.$/);

    // Until the reset, every read of that endpoint is refused here, before it is sent…
    const sent = x.callsTo(USER_BY_ID).length;
    for (const username of ['priyaraman', 'janedoe_', 'mgarcia_design']) {
      expect((await failure(service.personById(idOf(username)))).problem).toBe('rate-limited');
    }
    now = reset - 1;
    expect((await failure(service.personById(idOf('priyaraman')))).problem).toBe('rate-limited');
    expect(x.callsTo(USER_BY_ID).length).toBe(sent);
    // …while other endpoints still work.
    expect((await service.personByHandle('mariag_ventures'))?.handle).toBe('mariag_ventures');

    // After the reset (on both clocks) the endpoint is used again.
    x.clock.advance(61_000);
    now = reset + 1;
    expect((await service.personById(idOf('priyaraman')))?.handle).toBe('priyaraman');
    expect(x.callsTo(USER_BY_ID).length).toBe(sent + 1);
  });
});

describe('X failing on reads', () => {
  it.each([500, 502, 503, 504])(
    'maps a %i to a clear "X is not answering" error, then recovers',
    async (status) => {
      const service = makeService();
      x.faults.failNext(USER_BY_ID, status);
      const error = await failure(service.personById(idOf('maria_acme')));
      expect(error.problem).toBe('x-unavailable');
      expect(error.code).toBe('x-unavailable');
      expect(error.message).toBe('X is not answering properly right now. Try again in a few minutes.');
      expect((await service.personById(idOf('maria_acme')))?.handle).toBe('maria_acme');
    },
  );

  it('maps a dropped connection to a clear "cannot be reached" error, then recovers', async () => {
    const service = makeService();
    x.faults.dropNext('GET /2/users/by/username/:username');
    const error = await failure(service.personByHandle('maria_acme'));
    expect(error.problem).toBe('offline');
    expect(error.message).toBe('X cannot be reached. Check your connection; nothing was lost.');
    expect(x.calls.at(-1)).toMatchObject({ endpoint: 'GET /2/users/by/username/:username', status: 0 });
    expect((await service.personByHandle('maria_acme'))?.handle).toBe('maria_acme');
  });

  it('drops on a search and on posts are reported the same way, and nothing is cached from them', async () => {
    const service = makeService();
    x.faults.dropNext('GET /2/users/search');
    expect((await failure(service.searchPeople('Maria Garcia'))).problem).toBe('offline');
    x.faults.failNext('GET /2/users/:id/tweets', 503);
    expect((await failure(service.recentPosts(idOf('maria_acme')))).problem).toBe('x-unavailable');
    expect(await db.count('cache')).toBe(0);
    expect((await service.searchPeople('Maria Garcia')).people.length).toBeGreaterThanOrEqual(3);
  });

  it('still answers when X is slow', { timeout: 20_000 }, async () => {
    const service = makeService();
    x.faults.latency(1500);
    const started = Date.now();
    const [person, posts] = await Promise.all([
      service.personById(idOf('maria_acme')),
      service.recentPosts(idOf('maria_acme')),
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(person?.handle).toBe('maria_acme');
    expect(posts.length).toBeGreaterThan(0);
  });
});
