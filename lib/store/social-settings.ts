import type { IDBPDatabase } from 'idb';
import { z } from 'zod';
import { t } from '../i18n';
import type { XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

/** The words a rep looks for in people's news before choosing any: Zoho's cues for a sale. */
export const DEFAULT_SOCIAL_KEYWORDS = ['hiring', 'RFP', 'funding'] as const;

/**
 * The starting words in the UI language (German "Stellenangebot", "Ausschreibung",
 * "Finanzierung"…), as people write their news in it; English where a locale lacks one. Once
 * the rep saves a list, it is kept as typed, whatever the UI language.
 */
export function defaultSocialKeywords(): string[] {
  const local = [t('socialKeywordHiring'), t('socialKeywordRfp'), t('socialKeywordFunding')];
  return DEFAULT_SOCIAL_KEYWORDS.map((english, index) => local[index]?.trim() || english);
}

/** How often a scheduled refresh may run, in hours; policy can raise the least. */
export const SOCIAL_SCHEDULE_HOURS = [1, 2, 4, 8, 24] as const;

/**
 * The Social view's own settings: the rep's words to highlight, and the scheduled refresh
 * (off until the rep turns it on). Kept in the worker's IndexedDB like the other settings.
 */
export const SocialSettings = z
  .object({
    keywords: z.array(z.string().trim().min(1).max(40)).max(30),
    /** Hours between scheduled refreshes; null when off. */
    scheduleHours: z
      .number()
      .int()
      .refine((hours) => (SOCIAL_SCHEDULE_HOURS as readonly number[]).includes(hours))
      .nullable(),
  })
  .strip();
export type SocialSettings = z.output<typeof SocialSettings>;

/** The settings before the rep changes any: the starting words in the UI language, no schedule. */
export function defaultSocialSettings(): SocialSettings {
  return { keywords: defaultSocialKeywords(), scheduleHours: null };
}

const KEY = 'social';

const Stored = z.object({
  keywords: SocialSettings.shape.keywords.catch(() => defaultSocialKeywords()),
  scheduleHours: SocialSettings.shape.scheduleHours.catch(null),
});

/** The Social view's settings, each field checked alone, the default where one fails. */
export async function readSocialSettings(db: Db): Promise<SocialSettings> {
  const parsed = Stored.safeParse((await db.get('settings', KEY)) ?? defaultSocialSettings());
  return parsed.success ? parsed.data : defaultSocialSettings();
}

/**
 * Changes some of the Social view's settings in one transaction.
 * @throws ZodError when a value is out of bounds (nothing is written)
 */
export async function updateSocialSettings(db: Db, change: Partial<SocialSettings>): Promise<SocialSettings> {
  const tx = db.transaction('settings', 'readwrite');
  const current = Stored.parse((await tx.store.get(KEY)) ?? defaultSocialSettings());
  const next = SocialSettings.parse({ ...current, ...change });
  // The same word twice, in any case, is one word.
  const seen = new Set<string>();
  next.keywords = next.keywords.filter(
    (word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()),
  );
  await tx.store.put(next, KEY);
  await tx.done;
  return next;
}
