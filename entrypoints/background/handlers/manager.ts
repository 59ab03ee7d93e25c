import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { ManagerState, managerMessages } from '@/lib/messages/manager-messages';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import {
  editAccount,
  getAccount,
  listAccounts,
  removeAccount,
  summarize,
  writeAccount,
} from '@/lib/store/accounts';
import { deleteAppKeys, effectiveAppKeys, getAppKeys, saveAppKeys } from '@/lib/store/app-keys';
import { permissionsOf, readPolicy } from '@/lib/store/policy';
import { database } from '@/lib/store/db';
import type { Account, AppKeys } from '@/lib/store/schema';
import { pkceSignIn, revokeOauth2 } from '@/lib/x/auth/pkce-sign-in';
import { finishPinSignIn, revokeOauth1, startPinSignIn, verifyAppKeys } from '@/lib/x/auth/pin-sign-in';
import { XError } from '@/lib/x/errors';

async function managerState(): Promise<ManagerState> {
  const db = await database();
  const keys = await effectiveAppKeys(db);
  const policy = await readPolicy();
  return {
    policy: {
      ...permissionsOf(policy),
      keysFromPolicy: Boolean(policy.consumerKey || policy.clientId),
      secretFromPolicy: Boolean(policy.consumerSecret),
    },
    keys: keys && {
      consumerKey: keys.consumerKey,
      consumerSecretRecorded: keys.consumerSecret.length > 0,
      clientId: keys.clientId,
      verifiedAt: keys.verifiedAt,
    },
    accounts: (await listAccounts(db)).map(summarize),
  };
}

const settingsLocked = async () => permissionsOf(await readPolicy()).locked;

async function requireKeys(): Promise<AppKeys> {
  const keys = await effectiveAppKeys(await database());
  if (!keys?.consumerKey || !keys.consumerSecret) throw new XError('keys-missing', t('xKeysMissing'));
  return keys;
}

/** Keeps a freshly signed-in account; signing the same person in again keeps the admin's choices. */
async function storeSignedIn(account: Account) {
  const kept = await writeAccount(await database(), account.xUserId, (existing) =>
    existing
      ? { ...account, enabled: existing.enabled, isDefault: existing.isDefault, ownsApp: existing.ownsApp }
      : account,
  );
  return { account: summarize(kept ?? account), state: await managerState() };
}

/** The stored account, or a refusal saying it is no longer in the list. */
export async function requireAccount(xUserId: string) {
  const account = await getAccount(await database(), xUserId);
  if (!account) throw new XError('refused', t('accountUnknown'));
  return account;
}

/** The integration manager's requests. Tokens and the consumer secret never leave here. */
export const managerHandlers: HandlersFor<typeof managerMessages> = {
  managerState,

  async keysSave({ consumerKey, consumerSecret, clientId }) {
    const db = await database();
    const recorded = await getAppKeys(db);
    const secret = consumerSecret || recorded?.consumerSecret || '';
    if (!secret) throw new XError('refused', t('keysSecretNeeded'));
    const pairChanged = consumerKey !== recorded?.consumerKey || secret !== recorded?.consumerSecret;
    // A pair X refuses is never kept as good: verify before saving.
    if (pairChanged) await verifyAppKeys(consumerKey, secret);
    await saveAppKeys(db, {
      consumerKey,
      consumerSecret: secret,
      clientId,
      verifiedAt: pairChanged ? Date.now() : (recorded?.verifiedAt ?? null),
    });
    return managerState();
  },

  async keysDelete() {
    await deleteAppKeys(await database());
    return managerState();
  },

  async accountAddStart({ name }) {
    const authorizeUrl = await startPinSignIn(await requireKeys(), name);
    await browser.tabs.create({ url: authorizeUrl });
    return { authorizeUrl };
  },

  async accountAddFinish({ pin }) {
    return storeSignedIn(await finishPinSignIn(await requireKeys(), pin));
  },

  async accountAddOauth2({ name }) {
    const keys = await effectiveAppKeys(await database());
    if (!keys?.clientId) throw new XError('keys-missing', t('oauth2NoClientId'));
    return storeSignedIn(await pkceSignIn(keys.clientId, name));
  },

  async accountUpdate({ xUserId, enabled, isDefault, name, ownsApp }) {
    const account = await requireAccount(xUserId);
    // What the meter charges follows from it: a locked policy keeps it as the admin left it.
    if (ownsApp !== undefined && ownsApp !== (account.ownsApp === true) && (await settingsLocked()))
      throw new HandlerError('policy-locked', t('policyLocked'));
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
};
