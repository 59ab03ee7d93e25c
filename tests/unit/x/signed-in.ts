import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import { openDatabase } from '@/lib/store/db';
import type { Account } from '@/lib/store/schema';
import type { FakeX } from '../../fake-x';
import { authorize, emulatorFetch } from './emulator-fetch';

type Db = Awaited<ReturnType<typeof openDatabase>>;

/** The extension's redirect address for Sign in with X, registered with the emulator's app. */
const REDIRECT = 'https://igdoendhfdhhnipboohihecaklcghkmh.chromiumapp.org/';

/**
 * A fresh database named `name` holding the emulator's app keys and Sam Rep (@samrep_crm),
 * enabled and default, signed in as the admin would: by a PIN (OAuth 1.0a, the default) or by
 * Sign in with X (OAuth 2.0 with PKCE, a real grant from the emulator).
 */
export async function openSignedIn(
  x: FakeX,
  name: string,
  auth: Account['authKind'] = 'oauth1',
): Promise<{ db: Db; account: Account }> {
  const db = await openDatabase(undefined, name);
  await saveAppKeys(db, {
    consumerKey: x.app.consumerKey,
    consumerSecret: x.app.consumerSecret,
    clientId: x.app.clientId,
    verifiedAt: 1,
  });
  let account: Account;
  if (auth === 'oauth2') {
    const { pkceSignIn } = await import('@/lib/x/auth/pkce-sign-in');
    x.addRedirectUri(REDIRECT);
    fakeBrowser.identity.getRedirectURL = () => REDIRECT;
    const signedIn = await pkceSignIn(x.app.clientId, 'Sales team', {
      fetch: emulatorFetch(x),
      webAuthFlow: async (url) => (await authorize(x, url)).headers.get('location') ?? undefined,
    });
    account = { ...signedIn, enabled: true, isDefault: true, needsSignIn: false };
  } else {
    const token = x.issueOAuth1Token('samrep_crm');
    account = {
      xUserId: token.userId,
      name: 'Sales team',
      handle: 'samrep_crm',
      avatarUrl: '',
      authKind: 'oauth1',
      enabled: true,
      isDefault: true,
      needsSignIn: false,
      oauth1: { token: token.accessToken, tokenSecret: token.accessSecret },
    };
  }
  await putAccount(db, account);
  return { db, account };
}
