import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { RecordChanged } from '@/lib/messages/record-events';
import type { recordMessages } from '@/lib/messages/record-messages';
import { type HandlerContext, HandlerError, type HandlersFor } from '@/lib/messages/router';
import { sameRecordRef } from '@/lib/crm/records-at-url';
import { getTabRecord, setTabRecord } from '@/lib/store/tab-records';
import { panelIsOnItsRecord } from '../panel-place';
import { recordsShownAt, senderPageUrl } from '../tab-page';

/** The CRM tab a content script or panel message came from. */
export function tabOf(context: HandlerContext): number {
  if (context.tabId === undefined) throw new HandlerError('no-tab', t('errorNoTab'));
  return context.tabId;
}

/** Tells the tab's panel, if one is open, that its record changed. */
function announce(tabId: number) {
  const event: RecordChanged = { event: 'recordChanged', tabId };
  // Rejects when no extension page listens; that is the usual case, not an error.
  browser.runtime.sendMessage(event).catch(() => {});
}

/** Answers about the record each CRM tab shows. */
export const recordHandlers: HandlersFor<typeof recordMessages> = {
  async recordDetected(record, context) {
    const tabId = tabOf(context);
    // A content script reports what it read, but the browser says where it runs: a record the
    // sender's own URL does not name is someone else's (a forged or stale report) and is
    // refused, leaving the tab's record as it was. The stored URL is the page's, never the report's.
    const url = senderPageUrl(context.sender);
    const shown = url ? await recordsShownAt(url) : [];
    if (!url || !shown.some((ref) => sameRecordRef(ref, record)))
      throw new HandlerError('record-not-on-page', t('errorRecordNotOnPage'));
    await setTabRecord(tabId, { ...record, url: url.href });
    announce(tabId);
    return null;
  },
  async recordLeft(_input, context) {
    await setTabRecord(tabOf(context), null);
    announce(tabOf(context));
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
