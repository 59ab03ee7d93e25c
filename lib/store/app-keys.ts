import type { IDBPDatabase } from 'idb';
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
