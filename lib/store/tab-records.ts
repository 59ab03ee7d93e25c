import { browser } from 'wxt/browser';
import type { CrmRecord } from '../crm/record';

// storage.session outlives a restarted service worker and, by default, only the
// extension's own pages and worker can read it: content scripts cannot.
const keyOf = (tabId: number) => `tab-record:${tabId}`;

/** Remembers which record a tab shows, as its content script last reported. */
export async function setTabRecord(tabId: number, record: CrmRecord | null): Promise<void> {
  if (record) await browser.storage.session.set({ [keyOf(tabId)]: record });
  else await browser.storage.session.remove(keyOf(tabId));
}

/** The record a tab shows, or null. */
export async function getTabRecord(tabId: number): Promise<CrmRecord | null> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  return (stored[keyOf(tabId)] as CrmRecord | undefined) ?? null;
}
