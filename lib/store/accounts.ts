import type { IDBPDatabase } from 'idb';
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
}

export function summarize(account: Account): AccountSummary {
  const { xUserId, name, handle, avatarUrl, authKind, enabled, isDefault, needsSignIn } = account;
  return { xUserId, name, handle, avatarUrl, authKind, enabled, isDefault, needsSignIn };
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
  const tx = db.transaction('accounts', 'readwrite');
  const others = (await tx.store.getAll()).filter((other) => other.xUserId !== account.xUserId);
  const isDefault = account.isDefault || !others.some((other) => other.isDefault);
  if (isDefault) {
    for (const other of others.filter((o) => o.isDefault)) await tx.store.put({ ...other, isDefault: false });
  }
  await tx.store.put({ ...account, isDefault });
  await tx.done;
}

/** Removes an account; if it was the default, the first remaining enabled one takes over. */
export async function removeAccount(db: Db, xUserId: string): Promise<void> {
  const tx = db.transaction('accounts', 'readwrite');
  const removed = await tx.store.get(xUserId);
  await tx.store.delete(xUserId);
  if (removed?.isDefault) {
    const next = (await tx.store.getAll()).sort((a, b) => Number(b.enabled) - Number(a.enabled))[0];
    if (next) await tx.store.put({ ...next, isDefault: true });
  }
  await tx.done;
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
