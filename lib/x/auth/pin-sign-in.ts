import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import type { Account, AppKeys } from '../../store/schema';
import { createXClient, type XFetch } from '../client';
import { toXError, XError } from '../errors';

/**
 * The request token between "Next" and "Finish". It lives in storage.session: it survives
 * a service worker restarted while the admin is on X's page, is gone when the browser
 * closes, and content scripts cannot read it.
 */
const PENDING = 'pin-sign-in';
/** X's request tokens are short-lived; after this the admin starts again. */
const PENDING_MAX_AGE_MS = 15 * 60 * 1000;

interface PendingPinSignIn {
  name: string;
  oauthToken: string;
  oauthTokenSecret: string;
  startedAt: number;
}

/** Asks X for a request token with the app's keys and returns the page where the user authorizes. */
export async function startPinSignIn(keys: AppKeys, name: string, fetchImpl?: XFetch): Promise<string> {
  const app = createXClient({ appKey: keys.consumerKey, appSecret: keys.consumerSecret }, fetchImpl);
  try {
    const link = await app.generateAuthLink('oob', { linkMode: 'authorize' });
    const pending: PendingPinSignIn = {
      name,
      oauthToken: link.oauth_token,
      oauthTokenSecret: link.oauth_token_secret,
      startedAt: Date.now(),
    };
    await browser.storage.session.set({ [PENDING]: pending });
    return link.url;
  } catch (error) {
    throw toXError(error);
  }
}

/** Exchanges the PIN for the account's tokens and learns who signed in. */
export async function finishPinSignIn(keys: AppKeys, pin: string, fetchImpl?: XFetch): Promise<Account> {
  const stored = (await browser.storage.session.get(PENDING))[PENDING] as PendingPinSignIn | undefined;
  if (!stored || Date.now() - stored.startedAt > PENDING_MAX_AGE_MS) {
    throw new XError('refused', t('pinSignInExpired'));
  }
  const request = createXClient(
    {
      appKey: keys.consumerKey,
      appSecret: keys.consumerSecret,
      accessToken: stored.oauthToken,
      accessSecret: stored.oauthTokenSecret,
    },
    fetchImpl,
  );
  try {
    const signedIn = await request.login(pin);
    const me = await signedIn.client.v2.me({ 'user.fields': ['profile_image_url'] });
    await browser.storage.session.remove(PENDING);
    return {
      xUserId: me.data.id,
      name: stored.name,
      handle: me.data.username,
      avatarUrl: me.data.profile_image_url ?? '',
      authKind: 'oauth1',
      enabled: true,
      isDefault: false,
      needsSignIn: false,
      oauth1: { token: signedIn.accessToken, tokenSecret: signedIn.accessSecret },
    };
  } catch (error) {
    const problem = toXError(error);
    // A wrong PIN answers 401: say so in those words rather than "sign in again".
    if (problem.problem === 'needs-sign-in') throw new XError('refused', t('pinRefused'));
    throw problem;
  }
}

/** Checks a consumer key pair by asking X for a request token with it. */
export async function verifyAppKeys(
  consumerKey: string,
  consumerSecret: string,
  fetchImpl?: XFetch,
): Promise<void> {
  const app = createXClient({ appKey: consumerKey, appSecret: consumerSecret }, fetchImpl);
  try {
    await app.generateAuthLink('oob', { linkMode: 'authorize' });
  } catch (error) {
    const problem = toXError(error);
    if (problem.problem === 'needs-sign-in') throw new XError('refused', t('keysRefused'));
    throw problem;
  }
}

/** Revokes an OAuth 1.0a token at X. */
export async function revokeOauth1(keys: AppKeys, account: Account, fetchImpl?: XFetch): Promise<void> {
  if (!account.oauth1) return;
  const user = createXClient(
    {
      appKey: keys.consumerKey,
      appSecret: keys.consumerSecret,
      accessToken: account.oauth1.token,
      accessSecret: account.oauth1.tokenSecret,
    },
    fetchImpl,
  );
  try {
    await user.post('https://api.x.com/1.1/oauth/invalidate_token');
  } catch (error) {
    throw toXError(error);
  }
}
