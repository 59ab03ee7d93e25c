import type { IDBPDatabase } from 'idb';
import { readUserRules } from '../crm/user-rules';
import type { XCrmDb } from './schema';
import { checkedSettings, DEFAULT_SETTINGS, type Settings } from './settings';

type Db = IDBPDatabase<XCrmDb>;

/** The storage.local keys earlier versions kept the settings and the user rules in. */
export const LEGACY_LOCAL_KEYS = { settings: 'settings', userRules: 'userRules' } as const;

/** The part of storage.local this needs; a fake in unit tests. */
export interface LegacyLocal {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Earlier settings, field by field; anything out of bounds takes the default. */
function legacySettings(stored: unknown): Settings {
  const settings = checkedSettings(
    typeof stored === 'object' && stored !== null ? { ...DEFAULT_SETTINGS, ...stored } : null,
  );
  // No budget was the old default; every browser now starts with one.
  return settings.dailyBudgetUsd === null
    ? { ...settings, dailyBudgetUsd: DEFAULT_SETTINGS.dailyBudgetUsd }
    : settings;
}

/**
 * Moves the settings and user rules of an earlier version from storage.local into the
 * worker's IndexedDB, once: when the database has none yet (a fresh install gets the
 * defaults), then deletes them from storage.local so nothing reads them there again. Values
 * are checked as any input; out-of-bounds fields take the default.
 */
export async function adoptLegacySettings(db: Db, local: LegacyLocal): Promise<void> {
  const [hasSettings, hasRules] = await Promise.all([
    db.getKey('settings', 'preferences'),
    db.getKey('settings', 'userRules'),
  ]);
  if (hasSettings !== undefined && hasRules !== undefined) return;
  const keys = [LEGACY_LOCAL_KEYS.settings, LEGACY_LOCAL_KEYS.userRules];
  const stored = await local.get(keys);
  const tx = db.transaction('settings', 'readwrite');
  if ((await tx.store.getKey('preferences')) === undefined)
    await tx.store.put(legacySettings(stored[LEGACY_LOCAL_KEYS.settings]), 'preferences');
  if ((await tx.store.getKey('userRules')) === undefined)
    await tx.store.put(readUserRules(stored[LEGACY_LOCAL_KEYS.userRules]), 'userRules');
  await tx.done;
  await local.remove(keys);
}
