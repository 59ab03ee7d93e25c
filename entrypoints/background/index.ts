import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '@/lib/messages/router';
import type { SenderIdentity } from '@/lib/messages/sender';
import { handlers } from './handlers';
import { retryWhenOnline } from './outbox';
import { withPolicy } from './policy-guard';
import { forgetRecordsOfDepartedTabs } from './tab-departures';
import { watchUserRuleScripts } from './user-rule-scripts';

export default defineBackground({
  type: 'module',
  main() {
    const identity: SenderIdentity = {
      extensionId: browser.runtime.id,
      extensionOrigins: [browser.runtime.getURL('/').replace(/\/$/, '')],
      userRuleHosts: [],
    };
    const route = createRouter(withPolicy(handlers), identity);
    // A content script on a rule's host may wake the worker: its message waits for the rules.
    const rulesRead = watchUserRuleScripts((hosts) => {
      identity.userRuleHosts = hosts;
    });
    browser.runtime.onMessage.addListener((message, sender) => rulesRead.then(() => route(message, sender)));
    retryWhenOnline(globalThis);
    forgetRecordsOfDepartedTabs();
  },
});
