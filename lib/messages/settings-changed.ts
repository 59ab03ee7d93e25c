import { browser } from 'wxt/browser';

/**
 * The storage.local key the worker touches after it changed the settings or the user rules,
 * so content scripts and the worker's own watchers read them again. It carries no setting:
 * a page that writes it only makes content scripts ask the worker once more.
 */
export const SETTINGS_CHANGED_KEY = 'settingsChanged';

/** Tells every content script and watcher that the settings changed. Only the worker calls this. */
export async function announceSettingsChanged(): Promise<void> {
  // A new value each time, or storage.onChanged would not fire for a second change.
  await browser.storage.local.set({ [SETTINGS_CHANGED_KEY]: crypto.randomUUID() });
}

/** Calls `onChange` after each announcement; returns the function that stops listening. */
export function onSettingsChanged(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_CHANGED_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
