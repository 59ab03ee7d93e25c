import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '@/lib/messages/router';
import { setTabRecord } from '@/lib/store/tab-records';
import { handlers } from './handlers';
import { retryWhenOnline } from './outbox';
import { withPolicy } from './policy-guard';

export default defineBackground({
  type: 'module',
  main() {
    const route = createRouter(withPolicy(handlers), {
      extensionId: browser.runtime.id,
      extensionOrigins: [browser.runtime.getURL('/').replace(/\/$/, '')],
    });
    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
    retryWhenOnline(globalThis);
    browser.tabs.onRemoved.addListener((tabId) => {
      void setTabRecord(tabId, null);
    });
  },
});
