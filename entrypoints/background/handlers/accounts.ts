import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { accountMessages } from '@/lib/messages/account-messages';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import {
  editAccount,
  getAccount,
  listAccounts,
  removeAccount,
  summarize,
  writeAccount,
} from '@/lib/store/accounts';
import { effectiveAppKeys } from '@/lib/store/app-keys';
import { database } from '@/lib/store/db';
import type { Account, AppKeys } from '@/lib/store/schema';
import { pkceSignIn, revokeOauth2 } from '@/lib/x/auth/pkce-sign-in';
import { finishPinSignIn, revokeOauth1, startPinSignIn } from '@/lib/x/auth/pin-sign-in';
import { XError } from '@/lib/x/errors';
import { xService } from '../x-service';
import { managerState } from './manager-state';

/**
 * The app's OAuth 1.0a key pair, which the PIN flow signs with.
 * @throws XError `keys-missing` when the key or the secret is not recorded.
 */
async function pinFlowKeys(): Promise<AppKeys> {
  const keys = await effectiveAppKeys(await database());
  if (!keys?.consumerKey || !keys.consumerSecret) throw new XError('keys-missing', t('xKeysMissing'));
  return keys;
}

/**
 * The app's OAuth 2.0 client id, which Sign in with X (PKCE) names.
 * @throws XError `keys-missing` when there is none.
 */
async function oauth2ClientId(): Promise<string> {
  const keys = await effectiveAppKeys(await database());
  if (!keys?.clientId) throw new XError('keys-missing', t('oauth2NoClientId'));
  return keys.clientId;
}

/**
 * Keeps the tokens of a finished sign-in. Signing a known person in keeps the admin's choices
 * (enabled, default, owns the app) as they are now, not as they were when the sign-in began.
 * `again`: the account that was signed in again; then the tokens must be that X user's, its
 * name is kept, and an account deleted meanwhile is not brought back.
 * @throws HandlerError `other-user` (X signed in someone else), `refused` (deleted meanwhile).
 */
async function storeSignIn(signedIn: Account, again?: Account) {
  if (again && signedIn.xUserId !== again.xUserId) {
    // The tokens X just issued are for someone else: they are not stored.
    throw new HandlerError('other-user', t('reauthOtherUser', `@${signedIn.handle}`, `@${again.handle}`));
  }
  const kept = await writeAccount(await database(), signedIn.xUserId, (current) => {
    if (!current) return again ? null : signedIn;
    return {
      ...signedIn,
      name: again ? current.name : signedIn.name,
      enabled: current.enabled,
      isDefault: current.isDefault,
      ownsApp: current.ownsApp,
      needsSignIn: false,
    };
  });
  if (!kept) throw new HandlerError('refused', t('accountUnknown'));
  return { account: summarize(kept), state: await managerState() };
}

/**
 * The stored account.
 * @throws XError `refused` when it is no longer in the list.
 */
async function requireAccount(xUserId: string): Promise<Account> {
  const account = await getAccount(await database(), xUserId);
  if (!account) throw new XError('refused', t('accountUnknown'));
  return account;
}

/** The X accounts: added, signed in again, edited, tested, deleted; and which may act. */
export const accountHandlers: HandlersFor<typeof accountMessages> = {
  managerState,

  async actingAccounts() {
    return (await listAccounts(await database())).filter((a) => a.enabled).map(summarize);
  },

  async accountAddStart({ name }) {
    const authorizeUrl = await startPinSignIn(await pinFlowKeys(), name);
    await browser.tabs.create({ url: authorizeUrl });
    return { authorizeUrl };
  },

  async accountAddFinish({ pin }) {
    return storeSignIn(await finishPinSignIn(await pinFlowKeys(), pin));
  },

  async accountAddOauth2({ name }) {
    return storeSignIn(await pkceSignIn(await oauth2ClientId(), name));
  },

  async accountReauthFinish({ xUserId, pin }) {
    const again = await requireAccount(xUserId);
    return storeSignIn(await finishPinSignIn(await pinFlowKeys(), pin), again);
  },

  async accountReauthOauth2({ xUserId }) {
    const again = await requireAccount(xUserId);
    return storeSignIn(await pkceSignIn(await oauth2ClientId(), again.name), again);
  },

  /** A locked policy refuses a change of "owns the app" (policy-guard.ts). */
  async accountUpdate({ xUserId, enabled, isDefault, name, ownsApp }) {
    await requireAccount(xUserId);
    const edited = await editAccount(await database(), xUserId, { enabled, isDefault, name, ownsApp });
    if (!edited) throw new XError('refused', t('accountUnknown'));
    return managerState();
  },

  async accountDelete({ xUserId }) {
    const account = await requireAccount(xUserId);
    let revoked = true;
    try {
      const keys = await effectiveAppKeys(await database());
      if (!keys) revoked = false;
      else if (account.authKind === 'oauth2') await revokeOauth2(keys.clientId, account);
      else await revokeOauth1(keys, account);
    } catch {
      // The tokens are deleted all the same; the manager says the revoke did not happen.
      revoked = false;
    }
    await removeAccount(await database(), xUserId);
    return { revoked, state: await managerState() };
  },

  async accountTest({ xUserId }) {
    const account = await requireAccount(xUserId);
    if (!account.enabled)
      throw new HandlerError('account-disabled', t('accountTestDisabled', `@${account.handle}`));
    const query = `from:${account.handle}`;
    const page = await xService.searchRecent(query, null, account.xUserId);
    return { query, posts: page.posts.slice(0, 10) };
  },
};
