import { type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { migrateZohoRecordKeys } from './migrations/zoho-record-keys';
import type { XCrmDb } from './schema';

export const DB_NAME = 'x-crm';

type UpgradeTransaction = IDBPTransaction<XCrmDb, StoreNames<XCrmDb>[], 'versionchange'>;
type Upgrade = (db: IDBPDatabase<XCrmDb>, tx: UpgradeTransaction) => void | Promise<void>;

/**
 * One function per schema version, applied in order from the version a user has. Never edit
 * a shipped step: add the next one, and a case in the upgrade test that starts from the last.
 */
export const UPGRADES: readonly Upgrade[] = [
  // 1: the first schema.
  (db) => {
    const associations = db.createObjectStore('associations', { keyPath: 'key' });
    associations.createIndex('byXUserId', 'xUserId');
    associations.createIndex('byHandle', 'handle');
    db.createObjectStore('accounts', { keyPath: 'xUserId' });
    db.createObjectStore('cache', { keyPath: 'key' });
    db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byUpdatedAt', 'updatedAt');
    db.createObjectStore('outbox', { keyPath: 'id' });
    db.createObjectStore('usage', { keyPath: 'key' }).createIndex('byDay', 'day');
  },
  // 2: the X app's keys, kept apart from settings because they are secret.
  (db) => {
    db.createObjectStore('appKeys', { keyPath: 'id' });
  },
  // 3: settings and user rules, moved out of storage.local, which content scripts can write.
  (db) => {
    db.createObjectStore('settings');
  },
  // 4: a Zoho record has one key however it was opened (by data centre, not org or host).
  migrateZohoRecordKeys,
  // 5: the Social view's posts and the newest post id read from each of its sources.
  (db) => {
    db.createObjectStore('socialItems', { keyPath: 'key' }).createIndex('byFoundAt', 'foundAt');
    db.createObjectStore('socialCursors', { keyPath: 'key' });
  },
];

export const DB_VERSION = UPGRADES.length;

/**
 * Opens the database at `version` (the current one unless a test asks for an older one).
 * Only the background calls this: extension pages ask it by message, and content scripts,
 * which run in the CRM's origin, cannot reach this database at all.
 */
export function openDatabase(version: number = DB_VERSION, name: string = DB_NAME, onReleased?: () => void) {
  return openDB<XCrmDb>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // Steps that read data await only this transaction's requests, so it stays open between
      // them; a step that fails aborts the upgrade and the user keeps the old version's data.
      const run = (step: number): Promise<void> | undefined => {
        for (; step < (newVersion ?? version); step++) {
          const pending = UPGRADES[step]?.(db, tx);
          if (pending) return pending.then(() => run(step + 1));
        }
        return undefined;
      };
      run(oldVersion)?.catch((error: unknown) => {
        console.error('Database upgrade failed', error);
        try {
          tx.abort();
        } catch {
          // Already finished.
        }
      });
    },
    blocked() {
      console.warn('A newer version of the extension is waiting for an old page to close its database.');
    },
    blocking(_current, _next, event) {
      // Let a newer version upgrade instead of blocking it: close now, reopen on next use.
      onReleased?.();
      (event.target as IDBDatabase).close();
    },
    terminated: onReleased,
  });
}

let opening: ReturnType<typeof openDatabase> | undefined;

/** The background's shared connection, reopened when a newer version asked it to close. */
export function database(): ReturnType<typeof openDatabase> {
  if (!opening) {
    const released = () => {
      opening = undefined;
    };
    opening = openDatabase(DB_VERSION, DB_NAME, released);
    opening.catch(released);
  }
  return opening;
}
