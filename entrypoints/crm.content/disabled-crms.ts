import { browser } from 'wxt/browser';
import type { CrmId } from '@/lib/crm/record';
import type { Settings } from '@/lib/store/settings';

/**
 * Where `settingsItem` (lib/store/settings.ts, `local:settings`) keeps the settings in
 * storage.local. Read directly: WXT's storage module would add a third to the script every
 * CRM page loads. A unit test keeps this key and the item's alike.
 */
export const SETTINGS_STORAGE_KEY = 'settings';

function disabledIn(settings: unknown): readonly CrmId[] {
  const crms = (settings as Partial<Settings> | undefined)?.disabledCrms;
  return Array.isArray(crms) ? crms : [];
}

/**
 * Calls `onChange` with the vendors the user switched off in the manager: once read, then on
 * every change. Returns the function that stops watching.
 */
export function watchDisabledCrms(onChange: (disabled: readonly CrmId[]) => void): () => void {
  let changed = false;
  const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area !== 'local' || !change) return;
    changed = true;
    onChange(disabledIn(change.newValue));
  };
  browser.storage.onChanged.addListener(onStorageChange);
  browser.storage.local.get(SETTINGS_STORAGE_KEY).then(
    // A change seen first is newer than this read.
    (stored) => changed || onChange(disabledIn(stored[SETTINGS_STORAGE_KEY])),
    () => changed || onChange([]),
  );
  return () => browser.storage.onChanged.removeListener(onStorageChange);
}
