// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AppKeys } from '@/lib/store/schema';
import { finishPinSignIn, startPinSignIn, verifyAppKeys } from '@/lib/x/auth/pin-sign-in';
import { pkceSignIn, refreshOauth2 } from '@/lib/x/auth/pkce-sign-in';
import { type FakeX, startFakeX } from '../../fake-x';
import { authorize, emulatorFetch } from './emulator-fetch';

let x: FakeX;
let keys: AppKeys;
const REDIRECT = 'https://igdoendhfdhhnipboohihecaklcghkmh.chromiumapp.org/';

beforeAll(async () => {
  x = await startFakeX();
  x.addRedirectUri(REDIRECT);
  keys = {
    id: 'app',
    consumerKey: x.app.consumerKey,
    consumerSecret: x.app.consumerSecret,
    clientId: x.app.clientId,
    verifiedAt: null,
  };
});
afterAll(() => x.close());
beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.identity.getRedirectURL = () => REDIRECT;
});

describe('OAuth 1.0a PIN sign-in through the fetch transport', () => {
  it('gets a request token, and the PIN gives the account its tokens and identity', async () => {
    const fetch = emulatorFetch(x);
    const authorizeUrl = await startPinSignIn(keys, 'Sales team', fetch);
    expect(authorizeUrl).toMatch(/^https:\/\/api\.x\.com\/oauth\/authorize\?oauth_token=/);
    const pinPage = await (await authorize(x, authorizeUrl)).text();
    const pin = /<code>(\d+)<\/code>/.exec(pinPage)?.[1] ?? '';
    const account = await finishPinSignIn(keys, pin, fetch);
    expect(account).toMatchObject({
      handle: 'samrep_crm',
      name: 'Sales team',
      authKind: 'oauth1',
      enabled: true,
    });
    expect(account.oauth1?.token).toBeTruthy();
  });

  it('finishes after a worker restart between the two steps (the request token is in session storage)', async () => {
    const fetch = emulatorFetch(x);
    const authorizeUrl = await startPinSignIn(keys, 'Sales team', fetch);
    const pin = /<code>(\d+)<\/code>/.exec(await (await authorize(x, authorizeUrl)).text())?.[1] ?? '';
    // Nothing in memory survives a worker restart; the next step only has storage.session.
    const account = await finishPinSignIn(keys, pin, emulatorFetch(x));
    expect(account.handle).toBe('samrep_crm');
  });

  it('refuses a wrong PIN and a wrong consumer secret in words', async () => {
    await startPinSignIn(keys, 'Sales team', emulatorFetch(x));
    await expect(finishPinSignIn(keys, '0000000', emulatorFetch(x))).rejects.toThrow(
      /did not accept this PIN/,
    );
    await expect(verifyAppKeys(keys.consumerKey, 'wrong', emulatorFetch(x))).rejects.toThrow(
      /did not accept this Consumer Key and Consumer Secret/,
    );
  });
});

describe('OAuth 2.0 PKCE sign-in, refresh and rotation', () => {
  async function signIn() {
    return pkceSignIn(x.app.clientId, 'Support', {
      fetch: emulatorFetch(x),
      webAuthFlow: async (url) => {
        const answer = await authorize(x, url);
        return answer.headers.get('location') ?? undefined;
      },
    });
  }

  it('signs in with an S256 challenge and gets a refresh token', async () => {
    const account = await signIn();
    expect(account).toMatchObject({ authKind: 'oauth2', handle: 'samrep_crm' });
    expect(account.oauth2?.refreshToken).toBeTruthy();
    expect(account.oauth2?.scope).toContain('offline.access');
  });

  it('rotates the refresh token: the old one is refused after use', async () => {
    const account = await signIn();
    const first = account.oauth2?.refreshToken ?? '';
    const refreshed = await refreshOauth2(x.app.clientId, first, emulatorFetch(x));
    expect(refreshed.refreshToken).not.toBe(first);
    await expect(refreshOauth2(x.app.clientId, first, emulatorFetch(x))).rejects.toThrow();
  });

  it('says the sign-in did not finish when the user cancels in X’s window', async () => {
    await expect(
      pkceSignIn(x.app.clientId, 'Support', {
        fetch: emulatorFetch(x),
        webAuthFlow: () => Promise.reject(new Error('The user did not approve access.')),
      }),
    ).rejects.toThrow(/did not finish/);
  });
});
