import type { IDBPDatabase } from 'idb';
import { readPolicy } from './policy';
import type { AppKeys, XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

/** The X app's keys, or null before the admin entered them. */
export async function getAppKeys(db: Db): Promise<AppKeys | null> {
  return (await db.get('appKeys', 'app')) ?? null;
}

/** Adds or replaces the keys. There is no partial write: a key pair is saved whole. */
export async function saveAppKeys(db: Db, keys: Omit<AppKeys, 'id'>): Promise<void> {
  await db.put('appKeys', { id: 'app', ...keys });
}

/** Deletes the keys; only the manager's maintenance section calls this. */
export async function deleteAppKeys(db: Db): Promise<void> {
  await db.delete('appKeys', 'app');
}

/**
 * The keys in force: those the organisation pushed by policy, field by field, over those
 * entered in the manager.
 */
export async function effectiveAppKeys(db: Db): Promise<AppKeys | null> {
  const [stored, policy] = await Promise.all([getAppKeys(db), readPolicy()]);
  if (!stored && !policy.consumerKey && !policy.clientId) return null;
  return {
    id: 'app',
    consumerKey: policy.consumerKey ?? stored?.consumerKey ?? '',
    consumerSecret: policy.consumerSecret ?? stored?.consumerSecret ?? '',
    clientId: policy.clientId ?? stored?.clientId ?? '',
    verifiedAt: stored?.verifiedAt ?? null,
  };
}
