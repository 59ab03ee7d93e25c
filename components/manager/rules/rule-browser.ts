import { browser } from 'wxt/browser';
import { crmHostPatterns } from '@/lib/crm/hosts';
import { userRulePathId } from '@/lib/crm/user-rule-path';
import { applyUserRule, type UserRuleReading } from '@/lib/crm/user-rule-read';
import type { UserRule } from '@/lib/crm/user-rules';

/** At most this many open tabs are tried: enough to see the rule work, quick to show. */
const MAX_TRIED_TABS = 5;

/** One tab tried: where, and what the rule read there (undefined when the tab gave no answer). */
export interface TriedTab {
  title: string;
  url: string;
  reading: UserRuleReading | undefined;
}

/**
 * What the rules section asks of the browser rather than of the worker: the rule's host
 * permission and a look at the open tabs. The page passes `extensionRuleBrowser`, tests a fake.
 */
export interface RuleBrowser {
  /**
   * Asks for the host pattern `matches` (resolves true when granted). Must be called in the
   * click's handler before any await: browsers grant optional permissions only during the
   * user's gesture. A host already held resolves true without a prompt.
   */
  requestHost(matches: string): Promise<boolean>;
  /** Gives the host pattern back; the manifest's own CRM hosts are never given back. */
  releaseHost(matches: string): Promise<void>;
  /** Applies `rule`, reading only, to up to five open tabs of its host. */
  tryOnOpenTabs(rule: UserRule): Promise<TriedTab[]>;
}

/** The browser's own permissions, tabs and scripting APIs, as the manager page uses them. */
export const extensionRuleBrowser: RuleBrowser = {
  requestHost: (matches) => browser.permissions.request({ origins: [matches] }),

  async releaseHost(matches) {
    if (crmHostPatterns.includes(matches)) return;
    await browser.permissions.remove({ origins: [matches] });
  },

  async tryOnOpenTabs(rule) {
    const tabs = (await browser.tabs.query({ url: rule.matches })).slice(0, MAX_TRIED_TABS);
    const results: TriedTab[] = [];
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      let reading: UserRuleReading | undefined;
      try {
        // The same function the content script runs, sent into the tab: what the user sees
        // here is what the icon will read. The path is matched here, with RE2; only the id
        // found travels into the tab.
        const pathId = tab.url ? (userRulePathId(rule, new URL(tab.url)) ?? null) : null;
        const [frame] = await browser.scripting.executeScript({
          target: { tabId: tab.id },
          func: applyUserRule,
          args: [rule, null, 'try', pathId],
        });
        reading = frame?.result as UserRuleReading | undefined;
      } catch {
        reading = undefined;
      }
      results.push({ title: tab.title ?? '', url: tab.url ?? '', reading });
    }
    return results;
  },
};
