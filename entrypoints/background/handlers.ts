import { t } from '@/lib/i18n';
import type { HandlerContext, Handlers } from '@/lib/messages/router';
import { HandlerError } from '@/lib/messages/router';
import { getTabRecord, setTabRecord } from '@/lib/store/tab-records';

function tabOf(context: HandlerContext): number {
  if (context.tabId === undefined) throw new HandlerError('no-tab', t('errorNoTab'));
  return context.tabId;
}

/** The background's answers to every protocol message. Inputs arrive parsed and senders checked. */
export const handlers: Handlers = {
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
