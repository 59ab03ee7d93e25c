import { storage } from 'wxt/utils/storage';
import type { CrmId } from '../crm/record';

/**
 * The user's preferences. They hold nothing secret: storage.local is readable by content
 * scripts, so keys and tokens live in the background's IndexedDB instead.
 */
export interface Settings {
  /** Vendors the user switched off in the manager: their pages get no icon. */
  disabledCrms: CrmId[];
  /** How long a person's posts are reused before X is asked again. */
  postsFreshMinutes: number;
  /** How long a profile is reused before X is asked again. */
  profileFreshHours: number;
  /** Estimated X spend per UTC day beyond which billable reads stop; null for none. */
  dailyBudgetUsd: number | null;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledCrms: [],
  postsFreshMinutes: 15,
  profileFreshHours: 24,
  dailyBudgetUsd: null,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
