import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '@/lib/messages/router';
import type { SenderIdentity } from '@/lib/messages/sender';
import { database } from '@/lib/store/db';
import { keepSessionFromContentScripts, type SessionStorageArea } from '@/lib/store/session-access';
import { adoptLegacySettings } from '@/lib/store/settings-upgrade';
import { handlers } from './handlers';
import { retryWhenOnline } from './outbox';
import { withPolicy } from './policy-guard';
import { watchSocialCommand, watchSocialSchedule } from './social-schedule';
import { forgetRecordsOfDepartedTabs } from './tab-departures';
import { browserRuleScriptApi, watchUserRuleScripts } from './user-rule-scripts';

export default defineBackground({
  type: 'module',
  main() {
    const identity: SenderIdentity = {
      extensionId: browser.runtime.id,
      extensionOrigins: [browser.runtime.getURL('/').replace(/\/$/, '')],
      userRuleHosts: [],
    };
    const route = createRouter(withPolicy(handlers), identity);
    // Tab records and panel tokens sit in storage.session: closed to content scripts in both browsers.
    keepSessionFromContentScripts(browser.storage.session as unknown as SessionStorageArea).catch(
      (error: unknown) =>
        console.error('X for CRM: storage.session could not be closed to content scripts', error),
    );
    // Settings of an earlier version move from storage.local before anything reads them.
    const adopted = database()
      .then((db) => adoptLegacySettings(db, browser.storage.local))
      .catch((error: unknown) => console.warn('X for CRM: could not move the earlier settings', error));
    // A content script on a rule's host may wake the worker: its message waits for the rules.
    const rulesRead = watchUserRuleScripts(
      (hosts) => {
        identity.userRuleHosts = hosts;
      },
      { ...browserRuleScriptApi, readRules: () => adopted.then(browserRuleScriptApi.readRules) },
    );
    browser.runtime.onMessage.addListener((message, sender) => rulesRead.then(() => route(message, sender)));
    retryWhenOnline(globalThis);
    forgetRecordsOfDepartedTabs();
    watchSocialSchedule();
    watchSocialCommand();
  },
});
