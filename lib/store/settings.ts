import type { IDBPDatabase } from 'idb';
import { z } from 'zod';
import { CRM_IDS, type CrmId } from '../crm/record';
import type { XCrmDb } from './schema';
import {
  DEFAULT_DAILY_BUDGET_USD,
  MAX_DAILY_BUDGET_USD,
  POSTS_FRESH_MINUTES,
  PROFILE_FRESH_HOURS,
} from './settings-bounds';

type Db = IDBPDatabase<XCrmDb>;

export {
  DEFAULT_DAILY_BUDGET_USD,
  MAX_DAILY_BUDGET_USD,
  POSTS_FRESH_MINUTES,
  PROFILE_FRESH_HOURS,
} from './settings-bounds';

/**
 * The user's preferences, as the manager and a backup file may set them. Every field changes
 * what the product costs or where it runs, so they live in the worker's IndexedDB (which a
 * content script, running in the CRM's origin, can neither read nor write) and are changed
 * only by the manager through the worker.
 */
export const Settings = z
  .object({
    /** Vendors the user switched off in the manager: their pages get no icon. */
    disabledCrms: z
      .array(z.enum(CRM_IDS))
      .max(CRM_IDS.length)
      .transform((crms) => [...new Set(crms)]),
    /** How long a person's posts are reused before X is asked again, in minutes. */
    postsFreshMinutes: z.number().int().min(POSTS_FRESH_MINUTES.min).max(POSTS_FRESH_MINUTES.max),
    /** How long a profile is reused before X is asked again, in hours. */
    profileFreshHours: z.number().int().min(PROFILE_FRESH_HOURS.min).max(PROFILE_FRESH_HOURS.max),
    /** Estimated X spend in USD per UTC day beyond which billable reads stop; null for none. */
    dailyBudgetUsd: z.number().min(0).max(MAX_DAILY_BUDGET_USD).nullable(),
  })
  .strip();
export type Settings = z.output<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  disabledCrms: [],
  postsFreshMinutes: 15,
  profileFreshHours: 24,
  dailyBudgetUsd: DEFAULT_DAILY_BUDGET_USD,
};

/** Each field checked alone: a bad one (an older build, a damaged row) falls back alone. */
const StoredSettings = z.object({
  // A vendor this version does not know (a newer build's) is dropped alone.
  disabledCrms: z
    .array(z.unknown())
    .max(100)
    .transform((ids) => [...new Set(ids.filter((id): id is CrmId => CRM_IDS.includes(id as CrmId)))])
    .catch(DEFAULT_SETTINGS.disabledCrms),
  postsFreshMinutes: Settings.shape.postsFreshMinutes.catch(DEFAULT_SETTINGS.postsFreshMinutes),
  profileFreshHours: Settings.shape.profileFreshHours.catch(DEFAULT_SETTINGS.profileFreshHours),
  dailyBudgetUsd: Settings.shape.dailyBudgetUsd.catch(DEFAULT_SETTINGS.dailyBudgetUsd),
});

const PREFERENCES = 'preferences';

/** Settings from anything stored: each field checked alone, the default where it fails. */
export function checkedSettings(stored: unknown): Settings {
  const parsed = StoredSettings.safeParse(stored ?? DEFAULT_SETTINGS);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/** The settings in force: the stored ones, each field checked, or the defaults. */
export async function readSettings(db: Db): Promise<Settings> {
  return checkedSettings(await db.get('settings', PREFERENCES));
}

/**
 * Replaces the settings. Throws a ZodError for settings out of bounds (nothing is written);
 * only the worker calls this, for the manager or a backup import.
 */
export async function saveSettings(db: Db, settings: Settings): Promise<Settings> {
  const checked = Settings.parse(settings);
  await db.put('settings', checked, PREFERENCES);
  return checked;
}

/** Changes some settings, keeping the others as they are now, in one transaction. */
export async function updateSettings(db: Db, change: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const current = StoredSettings.parse((await tx.store.get(PREFERENCES)) ?? DEFAULT_SETTINGS);
  const next = Settings.parse({ ...current, ...change });
  await tx.store.put(next, PREFERENCES);
  await tx.done;
  return next;
}

/** True when the user switched `crm` off in the manager. */
export async function isCrmSwitchedOff(db: Db, crm: CrmId): Promise<boolean> {
  return (await readSettings(db)).disabledCrms.includes(crm);
}

/** The freshness windows in ms, as the X service's cache uses them. */
export function freshnessOf(settings: Settings): { profileMs: number; postsMs: number } {
  return { profileMs: settings.profileFreshHours * 3_600_000, postsMs: settings.postsFreshMinutes * 60_000 };
}
