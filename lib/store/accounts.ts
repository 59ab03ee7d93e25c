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
export async function putAccount(db: Db, account: Account): Promise<void> {
  await writeAccount(db, account.xUserId, () => account);
}

/**
 * The one writer of an account's row: `change` gets the row as it is inside a readwrite
 * transaction and returns the row to store, or null to leave it as it is. Every write of an
 * account (an edit in the manager, a token refresh, a new sign-in) goes through here, so no
 * writer can put back fields another changed while it waited for X or for the admin: each
 * changes only its own fields of the row it reads in the same transaction.
 * Resolves to the row as stored afterwards (null when there is none).
 * Throws what IndexedDB throws; the transaction is then aborted and nothing is written.
 */
export async function writeAccount(
  db: Db,
  xUserId: string,
  change: (current: Account | null) => Account | null,
): Promise<Account | null> {
  let stored: Account | null = null;
  await inAccountsTransaction(db, async (store) => {
    const current = (await store.get(xUserId)) ?? null;
    const next = change(current);
    stored = current;
    if (!next) return;
    const others = (await store.getAll()).filter((other) => other.xUserId !== xUserId);
    const isDefault = next.isDefault || !others.some((other) => other.isDefault);
    if (isDefault) {
      for (const other of others.filter((o) => o.isDefault)) await store.put({ ...other, isDefault: false });
    }
    stored = { ...next, xUserId, isDefault };
    await store.put(stored);
  });
  return stored;
}

/** What the admin may change of an account in the manager. */
export type AccountEdit = Partial<Pick<Account, 'name' | 'enabled' | 'isDefault' | 'ownsApp'>>;

/**
 * Applies the admin's edit to the account as stored now (tokens a refresh just stored are
 * kept). Resolves to the account afterwards, or null when it was deleted meanwhile.
 */
export function editAccount(db: Db, xUserId: string, edit: AccountEdit): Promise<Account | null> {
  return writeAccount(db, xUserId, (current) => current && { ...current, ...definedOnly(edit) });
}

const definedOnly = (edit: AccountEdit): AccountEdit =>
  Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined));

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
