// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountHandlers as managerHandlers } from '@/entrypoints/background/handlers/accounts';
import type { HandlerContext } from '@/lib/messages/router';
import { getAccount, putAccount, removeAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { database } from '@/lib/store/db';
import { pkceSignIn } from '@/lib/x/auth/pkce-sign-in';
import { XService } from '@/lib/x/service';
import { type FakeX, startFakeX } from '../../fake-x';
import { authorize, emulatorFetch } from './emulator-fetch';

let x: FakeX;
let xUserId: string;
/** X's answer to a token refresh waits for this, so a test can act while it is on its way. */
let hold: { reached: Promise<void>; release: () => void } | null = null;

const context = { sender: 'options' } as unknown as HandlerContext;

function holdingFetch(): typeof fetch {
  const base = emulatorFetch(x);
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const held = hold;
    if (!held || !url.endsWith('/2/oauth2/token')) return base(input, init);
    const answer = await base(input, init);
    (held as unknown as { arrive: () => void }).arrive();
    await new Promise<void>((resolve) => {
      held.release = resolve;
    });
    return answer;
  };
}

function holdNextRefresh() {
  let arrive = () => {};
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  hold = { reached, release: () => {} };
  Object.assign(hold, { arrive });
  return hold;
}

async function expiredOauth2Account() {
  const redirect = 'https://igdoendhfdhhnipboohihecaklcghkmh.chromiumapp.org/';
  x.addRedirectUri(redirect);
  fakeBrowser.identity.getRedirectURL = () => redirect;
  const account = await pkceSignIn(x.app.clientId, 'Sales team', {
    fetch: emulatorFetch(x),
    webAuthFlow: async (url) => (await authorize(x, url)).headers.get('location') ?? undefined,
  });
  const grant = account.oauth2;
  if (!grant) throw new Error('not an OAuth 2.0 account');
  await putAccount(await database(), { ...account, oauth2: { ...grant, expiresAt: Date.now() - 1000 } });
  xUserId = account.xUserId;
  return grant.refreshToken;
}

const stored = async () => {
  const account = await getAccount(await database(), xUserId);
  if (!account) throw new Error('the account is gone');
  return account;
};

beforeAll(async () => {
  x = await startFakeX();
});
afterAll(() => x.close());

beforeEach(async () => {
  fakeBrowser.reset();
  x.reset();
  hold = null;
  await saveAppKeys(await database(), {
    consumerKey: x.app.consumerKey,
    consumerSecret: x.app.consumerSecret,
    clientId: x.app.clientId,
    verifiedAt: 1,
  });
});
afterEach(async () => {
  // The worker's one connection stays open, as in the worker: empty its stores instead.
  const db = await database();
  for (const store of ['accounts', 'appKeys', 'cache', 'usage'] as const) await db.clear(store);
});

describe('an account edited while its token is refreshed', () => {
  it('keeps the edit made while X answered the refresh, and the rotated refresh token', async () => {
    const before = await expiredOauth2Account();
    const service = new XService({ db: database, fetch: holdingFetch() });
    const refresh = holdNextRefresh();
    const read = service.personByHandle('maria_acme');
    await refresh.reached;
    await managerHandlers.accountUpdate({ xUserId, name: 'Renamed', enabled: true }, context);
    refresh.release();
    expect((await read)?.handle).toBe('maria_acme');

    const after = await stored();
    expect(after.name).toBe('Renamed');
    expect(after.needsSignIn).toBe(false);
    expect(after.oauth2?.refreshToken).not.toBe(before);
    expect(after.oauth2?.expiresAt).toBeGreaterThan(Date.now());
  });

  // Every moment of the refresh's write, from before it to after it: the edit lands in each.
  for (const ticks of [0, 1, 2, 4, 8]) {
    it(`keeps the new tokens when an edit lands ${ticks} ticks after X's answer`, async () => {
      const before = await expiredOauth2Account();
      const service = new XService({ db: database, fetch: holdingFetch() });
      const refresh = holdNextRefresh();
      const read = service.personByHandle('maria_acme');
      await refresh.reached;
      refresh.release();
      for (let tick = 0; tick < ticks; tick++) await new Promise((resolve) => setTimeout(resolve, 0));
      const edit = managerHandlers.accountUpdate({ xUserId, name: 'Renamed' }, context);
      await Promise.all([read, edit]);

      const after = await stored();
      expect(after.name).toBe('Renamed');
      expect(after.oauth2?.refreshToken).not.toBe(before);
      expect(after.oauth2?.expiresAt).toBeGreaterThan(Date.now());
      // The stored refresh token is the one X holds now: the next refresh works.
      await putAccount(await database(), {
        ...after,
        oauth2: after.oauth2 && { ...after.oauth2, expiresAt: Date.now() - 1000 },
      });
      expect(
        (await new XService({ db: database, fetch: emulatorFetch(x) }).personByHandle('alexseller'))?.handle,
      ).toBe('alexseller');
      expect((await stored()).needsSignIn).toBe(false);
    });
  }

  it('does not bring back an account deleted while X answered the refresh', async () => {
    await expiredOauth2Account();
    const service = new XService({ db: database, fetch: holdingFetch() });
    const refresh = holdNextRefresh();
    const read = service.personByHandle('maria_acme');
    await refresh.reached;
    await removeAccount(await database(), xUserId);
    refresh.release();
    await expect(read).rejects.toMatchObject({ problem: 'needs-sign-in' });
    expect(await getAccount(await database(), xUserId)).toBeNull();
  });
});
