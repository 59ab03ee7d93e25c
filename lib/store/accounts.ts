import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { Account, XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

/** What pages may know of an account: never its tokens. */
export interface AccountSummary {
  xUserId: string;
  name: string;
  handle: string;
  avatarUrl: string;
  authKind: Account['authKind'];
  enabled: boolean;
  isDefault: boolean;
  needsSignIn: boolean;
  /** Owns the X developer app: its own reads are priced as Owned Reads. */
  ownsApp: boolean;
}

export function summarize(account: Account): AccountSummary {
  const { xUserId, name, handle, avatarUrl, authKind, enabled, isDefault, needsSignIn } = account;
  return {
    xUserId,
    name,
    handle,
    avatarUrl,
    authKind,
    enabled,
    isDefault,
    needsSignIn,
    ownsApp: account.ownsApp === true,
  };
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const accounts = await db.getAll('accounts');
  return accounts.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

export async function getAccount(db: Db, xUserId: string): Promise<Account | null> {
  return (await db.get('accounts', xUserId)) ?? null;
}

/**
 * Adds or replaces an account. The first account becomes the default; making one default
 * clears the flag on the others in the same transaction, so there is never zero or two.
 */
export function putAccount(db: Db, account: Account): Promise<void> {
  return inAccountsTransaction(db, async (store) => {
    const others = (await store.getAll()).filter((other) => other.xUserId !== account.xUserId);
    const isDefault = account.isDefault || !others.some((other) => other.isDefault);
    if (isDefault) {
      for (const other of others.filter((o) => o.isDefault)) await store.put({ ...other, isDefault: false });
    }
    await store.put({ ...account, isDefault });
  });
}

/** Removes an account; if it was the default, the first remaining enabled one takes over. */
export function removeAccount(db: Db, xUserId: string): Promise<void> {
  return inAccountsTransaction(db, async (store) => {
    const removed = await store.get(xUserId);
    await store.delete(xUserId);
    if (removed?.isDefault) {
      const next = (await store.getAll()).sort((a, b) => Number(b.enabled) - Number(a.enabled))[0];
      if (next) await store.put({ ...next, isDefault: true });
    }
  });
}

type AccountsStore = IDBPObjectStore<XCrmDb, ['accounts'], 'accounts', 'readwrite'>;

/**
 * Runs several writes to the accounts as one: if any fails (a full disk, say), the whole
 * transaction is aborted, so no half-written state stays, and the failure is reported once.
 */
async function inAccountsTransaction(db: Db, work: (store: AccountsStore) => Promise<void>): Promise<void> {
  const tx = db.transaction('accounts', 'readwrite');
  try {
    await work(tx.store);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await tx.done.catch(() => {});
    throw error;
  }
}

/** The account to act as: the chosen one if enabled, else the enabled default. */
export async function actingAccount(db: Db, chosen?: string | null): Promise<Account | null> {
  const accounts = (await db.getAll('accounts')).filter((account) => account.enabled);
  return (
    accounts.find((account) => account.xUserId === chosen) ??
    accounts.find((account) => account.isDefault) ??
    accounts[0] ??
    null
  );
}
