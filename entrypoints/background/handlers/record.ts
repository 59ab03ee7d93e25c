import { t } from '@/lib/i18n';
import type { recordMessages } from '@/lib/messages/record-messages';
import { type HandlerContext, HandlerError, type HandlersFor } from '@/lib/messages/router';
import { getTabRecord, setTabRecord } from '@/lib/store/tab-records';

/** The CRM tab a content script or panel message came from. */
export function tabOf(context: HandlerContext): number {
  if (context.tabId === undefined) throw new HandlerError('no-tab', t('errorNoTab'));
  return context.tabId;
}

/** Answers about the record each CRM tab shows. */
export const recordHandlers: HandlersFor<typeof recordMessages> = {
  async recordDetected(record, context) {
    await setTabRecord(tabOf(context), record);
    return null;
  },
  async recordLeft(_input, context) {
    await setTabRecord(tabOf(context), null);
    return null;
  },
  async currentRecord(_input, context) {
    return getTabRecord(tabOf(context));
  },
};
