import { browser } from 'wxt/browser';
import { sameRecordRef } from '@/lib/crm/records-at-url';
import { forgetPanelTokens } from '@/lib/store/panel-tokens';
import { forgetTab, forgetTabRecordIf, getTabRecord } from '@/lib/store/tab-records';
import { recordsShownAt } from './tab-page';

/**
 * Forgets a tab's record once the tab no longer shows it: closed, gone to another site, or
 * loading a page of the CRM's site whose URL does not name the record (within one page, the
 * content script reports list views and other records itself; a page it loads fresh on a list
 * view asks nothing of the worker, so that no CRM page without a record pays for a message).
 * A panel or message from that tab then finds no record to act on. The tab's URL is withheld
 * on sites the extension has no access to, and that alone means the tab left the CRM.
 */
export function forgetRecordsOfDepartedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetPanelTokens(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== 'loading') return;
    void forgetUnlessShown(tabId, tab.url, change.status === 'loading').catch((error: unknown) =>
      console.warn('X for CRM: could not update the tab’s record', error),
    );
  });
}

function originOf(href: string): string | undefined {
  try {
    return new URL(href).origin;
  } catch {
    return undefined;
  }
}

function urlOf(href: string | undefined): URL | undefined {
  try {
    return href ? new URL(href) : undefined;
  } catch {
    return undefined;
  }
}

async function forgetUnlessShown(tabId: number, href: string | undefined, loading: boolean): Promise<void> {
  const stored = await getTabRecord(tabId);
  if (!stored) return;
  let url = urlOf(href);
  if (url && url.origin === originOf(stored.url)) {
    // Within the record's own site the content script reports each record it moves to and each
    // page without one; these events can arrive after its next report, so a move within one
    // page is left to it. A page loading afresh is judged by the URL the tab shows by now: a
    // record reported since then was checked against that very URL and stays.
    if (!loading) return;
    url = urlOf((await browser.tabs.get(tabId).catch(() => undefined))?.url) ?? url;
  }
  const shown = url ? await recordsShownAt(url) : [];
  if (shown.some((ref) => sameRecordRef(ref, stored))) return;
  // The content script may have reported the tab's next record meanwhile: leave that one be.
  await forgetTabRecordIf(tabId, (current) => sameRecordRef(current, stored));
}
