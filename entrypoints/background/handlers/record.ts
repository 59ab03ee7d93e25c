import { browser } from 'wxt/browser';
import type { CrmRecord, RecordRef } from '@/lib/crm/record';
import { sameRecordRef } from '@/lib/crm/records-at-url';
import { t } from '@/lib/i18n';
import type { RecordChanged } from '@/lib/messages/record-events';
import type { recordMessages } from '@/lib/messages/record-messages';
import { type HandlerContext, HandlerError, type HandlersFor } from '@/lib/messages/router';
import { registerPanelToken } from '@/lib/store/panel-tokens';
import { getTabRecord, reportTabRecord } from '@/lib/store/tab-records';
import { panelIsOnItsRecord } from '../panel-place';
import { recordsShownAt, senderPageUrl } from '../tab-page';

/** The CRM tab a content script or panel message came from. */
export function tabOf(context: HandlerContext): number {
  if (context.tabId === undefined) throw new HandlerError('no-tab', t('errorNoTab'));
  return context.tabId;
}

/**
 * The record the sender's tab shows, as the worker stored it from the tab's content script.
 * @throws HandlerError `no-tab` (not from a tab) or `no-record` (the tab shows no record).
 */
export async function recordOf(context: HandlerContext): Promise<CrmRecord> {
  const record = await getTabRecord(tabOf(context));
  if (!record) throw new HandlerError('no-record', t('panelNoRecord'));
  return record;
}

/** Tells the tab's panel, if one is open, that its record changed. */
function announce(tabId: number) {
  const event: RecordChanged = { event: 'recordChanged', tabId };
  // Rejects when no extension page listens; that is the usual case, not an error.
  browser.runtime.sendMessage(event).catch(() => {});
}

/** How long a report may wait for the tab's URL to catch up with the page's pushState, in ms. */
const TAB_URL_CATCH_UP_MS = 1_000;

/**
 * The sender page's URL when it names `record`, else null. A single-page CRM's report can
 * reach the worker before the browser has moved the tab's URL to the page's new address
 * (the two travel apart), so a top-frame report that does not match yet is held against the
 * tab's URL again for up to TAB_URL_CATCH_UP_MS before it is refused.
 */
async function pageUrlNaming(record: RecordRef, context: HandlerContext, tabId: number): Promise<URL | null> {
  const names = async (url: URL | null) =>
    url !== null && (await recordsShownAt(url)).some((ref) => sameRecordRef(ref, record));
  const first = senderPageUrl(context.sender);
  if (await names(first)) return first;
  const topFrame = context.sender.frameId === undefined || context.sender.frameId === 0;
  for (const deadline = Date.now() + TAB_URL_CATCH_UP_MS; topFrame && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    // A tab the browser no longer knows will not catch up.
    if (!tab) break;
    const url = tab.url ? senderPageUrl({ ...context.sender, tab }) : null;
    if (await names(url)) return url;
  }
  return null;
}

/** Answers about the record each CRM tab shows. */
export const recordHandlers: HandlersFor<typeof recordMessages> = {
  async recordDetected({ at, ...record }, context) {
    const tabId = tabOf(context);
    // A content script reports what it read, but the browser says where it runs: a record the
    // sender's own URL does not name is someone else's (a forged or stale report) and is
    // refused, leaving the tab's record as it was. The stored URL is the page's, never the report's.
    const url = await pageUrlNaming(record, context, tabId);
    if (!url) throw new HandlerError('record-not-on-page', t('errorRecordNotOnPage'));
    // A report decided before the one kept is old news: the tab has moved on since.
    if (await reportTabRecord(tabId, { ...record, url: url.href }, at)) announce(tabId);
    return null;
  },
  async recordLeft({ at }, context) {
    if (await reportTabRecord(tabOf(context), null, at)) announce(tabOf(context));
    return null;
  },
  async panelOpening({ token }, context) {
    // Keyed by the content script's own frame: the panel frame it makes is a child of it.
    await registerPanelToken(tabOf(context), context.sender.frameId ?? 0, token);
    return null;
  },
  async panelTab(_input, context) {
    return { tabId: tabOf(context) };
  },
  async panelPlace({ ancestorOrigins, parentIsTop }, context) {
    const record = await getTabRecord(tabOf(context));
    const place = { ancestorOrigins, parentIsTop, recordUrl: record?.url, tabUrl: context.sender.tab?.url };
    if (!panelIsOnItsRecord(place)) throw new HandlerError('panel-misplaced', t('panelMisplaced'));
    return null;
  },
};
